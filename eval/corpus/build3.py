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

`build3.py --draw 2` writes texts5.jsonl: a second, disjoint sample from the same
candidates (what the first draw left, random.Random(20261206 + 1), the caps in DRAW2),
ids continuing after the first draw's. `build3.py --draw 3` writes texts7.jsonl: a third
sample from what the first two left (random.Random(20261206 + 2), the caps in DRAW3);
`--draw 4` writes texts9.jsonl (random.Random(20261206 + 3), the caps in DRAW4); `--draw 5`
writes pool3.jsonl, the unlabelled pool of eval/reach.py (caps in DRAW5); `--draw 6` writes
texts11.jsonl, the fifth labelled draw (caps in DRAW6).
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build import SURNAMES, draw, han_count, ids_taken, mask, write_texts
from build2 import join_title

SEED = 20261206
CAP = 200
DRAW_NO = int(sys.argv[2]) if sys.argv[1:2] == ["--draw"] else 1
OUTS = {
    1: "texts3.jsonl",
    2: "texts5.jsonl",
    3: "texts7.jsonl",
    4: "texts9.jsonl",
    5: "pool3.jsonl",
    6: "texts11.jsonl",
}
OUT = HERE / OUTS[DRAW_NO]
# caps of the later draws by source tag, and the texts each draw took per id tag
DRAW2 = {"gov-jn": 60, "gov-jn2": 0, "gov-jn3": 0, "tel-zj": 50, "gov-fz": 40}
DRAW3 = {"gov-jn": 40, "gov-jn2": 0, "gov-jn3": 0, "tel-zj": 30, "gov-fz": 30}
DRAW4 = {"gov-jn": 30, "gov-jn2": 0, "gov-jn3": 0, "tel-zj": 30, "gov-fz": 30}
DRAW5 = {"gov-jn": 800, "gov-jn2": 0, "gov-jn3": 0, "tel-zj": 500, "gov-fz": 800}
DRAW6 = {"gov-jn": 30, "gov-jn2": 0, "gov-jn3": 0, "tel-zj": 30, "gov-fz": 30}
LATER = [DRAW2, DRAW3, DRAW4, DRAW5, DRAW6][: DRAW_NO - 1]
DRAW_SIZES = [
    {"gov-jn": 200, "gov-jn2": 26, "gov-jn3": 2, "tel-zj": 200, "gov-fz": 200},
    {"gov-jn": 60, "gov-jn2": 0, "gov-jn3": 0, "tel-zj": 50, "gov-fz": 40},
    {"gov-jn": 40, "gov-jn2": 0, "gov-jn3": 0, "tel-zj": 30, "gov-fz": 30},
    {"gov-jn": 30, "gov-jn2": 0, "gov-jn3": 0, "tel-zj": 30, "gov-fz": 30},
    {"gov-jn": 800, "gov-jn2": 0, "gov-jn3": 0, "tel-zj": 500, "gov-fz": 800},
]
SRC = Path("/tmp/src3")

SEEN = set()
for name in ("texts.jsonl", "texts2.jsonl"):
    for line in open(HERE / name, encoding="utf-8"):
        SEEN.add(json.loads(line)["text"])
SEEN_TICKETS = set()  # 12345 work-order numbers already taken (the same ticket in two files)


def take(rows, n, tag):
    """This draw's sample of the rows (build.draw), in row order: texts cleaned, with at least 6
    Chinese characters and at most 2000 in all, text and ticket unseen, then seen."""
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
    picked = draw(cand, n, [caps[tag] for caps in LATER])
    print(f"{tag}: {len(cand)} candidates, took {len(picked)}", file=sys.stderr)
    return picked


# ---------------------------------------------------------------- masking (extra)
# a private person's name written right before a phone number ("侯宪法13356698611",
# "吴波：18205317696"): after mask() the number is stars, the name is masked here too
NAME_BEFORE_PHONE = re.compile(r"([" + SURNAMES + r"])([\u4e00-\u9fff]{1,2})(?=[:：]?\s*\*{11})")
NOT_NAME_CHARS = set("用使电话号码机是为打给拨的在至到和与主管经理师傅先生女士已再人员工作")
# utility account numbers (水号/户号/表号/用户号) identify a household
ACCOUNT = re.compile(r"((?:水号|户号|表号|用户号)[:：为是]?\s*)(\d{4,})")


def mask_more(text: str) -> str:
    """The text with names written before a masked phone number and utility account numbers
    masked too."""

    def _name(m):
        if set(m.group(2)) & NOT_NAME_CHARS:
            return m.group(0)
        return m.group(1) + "*" * len(m.group(2))

    t = NAME_BEFORE_PHONE.sub(_name, text)
    return ACCOUNT.sub(lambda m: m.group(1) + "*" * len(m.group(2)), t)


SOURCES = []


def source(fn):
    """Register fn as a source of texts (in SOURCES) and return it unchanged."""
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
    """A sheet's date and time as ISO 8601 in China time (+08:00), or None without one."""
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
        yield (tag, r, "utilities", "hotline_work_order", XBRX[0], path, commit, to_iso(r["ts"]))


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
            "hotline_work_order",
            XBRX[0],
            path,
            XBRX[1],
            to_iso(r["ts"]),
        )


@source
def jinan_water_export():
    """zhengfubiao_example.xls: a 12345 export of Jinan water tickets (see jinan_export)."""
    yield from jinan_export(
        "xbrx_12345_excel_tool/templates/zhengfubiao_example.xls",
        "zhengfubiao_example.xls",
        XBRX[1],
        "gov-jn2",
    )


@source
def jinan_water_export_first():
    """source_workbook_example.xlsx, from the repository's first commit: a 12345 export of Jinan
    water tickets."""
    yield from jinan_export(
        "xbrx_12345_excel_tool/templates/source_workbook_example.xlsx",
        "source_workbook_example.xlsx",
        XBRX_FIRST,
        "gov-jn3",
    )


# ---------------------------------------------------------------- Zhejiang telecom tickets
CHONGZI = ("shayi123/startChongzi", "60877aa6b68a4dcb50788274d3e80c1a186072cf")
CATEGORY_ONLY = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9/（）()]+_[\u4e00-\u9fffA-Za-z0-9/（）()]+$")
TEL_TAGS = re.compile(r"^(?:[2345]G[\u4e00-\u9fff]{0,4}用户[，,]\s*)+")  # 5G套餐用户，5G用户，
TEL_NOTE = re.compile(r"^备注[:：]\s*\d+[,，]\s*")  # "备注: 6272, "
TEL_WORKFLOW = re.compile(r"\s*<br\s*/?>.*$", re.S)  # " <br/> 【工单转派】： <br/>【PDA回单】："
TEL_TRAILER = re.compile(r"[，,]?\s*支局=[，,]?\s*优惠=[，,]?\s*$")  # "，支局=，优惠=，"


def telecom_text(cell):
    """A ticket's 投诉/故障内容, or None for a bare fault category (手机上网故障_网速慢)."""
    t = str(cell or "").replace("\r\n", "\n").strip()
    if CATEGORY_ONLY.match(t):
        return None
    t = TEL_WORKFLOW.sub("", TEL_NOTE.sub("", TEL_TAGS.sub("", t)))
    return TEL_TRAILER.sub("", t).strip()


@source
def zhejiang_telecom():
    """投诉分析表202011汇总.xlsx: a telecom operator's November 2020 analysis sheet of
    mobile-network complaints in Zhejiang (one row per complaint ticket)."""
    import openpyxl

    path = "complaindata/投诉分析表202011汇总.xlsx"
    ws = openpyxl.load_workbook(SRC / "chongzi" / "tousu202011.xlsx", read_only=True)
    table = [list(r) for r in ws.worksheets[0].iter_rows(values_only=True)]
    col = {name: table[0].index(name) for name in ("工单号", "投诉/故障内容")}
    rows = [
        {
            "text": telecom_text(r[col["投诉/故障内容"]]),
            "row": i,
            "ticket": "zj:" + str(r[col["工单号"]] or i),
        }
        for i, r in enumerate(table[1:], 2)
    ]
    for r in take(rows, CAP, "tel-zj"):
        yield ("tel-zj", r, "telecom", "operator_work_order", CHONGZI[0], path, CHONGZI[1], None)


# ---------------------------------------------------------------- Fuzhou 12345 requests
FUZHOU = ("timeofmei/work", "8fbab3f2371ef3200bf9668deb06927156dee089")
PHONED = {"电话"}  # 信息来源 of a request phoned in to the hotline; the rest came online


@source
def fuzhou_rivers():
    """诉求数据汇总.xlsx, sheet 汇总: requests to 福州 12345 (fz12345.fuzhou.gov.cn) about the
    city's rivers (black and smelly water, works, noise, lights), 2016-2020."""
    import openpyxl

    path = "data/诉求数据汇总.xlsx"
    wb = openpyxl.load_workbook(SRC / "fz" / "suqiu.xlsx", read_only=True)
    table = [list(r) for r in wb["汇总"].iter_rows(values_only=True)]
    col = {name: table[0].index(name) for name in ("标题", "投诉件内容", "时间", "信息 来源")}
    rows = [
        {
            "text": join_title(r[col["标题"]], r[col["投诉件内容"]]),
            "row": i,
            "ts": r[col["时间"]],
            "via": r[col["信息 来源"]],
        }
        for i, r in enumerate(table[1:], 2)
    ]
    for r in take(rows, CAP, "gov-fz"):
        kind = "hotline_work_order" if r["via"] in PHONED else "government_message"
        yield ("gov-fz", r, "environment", kind, FUZHOU[0], path, FUZHOU[1], to_iso(r["ts"]))


# @@MORE_SOURCES@@


def main():
    """Write this draw's texts (texts3.jsonl, or the file of --draw N) from every source, masked
    by mask and mask_more."""
    write_texts(
        OUT,
        SOURCES,
        clean=lambda text: mask_more(mask(text)),
        first=ids_taken(DRAW_SIZES, DRAW_NO),
    )


if __name__ == "__main__":
    main()
