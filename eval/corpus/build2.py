#!/usr/bin/env python3
"""Build eval/corpus/texts2.jsonl: more real Chinese complaint texts of the kinds
missing from texts.jsonl (complaint-platform posts, etc.).

Same procedure as build.py (documented in SOURCES.md):
  * each source file is read from a local copy (under /tmp/src2/...) of a public
    GitHub repository snapshot; repo/path/commit are recorded per text;
  * per source file: strip whitespace, drop texts with < 6 Chinese characters or
    > 2000 characters, drop exact duplicates (also against texts.jsonl and
    earlier sources of this file), then sample at most 150 texts with
    random.Random(20261206).sample over the candidates in file order;
  * personal data are masked with build.mask(); nothing else is changed.
The output is written incrementally (one source after the other).
"""

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import contextlib

from build import han_count, mask, write_texts

SEED = 20261206
CAP = 150
OUT = HERE / "texts2.jsonl"

SEEN = set()
for line in open(HERE / "texts.jsonl", encoding="utf-8"):
    SEEN.add(json.loads(line)["text"])


def take(rows, n, tag):
    """At most n of the rows sampled with random.Random(SEED), in row order: texts stripped,
    with at least 6 Chinese characters and at most 2000 in all, unseen (as written or masked),
    each then recorded as seen."""
    cand = []
    for r in rows:
        t = (r["text"] or "").replace("\ufeff", "").strip()
        if han_count(t) < 6 or len(t) > 2000:
            continue
        if t in SEEN or mask(t) in SEEN:
            continue
        SEEN.add(t)
        cand.append(dict(r, text=t))
    k = min(n, len(cand))
    picked = random.Random(SEED).sample(cand, k)
    picked.sort(key=lambda r: r["row"])
    print(f"{tag}: {len(cand)} candidates, took {k}", file=sys.stderr)
    return picked


def join_title(title, body):
    """'title。body' (body alone if it already starts with / contains the title)."""
    title = (title or "").strip()
    body = (body or "").strip()
    if not title or title in body:
        return body
    if not body:
        return title
    return title + "。" + body


# sector of a complaint-platform post from the name of the company complained about
SECTOR_RULES = [
    ("housing", r"公寓|房屋|房产|房租|租赁有限公司|物业|自如|链家|贝壳找房"),
    ("logistics", r"速递|快递|物流|顺丰|圆通|中通|申通|韵达|邮政|EMS|菜鸟|德邦|极兔"),
    ("telecom", r"中国移动|中国联通|中国电信|移动公司|联通公司|电信公司|宽带"),
    ("food_delivery", r"美团|饿了么"),
    ("education", r"教育|培训|学院|学校|网校|课堂|考试"),
    ("travel", r"航空|飞猪|携程|去哪儿|同程|酒店|旅行|旅游|出行|滴滴|铁路|12306"),
    (
        "finance",
        r"金服|金融|理财|贷|分期|银行|信用卡|钱包|支付|保险|融360|PPmoney|捷信|即有|随米花|分期乐|蚂蚁|借呗|花呗",
    ),
    (
        "ecommerce",
        r"拼多多|阿里|淘宝|天猫|京东|抖音|唯品会|转转|苏宁|山姆|沃尔玛|大润发|旗舰店|超市|商城|商贸|帮宝适|闲鱼|快手",
    ),
]


def sector_of(company):
    """The sector of a complaint-platform post from the company's name (SECTOR_RULES), or other."""
    c = company or ""
    for sec, rx in SECTOR_RULES:
        if re.search(rx, c):
            return sec
    return "other"


def to_iso(ts):
    """The timestamp ts as ISO 8601 in China time (+08:00), or None without a date and time."""
    if not ts:
        return None
    m = re.match(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)", ts)
    if not m:
        return None
    t = m.group(2) if len(m.group(2)) == 8 else m.group(2) + ":00"
    return f"{m.group(1)}T{t}+08:00"


SOURCES = []


def source(fn):
    """Register fn as a source of texts (in SOURCES) and return it unchanged."""
    SOURCES.append(fn)
    return fn


# ---------------------------------------------------------------- sources
@source
def chitian_blackcat():
    """black_cat.txt (Chi-Tian/Spider): 黑猫投诉 posts, title and details, sector from the
    company."""
    repo = "Chi-Tian/Spider"
    commit = "24a8fae57fb79e4b886535db2c15a53b4f12ce98"
    path = "black_cat.txt"
    rows = []
    for i, line in enumerate(open("/tmp/src2/chitian/black_cat.txt", encoding="utf-8"), 1):
        line = line.strip()
        if not line:
            continue
        d = json.loads(line)
        rows.append(
            {
                "text": join_title(d.get("投诉标题"), d.get("投诉详情")).replace("\r\n", "\n"),
                "row": i,
                "company": d.get("投诉对象"),
            }
        )
    for r in take(rows, CAP, "heimao-ct"):
        yield (
            "heimao-ct",
            r,
            sector_of(r["company"]),
            "complaint_platform",
            repo,
            path,
            commit,
            None,
        )


@source
def chitian_heimao_csv():
    """heimao.csv of the same repo: same scrape stored as CSV (mojibake: UTF-8
    bytes decoded as Latin-1 and saved again as UTF-8). Each cell is repaired with
    cell.encode('latin-1').decode('utf-8'); CRLF is normalised to LF. Most rows
    duplicate black_cat.txt and are removed by the duplicate check."""
    import csv
    import io

    repo = "Chi-Tian/Spider"
    commit = "24a8fae57fb79e4b886535db2c15a53b4f12ce98"
    path = "heimao.csv"
    raw = open("/tmp/src2/chitian/heimao.csv", encoding="utf-8").read()

    def fix(c):
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            c = c.encode("latin-1").decode("utf-8")
        return c.replace("\r\n", "\n").replace("\r", "\n")

    rows = []
    for i, r in enumerate(csv.reader(io.StringIO(raw.replace("\r\r\n", "\n"))), 1):
        if len(r) < 3:
            continue
        r = [fix(c) for c in r]
        if r[0].strip() == "投诉标题":  # header line (repeated in the file)
            continue
        rows.append({"text": join_title(r[0], r[1]), "row": i, "company": r[2]})
    for r in take(rows, CAP, "heimao-ct2"):
        yield (
            "heimao-ct2",
            r,
            sector_of(r["company"]),
            "complaint_platform",
            repo,
            path,
            commit,
            None,
        )


@source
def bageyalu_heimao():
    """heimao_data.json (bageyalu160/universal-scraper-auto): 黑猫投诉 posts of 2025-05-13, with
    their times."""
    repo = "bageyalu160/universal-scraper-auto"
    commit = "85db4082247690a8aeec211115762e9ad9acb0f8"
    path = "data/daily/2025-05-13/heimao_data.json"
    d = json.load(open("/tmp/src2/bageyalu/heimao_data.json", encoding="utf-8"))
    rows = []
    for i, c in enumerate(d["complaints"], 1):
        rows.append(
            {
                "text": join_title(c.get("title"), c.get("content")),
                "row": i,
                "company": c.get("company"),
                "ts": c.get("timestamp"),
            }
        )
    for r in take(rows, CAP, "heimao-bg"):
        yield (
            "heimao-bg",
            r,
            sector_of(r["company"]),
            "complaint_platform",
            repo,
            path,
            commit,
            to_iso(r["ts"]),
        )


# @@MORE_SOURCES@@


def main():
    """Write texts2.jsonl from every source, masked."""
    write_texts(OUT, SOURCES, clean=mask)


if __name__ == "__main__":
    main()
