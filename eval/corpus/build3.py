#!/usr/bin/env python3
"""Build eval/corpus/texts3.jsonl: real texts from the sectors texts.jsonl and
texts2.jsonl lack (government hotlines, utilities, ...).

Same procedure as build.py and build2.py (documented in SOURCES.md):
  * each source file is read from a local copy (under /tmp/src3/...) taken from a
    public GitHub repository snapshot; repo/path/commit/row are recorded per text;
  * per source file: strip whitespace, drop texts with < 6 Chinese characters or
    > 2000 characters, drop exact duplicates (also against texts.jsonl, texts2.jsonl
    and earlier sources of this file), then sample at most 200 texts with
    random.Random(20261206).sample over the candidates in file order;
  * personal data are masked with build.mask(), then with the few extra rules in
    mask_more() (names written right before a phone number, utility account numbers).
Reading the Excel sources needs openpyxl and xlrd (not project dependencies).
"""

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build import SURNAMES, han_count, mask

SEED = 20261206
CAP = 200
OUT = HERE / "texts3.jsonl"
SRC = Path("/tmp/src3")

SEEN = set()
for name in ("texts.jsonl", "texts2.jsonl"):
    for line in open(HERE / name, encoding="utf-8"):
        SEEN.add(json.loads(line)["text"])
SEEN_TICKETS = set()  # 12345 work-order numbers already taken (the same ticket in two files)


def take(rows, n, tag):
    cand = []
    for r in rows:
        t = (r["text"] or "").replace("\ufeff", "").replace("\r\n", "\n").strip()
        if han_count(t) < 6 or len(t) > 2000:
            continue
        if t in SEEN or mask(t) in SEEN or r.get("ticket") in SEEN_TICKETS:
            continue
        SEEN.add(t)
        if r.get("ticket"):
            SEEN_TICKETS.add(r["ticket"])
        cand.append(dict(r, text=t))
    k = min(n, len(cand))
    picked = random.Random(SEED).sample(cand, k)
    picked.sort(key=lambda r: r["row"])
    print(f"{tag}: {len(cand)} candidates, took {k}", file=sys.stderr)
    return picked


# ---------------------------------------------------------------- masking (extra)
# a private person's name written right before a phone number ("侯宪法13356698611",
# "吴波：18205317696"): after mask() the number is stars, the name is masked here too
NAME_BEFORE_PHONE = re.compile(r"([" + SURNAMES + r"])([\u4e00-\u9fff]{1,2})(?=[:：]?\s*\*{11})")
NOT_NAME_CHARS = set("用使电话号码机是为打给拨的在至到和与主管经理师傅先生女士已再人员工作")
# utility account numbers (水号/户号/表号/用户号) identify a household
ACCOUNT = re.compile(r"((?:水号|户号|表号|用户号)[:：为是]?\s*)(\d{4,})")


def mask_more(text: str) -> str:
    def _name(m):
        if set(m.group(2)) & NOT_NAME_CHARS:
            return m.group(0)
        return m.group(1) + "*" * len(m.group(2))

    t = NAME_BEFORE_PHONE.sub(_name, text)
    return ACCOUNT.sub(lambda m: m.group(1) + "*" * len(m.group(2)), t)


SOURCES = []


def source(fn):
    SOURCES.append(fn)
    return fn


# ---------------------------------------------------------------- Jinan 12345 water tickets
XBRX = ("weilancys/xbrx_12345_excel_tool", "c613ead42ae442670dd9010760c4bb50d1c4795d")
XBRX_FIRST = "378996df37da02a015f9cf70ca2826e1c858ecb8"  # initial commit (file deleted later)
# routing tags the hotline puts before the text: 【水务局转办】【紧急】【来电】, （紧急）
LEADING_TAGS = re.compile(r"^(?:(?:【[^】]*】|（紧急）)\s*)+")
TRAILING_META = re.compile(r"\s*12345办结时限[:：].*$", re.S)  # deadline and ticket number
STAFF_NOTE = re.compile(r"\s{3,}回访用户.*$", re.S)  # the water company's own follow-up note
CAMPAIGN_TAG = re.compile(r"智慧泉城(?:2020创城复审)?")  # a campaign label the operators add


def hotline_text(cell):
    """The caller's request as the hotline wrote it, without routing tags and trailer."""
    t = str(cell or "").replace("\r\n", "\n").strip()
    t = STAFF_NOTE.sub("", TRAILING_META.sub("", LEADING_TAGS.sub("", t)))
    return CAMPAIGN_TAG.sub("", t).strip()


def to_iso(value):
    if not value:
        return None
    m = re.match(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?", str(value))
    if not m:
        return None
    y, mo, d, h, mi, s = m.groups()
    return f"{y}-{int(mo):02d}-{int(d):02d}T{int(h):02d}:{mi}:{s or '00'}+08:00"


def jinan_export(path, local, commit, tag):
    """A 12345 export (济南12345工单): row 1 title, row 2 header; 问题描述 is the text."""
    if local.endswith(".xls"):
        import xlrd

        sheet = xlrd.open_workbook(SRC / "xbrx" / local).sheets()[0]
        table = [sheet.row_values(i) for i in range(sheet.nrows)]
    else:
        import openpyxl

        ws = openpyxl.load_workbook(SRC / "xbrx" / local, read_only=True).worksheets[0]
        table = [list(r) for r in ws.iter_rows(values_only=True)]
    header = [str(c) for c in table[1]]
    col = {name: header.index(name) for name in ("工单号", "问题描述", "录入时间")}
    rows = [
        {
            "text": hotline_text(r[col["问题描述"]]),
            "row": i,
            "ticket": str(r[col["工单号"]]).strip(),
            "ts": r[col["录入时间"]],
        }
        for i, r in enumerate(table[2:], 3)
    ]
    for r in take(rows, CAP, tag):
        yield (tag, r, "utilities", "government_message", XBRX[0], path, commit, to_iso(r["ts"]))


@source
def jinan_water_followup():
    """sangaobiao_example.xlsx: the water company's follow-up sheet of 12345 tickets
    (row 1 a count, row 2 header; 求助内容 is the ticket text)."""
    import openpyxl

    path = "xbrx_12345_excel_tool/templates/sangaobiao_example.xlsx"
    ws = openpyxl.load_workbook(SRC / "xbrx" / "sangaobiao_example.xlsx", read_only=True)
    table = [list(r) for r in ws.worksheets[0].iter_rows(values_only=True)]
    header = [str(c) for c in table[1]]
    col = {name: header.index(name) for name in ("12345工单编号", "求助内容", "热线派单时间")}
    rows = [
        {
            "text": hotline_text(r[col["求助内容"]]),
            "row": i,
            "ticket": str(r[col["12345工单编号"]] or "").strip() or None,
            "ts": r[col["热线派单时间"]],
        }
        for i, r in enumerate(table[2:], 3)
    ]
    for r in take(rows, CAP, "gov-jn"):
        yield (
            "gov-jn",
            r,
            "utilities",
            "government_message",
            XBRX[0],
            path,
            XBRX[1],
            to_iso(r["ts"]),
        )


@source
def jinan_water_export():
    yield from jinan_export(
        "xbrx_12345_excel_tool/templates/zhengfubiao_example.xls",
        "zhengfubiao_example.xls",
        XBRX[1],
        "gov-jn2",
    )


@source
def jinan_water_export_first():
    yield from jinan_export(
        "xbrx_12345_excel_tool/templates/source_workbook_example.xlsx",
        "source_workbook_example.xlsx",
        XBRX_FIRST,
        "gov-jn3",
    )


# @@MORE_SOURCES@@


def main():
    n = 0
    with open(OUT, "w", encoding="utf-8") as f:
        for src in SOURCES:
            counter = 0
            for tag, r, sector, kind, repo, path, commit, received in src():
                counter += 1
                o = {
                    "id": f"{tag}-{counter:04d}",
                    "text": mask_more(mask(r["text"])),
                    "sector": sector,
                    "kind": kind,
                    "source": {"repo": repo, "path": path, "commit": commit, "row": r["row"]},
                    "received_at": received,
                }
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
                n += 1
            f.flush()
    print(f"wrote {n} texts to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
