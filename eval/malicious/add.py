import json, sys, os

P = "/work/main/eval/malicious/cases.jsonl"


def add(group, text, title, url, publisher, facts, outcome, sector):
    n = 0
    if os.path.exists(P):
        n = sum(1 for l in open(P, encoding="utf-8") if l.strip())
    o = {
        "id": "mal-%03d" % (n + 1),
        "group": group,
        "text": text,
        "source": {"title": title, "url": url, "publisher": publisher},
        "facts": facts,
        "outcome": outcome,
        "sector_hint": sector,
    }
    with open(P, "a", encoding="utf-8") as f:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
