"""Finding, reading and assembling rule packs into one checked `RuleSet`.

A pack is a folder::

    pack.yaml          manifest: name, version, description, extends, policy, parameters
    *.yaml             rule files (``rules: [...]``)
    lexicons/*.txt     one term per line, ``#`` starts a comment; the file stem names it;
                       ``!word``: no term of the lexicon hits inside ``word`` (an exclusion)
    cases/*.yaml       test cases (``cases: [...]``)
    calibration.json   confidence per axis, measured on labelled complaints (optional)
    patterns/*.yaml    clause patterns and hit conditions (see triage.rulepack.patterns)

A whole pack can also be one YAML document (manifest keys plus ``rules``), which is how
notebooks hold a rule set as text.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from triage.errors import LexiconError, PackError, RuleError, RuleErrors
from triage.facts.vocabulary import VOCABULARY_VERSION, Vocabulary
from triage.rulepack.calibration import Calibration, CalibrationError
from triage.rulepack.check import CheckedRules, check_rules
from triage.rulepack.parse import Problems, parse_cases, parse_manifest, parse_rules
from triage.rulepack.patterns import PatternSet, parse_patterns, resolve_patterns
from triage.rulepack.spec import CaseSpec, Pack, Policy, Rule
from triage.rulepack.yamlsource import Loc, load_yaml
from triage.text.lexicons import is_exclusion
from triage.text.patterns import HitCondition, PatternSpec

__all__ = ["RuleSet", "bundled_rules_dir", "load_packs", "load_text"]

MANIFEST = "pack.yaml"
CALIBRATION = "calibration.json"
"""Agreement rates per axis measured on labelled complaints (see triage.rulepack.calibration)."""


def bundled_rules_dir() -> Path:
    """The rule packs shipped with triage (inside the wheel, or ``rules/`` of a checkout)."""
    packaged = Path(str(resources.files("triage"))) / "_bundled_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


@dataclass(frozen=True)
class RuleSet:
    """Packs merged and checked: what an engine compiles."""

    packs: tuple[Pack, ...]
    checked: CheckedRules
    lexicons: Mapping[str, tuple[str, ...]]
    parameters: Mapping[str, Decimal]
    policy: Policy
    version: str
    patterns: tuple[PatternSpec, ...] = ()
    conditions: tuple[HitCondition, ...] = ()
    pattern_sources: PatternSet = field(default_factory=PatternSet)
    """The patterns and conditions as written, with their examples and locations."""
    calibration: Calibration | None = None
    """Confidence per axis, from the last pack (children after parents) that ships one."""

    @property
    def rules(self) -> tuple[Rule, ...]:
        """Every checked rule, enabled or not, in load order."""
        return self.checked.rules

    @property
    def cases(self) -> tuple[CaseSpec, ...]:
        """The test cases of every pack, pack by pack."""
        return tuple(case for pack in self.packs for case in pack.cases)

    @property
    def vocabulary(self) -> Vocabulary:
        """Base facts plus the facts derive rules declare."""
        return self.checked.vocabulary


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(f"cannot read: {error}", file=_display(path)) from None


def _lexicon(path: Path, problems: Problems) -> tuple[str, ...]:
    terms: dict[str, None] = {}
    exclusions: dict[str, int] = {}
    file = _display(path)
    for number, raw in enumerate(_read(path).splitlines(), start=1):
        term = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not term:
            continue
        if any(ch.isspace() for ch in term):
            problems.add(
                LexiconError,
                f"term {term!r} contains a space",
                Loc(file, number, 1),
                hint="one term per line; terms are single words or phrases without spaces",
            )
            continue
        if is_exclusion(term):
            exclusions.setdefault(term[1:], number)
        terms[term] = None
    for word, number in exclusions.items():
        if not word or word in terms:
            wrong = (
                "is blank" if not word else "is one of the lexicon's terms, which would never hit"
            )
            problems.add(
                LexiconError,
                f"exclusion {'!' + word!r} {wrong}",
                Loc(file, number, 1),
                hint="an exclusion names a longer word holding a term: !公交车 for 交车",
            )
    if not any(not is_exclusion(term) for term in terms):
        problems.add(LexiconError, "lexicon has no terms", Loc(file, 1, 1))
    return tuple(terms)


def _lexicon_name(path: Path, problems: Problems) -> str | None:
    name = path.stem
    if not name.isidentifier() or name != name.lower():
        problems.add(
            LexiconError,
            f"lexicon file name {path.name!r} must be a lower-case identifier",
            Loc(_display(path), 1, 1),
        )
        return None
    return name


class _Unreadable:
    """Marks a document that could not be parsed (its problem is already recorded)."""


def _document(path: Path, problems: Problems) -> Any:
    try:
        return load_yaml(_read(path), _display(path))
    except RuleError as error:
        problems.extend([error])
        return _Unreadable()


def _read_pack_dir(root: Path, problems: Problems) -> Pack | None:
    manifest_path = root / MANIFEST
    doc = _document(manifest_path, problems)
    if isinstance(doc, _Unreadable):
        return None
    manifest = parse_manifest(doc, _display(manifest_path), problems, default_name=root.name)
    if manifest is None:
        return None
    content = [doc]
    rules: list[Rule] = []
    cases = []
    for path in sorted(root.glob("*.yaml")):
        if path.name == MANIFEST:
            continue
        doc = _document(path, problems)
        if not isinstance(doc, _Unreadable):
            content.append(doc)
            trace_file = f"{root.resolve().name}/{path.name}"
            rules.extend(
                replace(rule, trace_file=trace_file)
                for rule in parse_rules(doc, _display(path), manifest.name, problems)
            )
    for path in sorted((root / "cases").glob("*.yaml")):
        doc = _document(path, problems)
        if not isinstance(doc, _Unreadable):
            cases.extend(parse_cases(doc, _display(path), manifest.name, problems))
    lexicons = {}
    for path in sorted((root / "lexicons").glob("*.txt")):
        name = _lexicon_name(path, problems)
        if name is not None:
            lexicons[name] = _lexicon(path, problems)
    patterns = PatternSet()
    for path in sorted((root / "patterns").glob("*.yaml")):
        doc = _document(path, problems)
        if not isinstance(doc, _Unreadable):
            content.append(doc)
            patterns += parse_patterns(doc, _display(path), problems.errors)
    calibration = _calibration(root / CALIBRATION, problems)
    digest = _digest([*content, lexicons, calibration.rates if calibration else None])
    return Pack(manifest, root, tuple(rules), lexicons, tuple(cases), digest, patterns, calibration)


def _calibration(path: Path, problems: Problems) -> Calibration | None:
    """The pack's confidence calibration, if it ships one."""
    if not path.is_file():
        return None
    try:
        return Calibration.from_data(json.loads(_read(path)))
    except (ValueError, CalibrationError) as error:
        problems.add(PackError, f"bad calibration: {error}", Loc(_display(path), 1, 1))
        return None


def _text_pack(
    text: str, file: str, lexicons: Mapping[str, Iterable[str]] | None, problems: Problems
) -> Pack | None:
    doc = load_yaml(text, file)
    manifest = parse_manifest(doc, file, problems, default_name="text")
    if manifest is None:
        return None
    rules = parse_rules(doc, file, manifest.name, problems, standalone=False)
    terms = {name: tuple(values) for name, values in (lexicons or {}).items()}
    return Pack(manifest, None, tuple(rules), terms, (), _digest([doc, terms]))


def _pack_dirs(path: Path) -> list[Path]:
    if (path / MANIFEST).is_file():
        return [path]
    if path.is_dir():
        found = sorted(child for child in path.iterdir() if (child / MANIFEST).is_file())
        if found:
            return found
    raise PackError(
        "not a rule pack, nor a folder of packs",
        file=_display(path),
        hint=f"a pack folder holds {MANIFEST}",
    )


def _raise_if(problems: Problems) -> None:
    if len(problems.errors) == 1:
        raise problems.errors[0]
    if problems.errors:
        raise RuleErrors(problems.errors)


def _with_parents(packs: Sequence[Pack], search: Sequence[Path], problems: Problems) -> list[Pack]:
    """``packs`` plus every pack they extend, parents before children."""
    by_name: dict[str, Pack] = {}
    for pack in packs:
        if pack.name in by_name:
            raise PackError(f"two packs are named {pack.name!r}", file=str(pack.manifest.loc.file))
        by_name[pack.name] = pack
    ordered: list[Pack] = []
    visiting: set[str] = set()

    def visit(pack: Pack) -> None:
        if pack in ordered:
            return
        if pack.name in visiting:
            raise PackError(f"pack {pack.name!r} extends itself", file=pack.manifest.loc.file)
        visiting.add(pack.name)
        for parent_name in pack.manifest.extends:
            if not _is_pack_name(parent_name):
                raise PackError(
                    f"pack {pack.name!r} extends {parent_name!r}, which is not a pack name",
                    file=pack.manifest.loc.file,
                    line=pack.manifest.loc.line,
                    hint="extends takes pack names such as 'core', found in the rule folders "
                    "given to triage; paths are refused",
                )
            parent = by_name.get(parent_name) or _find_pack(parent_name, search, problems)
            if parent is None:
                loc = pack.manifest.loc
                raise PackError(
                    f"pack {pack.name!r} extends {parent_name!r}, which cannot be found",
                    file=loc.file,
                    line=loc.line,
                    hint=f"looked in {', '.join(_display(p) for p in search)}",
                )
            by_name[parent_name] = parent
            visit(parent)
        visiting.discard(pack.name)
        ordered.append(pack)

    for pack in packs:
        visit(pack)
    return ordered


def _is_pack_name(name: str) -> bool:
    """Letters, digits, ``_`` and ``-`` (as a manifest's name): no separator, ``..`` or root."""
    return name.replace("_", "").replace("-", "").isalnum()


def _find_pack(name: str, search: Sequence[Path], problems: Problems) -> Pack | None:
    """The pack called ``name`` in the first folder of ``search`` holding it.

    ``name`` is a pack name, never a path: it is looked up only inside the rule roots the
    caller gave (and the bundled packs), so a rule file cannot pull in other folders.
    """
    for folder in search:
        candidate = folder / name
        if (candidate / MANIFEST).is_file():
            return _read_pack_dir(candidate, problems)
    return None


def _merge_settings(packs: Sequence[Pack]) -> tuple[dict[str, Decimal], Policy]:
    """Parameters and policy of all packs; a pack may override what its ancestors set."""
    parameters: dict[str, tuple[Any, Pack]] = {}
    policy: dict[str, tuple[Any, Pack]] = {}
    ancestry = {pack.name: _ancestors(pack, packs) for pack in packs}
    for pack in packs:
        for settings, merged in (
            (pack.manifest.parameters, parameters),
            (pack.manifest.policy, policy),
        ):
            for key, value in settings.items():
                if key in merged and merged[key][0] != value:
                    owner = merged[key][1]
                    if owner.name not in ancestry[pack.name]:
                        raise PackError(
                            f"packs {owner.name!r} and {pack.name!r} set {key!r} differently",
                            file=pack.manifest.loc.file,
                            hint="only a pack that extends another may override its settings",
                        )
                merged[key] = (value, pack)
    return (
        {key: value for key, (value, _) in parameters.items()},
        Policy(**{key: value for key, (value, _) in policy.items()}),
    )


def _ancestors(pack: Pack, packs: Sequence[Pack]) -> set[str]:
    by_name = {p.name: p for p in packs}
    found: set[str] = set()
    pending = list(pack.manifest.extends)
    while pending:
        name = pending.pop()
        if name not in found and name in by_name:
            found.add(name)
            pending.extend(by_name[name].manifest.extends)
    return found


def _digest(content: list[Any]) -> str:
    """A hash of parsed content: independent of layout and comments, not of meaning."""
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _override(
    parameters: dict[str, Decimal], overrides: Mapping[str, float | Decimal] | None
) -> dict[str, Decimal]:
    for name, value in (overrides or {}).items():
        if name not in parameters:
            close = difflib.get_close_matches(name, list(parameters), n=1)
            raise PackError(
                f"no pack declares a parameter {name!r}",
                hint=f"did you mean {close[0]!r}?" if close else "see the packs' 'parameters'",
            )
        parameters[name] = Decimal(str(value))
    return parameters


def _assemble(
    packs: Sequence[Pack],
    problems: Problems,
    overrides: Mapping[str, float | Decimal] | None = None,
) -> RuleSet:
    lexicons: dict[str, dict[str, None]] = {}
    for pack in packs:
        for name, terms in pack.lexicons.items():
            lexicons.setdefault(name, {}).update(dict.fromkeys(terms))
    found = sum((pack.patterns for pack in packs), PatternSet())
    for item, _ in found.patterns:
        lexicons.setdefault(item.lexicon, {})
    merged_lexicons = {name: tuple(terms) for name, terms in lexicons.items()}
    patterns, conditions = resolve_patterns(found, merged_lexicons, problems.errors)
    parameters, policy = _merge_settings(packs)
    parameters = _override(parameters, overrides)
    checked = check_rules(
        [rule for pack in packs for rule in pack.rules],
        vocabulary=Vocabulary(),
        lexicons=merged_lexicons,
        parameters=parameters,
        problems=problems,
    )
    _raise_if(problems)
    digest = _digest(
        [
            VOCABULARY_VERSION,
            [pack.digest for pack in packs],
            {k: str(v) for k, v in parameters.items()},
        ]
    )
    return RuleSet(
        packs=tuple(packs),
        checked=checked,
        lexicons=merged_lexicons,
        parameters=parameters,
        policy=policy,
        version=digest[:16],
        patterns=patterns,
        conditions=conditions,
        pattern_sources=found,
        calibration=next((pack.calibration for pack in reversed(packs) if pack.calibration), None),
    )


def load_packs(
    *paths: str | Path, parameters: Mapping[str, float | Decimal] | None = None
) -> RuleSet:
    """Load pack folders (or folders of packs), with the packs they extend.

    ``parameters`` replaces declared pack parameters by name.
    """
    if not paths:
        raise PackError("no rule packs given")
    problems = Problems()
    dirs = [folder for path in paths for folder in _pack_dirs(Path(path))]
    packs = []
    for folder in dirs:
        pack = _read_pack_dir(folder, problems)
        if pack is not None:
            packs.append(pack)
    _raise_if(problems)
    search = [*dict.fromkeys(folder.parent for folder in dirs), bundled_rules_dir()]
    return _assemble(_with_parents(packs, search, problems), problems, parameters)


def load_text(
    text: str,
    *,
    lexicons: Mapping[str, Iterable[str]] | None = None,
    parameters: Mapping[str, float | Decimal] | None = None,
    file: str = "<text>",
) -> RuleSet:
    """Load a rule set held as one YAML document; ``extends`` finds the bundled packs."""
    problems = Problems()
    pack = _text_pack(text, file, lexicons, problems)
    _raise_if(problems)
    assert pack is not None  # noqa: S101 - _raise_if raised otherwise
    return _assemble(_with_parents([pack], [bundled_rules_dir()], problems), problems, parameters)
