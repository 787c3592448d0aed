"""The docs: error codes match the code, the site's pages exist, the README links them."""

from __future__ import annotations

import re

import yaml

from tests.tools.helpers import ROOT
from triage.errors import error_codes
from triage.tools.linting import CODES

DOCS = ROOT / "docs"


def _headings(page: str) -> list[str]:
    text = (DOCS / page).read_text(encoding="utf-8")
    return re.findall(r"^## `([a-z-]+)`$", text, flags=re.MULTILINE)


def test_every_error_code_has_a_section_and_every_section_a_code() -> None:
    """docs/errors.md has exactly one section per code of triage.errors.error_codes()."""
    documented = _headings("errors.md")
    assert len(documented) == len(set(documented))
    assert set(documented) == set(error_codes())


def test_every_lint_code_is_documented() -> None:
    """docs/lint.md's table names every lint code, with its level."""
    text = (DOCS / "lint.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (error|warning|info) \|", text, re.MULTILINE))
    assert rows == {code: level.value for code, level in CODES.items()}


def _nav_pages(nav: list[object]) -> list[str]:
    pages: list[str] = []
    for item in nav:
        if isinstance(item, dict):
            for value in item.values():
                pages.extend(_nav_pages(value) if isinstance(value, list) else [value])
        else:
            pages.append(str(item))
    return pages


def test_every_page_in_the_nav_exists() -> None:
    """Each page mkdocs.yml lists is in docs/, and every Markdown page of docs/ is listed."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    pages = _nav_pages(config["nav"])
    assert config["strict"] is True
    for page in pages:
        assert (DOCS / page).is_file(), f"mkdocs.yml lists {page}, which is missing"
    listed = {str(path.relative_to(DOCS)) for path in DOCS.rglob("*.md")}
    assert listed == set(pages)


def test_readme_links_the_docs_and_the_notebook() -> None:
    """README.md links the docs site sources and the worked notebook."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/index.md)" in readme
    assert "(docs/notebooks/what-if.ipynb)" in readme
