#!/usr/bin/env python3
"""Build eval/corpus/texts.jsonl from real public Chinese complaint texts.

Procedure (documented in SOURCES.md):
  * each source file is read from a local copy of a public GitHub repository
    (fetched snapshots, copied to /tmp/src/...; repo/path/commit recorded);
  * candidate texts: for review datasets only negative-labelled rows;
  * per source file: strip whitespace, drop texts with < 6 Chinese characters
    or > 2000 characters, drop exact duplicates (first occurrence kept, also
    across files already taken), then sample at most N texts with
    random.Random(20261206).sample over the remaining candidates (in file order);
  * personal data are masked (see mask()); nothing else in the text is changed.

The output file is self-contained; this script needs the source copies under
/tmp/src to be re-run.

`build.py --draw 2` writes texts4.jsonl: a second, disjoint sample from the same
candidates (what the first draw left, random.Random(20261206 + 1), the caps in DRAW2),
ids continuing after the first draw's. `build.py --draw 3` writes texts6.jsonl: a third
sample from what the first two left (random.Random(20261206 + 2), the caps in DRAW3), ids
continuing after the second draw's. `build.py --draw 4` writes texts8.jsonl the same way
(random.Random(20261206 + 3), the caps in DRAW4). `--draw 5` writes pool.jsonl, the
unlabelled pool of eval/reach.py (caps in DRAW5); `--draw 6` writes texts10.jsonl, the fifth
labelled draw (caps in DRAW6).
"""

import csv
import json
import random
import re
import sys
from pathlib import Path

SEED = 20261206
HERE = Path(__file__).resolve().parent
DRAW_NO = int(sys.argv[2]) if sys.argv[1:2] == ["--draw"] else 1
OUTS = {
    1: "texts.jsonl",
    2: "texts4.jsonl",
    3: "texts6.jsonl",
    4: "texts8.jsonl",
    5: "pool.jsonl",
    6: "texts10.jsonl",
}
OUT = HERE / OUTS[DRAW_NO]
# caps of the later draws, by source tag (the first draw's caps are in the sources)
DRAW2 = {"waimai": 40, "hotel": 40, "shopping": 80, "ccf_car": 80, "chnsenti": 30, "afqmc": 30}
DRAW3 = {"waimai": 25, "hotel": 30, "shopping": 50, "ccf_car": 50, "chnsenti": 20, "afqmc": 25}
DRAW4 = {"waimai": 25, "hotel": 25, "shopping": 60, "ccf_car": 60, "chnsenti": 15, "afqmc": 25}
DRAW5 = {
    "waimai": 600,
    "hotel": 600,
    "shopping": 1500,
    "ccf_car": 600,
    "chnsenti": 300,
    "afqmc": 800,
}
DRAW6 = {"waimai": 25, "hotel": 25, "shopping": 60, "ccf_car": 60, "chnsenti": 15, "afqmc": 25}
LATER = [DRAW2, DRAW3, DRAW4, DRAW5, DRAW6][: DRAW_NO - 1]
HAN = re.compile(r"[\u4e00-\u9fff]")

# ---------------------------------------------------------------- masking
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
NAME_CTX = re.compile(
    r"(?P<pre>(?:我叫|本人叫|本人姓名|姓名[:：]\s*|联系人[:：]\s*|投诉人[:：]\s*|"
    r"(?:经办人|客户经理|业务员|快递员|配送员)[:：]?\s*)"
    r")(?P<name>[" + SURNAMES + r"][\u4e00-\u9fff]{1,2})"
    r"(?=[，。,.\s、；;：:！!？?）)（(的在是说和于]|先生|女士|$)"
)
# words that follow a surname char but are not names (avoid masking "本人王府井" etc.)
NOT_NAME_TAIL = {"先生", "女士", "小姐", "师傅", "经理", "老师", "同志", "某", "总"}


def _stars(m):
    return "*" * len(m.group(0))


def mask(text: str) -> str:
    """The text with personal data masked: ID, bank-card and phone numbers, and names after
    context words."""
    t = text
    # ID-card numbers (18 / 15 digits), bank-card numbers (16-19 digits)
    t = re.sub(r"(?<!\d)\d{17}[\dXx](?![\dA-Za-z])", _stars, t)
    t = re.sub(r"(?<!\d)\d{15,19}(?!\d)", _stars, t)
    # bank cards written in groups of 4
    t = re.sub(
        r"(?<!\d)\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,4})?(?!\d)",
        lambda m: re.sub(r"\d", "*", m.group(0)),
        t,
    )
    # mobile numbers (also written 138-1234-5678 / 138 1234 5678)
    t = re.sub(
        r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)",
        lambda m: re.sub(r"\d", "*", m.group(0)),
        t,
    )
    # landlines with area code: 010-12345678, 0755-1234567, (0571)88888888
    t = re.sub(
        r"[（(]?0\d{2,3}[）)]?[- ]?\d{7,8}(?!\d)", lambda m: re.sub(r"\d", "*", m.group(0)), t
    )
    # bare 7-8 digit landline numbers after 电话/热线/手机/联系方式
    t = re.sub(
        r"((?:电话|手机|联系方式|号码|热线|座机)[:：为是]?\s*)(\d{7,8})(?!\d)",
        lambda m: m.group(1) + "*" * len(m.group(2)),
        t,
    )

    # personal names after context words
    def _name(m):
        name = m.group("name")
        if name[1:] in NOT_NAME_TAIL or name[1:2] in ("某", "先", "女", "小", "总"):
            return m.group(0)
        return m.group("pre") + name[0] + "*" * (len(name) - 1)

    return NAME_CTX.sub(_name, t)


# ---------------------------------------------------------------- helpers
def han_count(s):
    """The number of Chinese characters (CJK unified ideographs) in s."""
    return len(HAN.findall(s))


SEEN = set()


def take(rows, n, tag):
    """rows: list of dicts with keys text,row,... ; returns sampled list."""
    cand = []
    for r in rows:
        t = (r["text"] or "").strip()
        t = t.replace("\ufeff", "")
        if han_count(t) < 6 or len(t) > 2000:
            continue
        if t in SEEN:
            continue
        SEEN.add(t)
        r = dict(r, text=t)
        cand.append(r)
    picked = draw(cand, n, [caps[tag] for caps in LATER])
    print(f"{tag}: {len(cand)} candidates, took {len(picked)}", file=sys.stderr)
    return picked


def draw(cand, n, later=()):
    """The first draw's sample of at most n candidates, in row order; with `later` caps, the
    last of the later draws, each from the candidates the draws before it left
    (random.Random(SEED + k) for the k-th later draw)."""
    picked = random.Random(SEED).sample(cand, min(n, len(cand)))
    taken = {id(r) for r in picked}
    for k, cap in enumerate(later, start=1):
        rest = [r for r in cand if id(r) not in taken]
        picked = random.Random(SEED + k).sample(rest, min(cap, len(rest)))
        taken |= {id(r) for r in picked}
    picked.sort(key=lambda r: r["row"])
    return picked


def read_csv(path, encoding="utf-8-sig"):
    """Yield (line number, row) for each data row of a CSV file; the header is line 1."""
    with open(path, encoding=encoding, newline="") as f:
        rd = csv.DictReader(f)
        yield from enumerate(rd, start=2)


# ---------------------------------------------------------------- sources
SOURCES = []


def source(fn):
    """Register fn as a source of texts (in SOURCES) and return it unchanged."""
    SOURCES.append(fn)
    return fn


SOPHON = ("SophonPlus/ChineseNlpCorpus", "a0b781d72158bde242c0626c9e354d2b328865ff")


@source
def waimai():
    """waimai_10k (SophonPlus): negative takeaway reviews, sector food_delivery."""
    repo, commit = SOPHON
    path = "datasets/waimai_10k/waimai_10k.csv"
    rows = [
        {"text": r["review"], "row": i}
        for i, r in read_csv("/tmp/src/sophon/waimai_10k.csv")
        if r["label"] == "0"
    ]
    for r in take(rows, 200, "waimai"):
        yield "waimai", r, "food_delivery", "review", repo, path, commit, None


@source
def hotel():
    """ChnSentiCorp_htl_all (SophonPlus): negative hotel reviews, sector travel."""
    repo, commit = SOPHON
    path = "datasets/ChnSentiCorp_htl_all/ChnSentiCorp_htl_all.csv"
    rows = [
        {"text": r["review"], "row": i}
        for i, r in read_csv("/tmp/src/sophon/ChnSentiCorp_htl_all.csv")
        if r["label"] == "0"
    ]
    for r in take(rows, 200, "hotel"):
        yield "htl", r, "travel", "review", repo, path, commit, None


@source
def shopping():
    """online_shopping_10_cats (SophonPlus): negative shopping reviews, hotel ones in travel,
    the rest in ecommerce."""
    repo, commit = SOPHON
    # the file is inside datasets/online_shopping_10_cats/online_shopping_10_cats.zip
    path = (
        "datasets/online_shopping_10_cats/online_shopping_10_cats.zip!online_shopping_10_cats.csv"
    )
    rows = [
        {"text": r["review"], "row": i, "cat": r["cat"]}
        for i, r in read_csv("/tmp/src/sophon/online_shopping_10_cats.csv")
        if r["label"] == "0"
    ]
    for r in take(rows, 200, "shopping"):
        sector = "travel" if r["cat"] == "酒店" else "ecommerce"
        yield "shop", r, sector, "review", repo, path, commit, None


@source
def ccf_car():
    """ccf_bigdata's train.csv: car texts of negative sentiment, sector automotive."""
    repo, commit = "shawnco411/ccf_bigdata", "0f9018f190771542c6bb694cd9a6d75ac57ef8d6"
    path = "venv/train.csv"
    rows = []
    for i, r in read_csv("/tmp/src/ccf/train.csv", encoding="utf-8"):
        if r["sentiment_value"] == "-1":
            rows.append({"text": r["content"], "row": i})
    for r in take(rows, 200, "ccf_car"):
        yield "car", r, "automotive", "review", repo, path, commit, None


BERTORCH = ("zejunwang1/bertorch", "cd2075223142ad3d21dc4221e8a12ed8c730b052")
HOTEL_WORDS = re.compile(r"酒店|宾馆|房间|前台|入住|早餐|客房|大堂|服务员")


@source
def chnsenti_ernie():
    """ChnSentiCorp (ERNIE/CLUE version: hotel, notebook-computer and book reviews), negatives."""
    repo, commit = BERTORCH
    path = "data/ChnSentiCorp/train.tsv"
    rows = []
    with open("/tmp/src/bertorch/chnsenti_train.tsv", encoding="utf-8") as f:
        for i, line in enumerate(f, start=1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and parts[1] == "negative":
                rows.append({"text": parts[0], "row": i})
    for r in take(rows, 150, "chnsenti"):
        sector = "travel" if HOTEL_WORDS.search(r["text"]) else "ecommerce"
        yield "csc", r, sector, "review", repo, path, commit, None


# AFQMC: real customer-service queries to Ant Financial (花呗/借呗).  Only the first
# sentence of each pair; only sentences that state a problem (documented regex below).
PROBLEM = re.compile(
    r"为什么|为啥|怎么回事|不能|无法|用不了|不了|没有到账|没到账|扣|降额|被关|关闭了|冻结|"
    r"逾期|失败|不给|不让|不见了|被封|投诉|骗|不对|多收|乱收|额度没了|还不上"
)


@source
def afqmc():
    """AFQMC (bertorch): the first sentence of each pair that states a problem, as
    finance titles."""
    repo, commit = BERTORCH
    path = "data/AFQMC/train.txt"
    rows = []
    with open("/tmp/src/bertorch/afqmc_train.txt", encoding="utf-8") as f:
        for i, line in enumerate(f, start=1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and PROBLEM.search(parts[0]):
                rows.append({"text": parts[0], "row": i})
    for r in take(rows, 100, "afqmc"):
        yield "afq", r, "finance", "title", repo, path, commit, None


# @@MORE_SOURCES@@

# texts each draw took per id tag: a later draw's ids continue after the draws before it
DRAW_SIZES = [
    {"waimai": 200, "htl": 200, "shop": 200, "car": 200, "csc": 150, "afq": 100},
    {"waimai": 40, "htl": 40, "shop": 80, "car": 80, "csc": 30, "afq": 30},
    {"waimai": 25, "htl": 30, "shop": 50, "car": 50, "csc": 20, "afq": 25},
    {"waimai": 25, "htl": 25, "shop": 60, "car": 60, "csc": 15, "afq": 25},
    {"waimai": 600, "htl": 600, "shop": 1500, "car": 600, "csc": 300, "afq": 800},
]


def ids_taken(sizes, draw_no):
    """Texts per id tag the draws before `draw_no` took (None for the first draw)."""
    if draw_no == 1:
        return None
    return {tag: sum(s.get(tag, 0) for s in sizes[: draw_no - 1]) for tag in sizes[0]}


def write_texts(out, sources, clean=mask, first=None):
    """Write the texts every source yields to `out`, numbering ids per tag after `first`."""
    counters = {}
    written = 0
    with open(out, "w", encoding="utf-8") as f:
        for src in sources:
            for tag, r, sector, kind, repo, path, commit, received in src():
                counters[tag] = counters.get(tag, (first or {}).get(tag, 0)) + 1
                o = {
                    "id": f"{tag}-{counters[tag]:04d}",
                    "text": clean(r["text"]),
                    "sector": sector,
                    "kind": kind,
                    "source": {"repo": repo, "path": path, "commit": commit, "row": r["row"]},
                    "received_at": received,
                }
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
                written += 1
    print(f"wrote {written} texts to {out}", file=sys.stderr)


def main():
    """Write this draw's texts (texts.jsonl, or the file of --draw N) from every source, masked."""
    write_texts(OUT, SOURCES, first=ids_taken(DRAW_SIZES, DRAW_NO))


if __name__ == "__main__":
    main()
