#!/usr/bin/env python3
"""Generates N reports from the five seeds in content/: each copy moves its seed to another
township of the gazetteer (province, city, county and town names replaced throughout), to
another year, and changes the small numbers of the prose and the tables. Deterministic for a
given N and seed. A stand-in until the bench generator (Sources/nianbao-bench) lands: any
folder of reports works with the rest of scripts/bench-search.

    generate.py N OUT_DIR [--seed S]
"""
import json, os, random, re, subprocess, sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def divisions():
    names = {}
    for line in open(os.path.join(ROOT, "Sources/ReportKit/Resources/divisions.tsv"), encoding="utf-8"):
        code, name = line.rstrip("\n").split("\t")
        names[code] = name
    towns = []
    for code, name in names.items():
        if len(code) != 9 or not name.endswith(("镇", "乡")):
            continue
        county, city, province = names.get(code[:6]), names.get(code[:4]), names.get(code[:2])
        if not county or not city or not province or county in ("市辖区",) or city in ("市辖区", "县"):
            continue
        towns.append((province, city, county, name, code.ljust(12, "0")))
    return towns


def seeds(nianbao):
    out = []
    for name in sorted(os.listdir(os.path.join(ROOT, "content"))):
        path = os.path.join(ROOT, "content", name)
        report = json.loads(subprocess.run([nianbao, "extract", path], capture_output=True, check=True).stdout)[0]
        text = open(path, encoding="utf-8").read()
        r = report["region"]
        out.append({"text": text, "year": report["year"],
                    "names": [r["province"], r["city"], r["county"], r["town"]]})
    return out


NUMBER = re.compile(r"(?<![0-9A-Za-z.\-])([0-9]{1,3})(?![0-9A-Za-z.\-])")


def vary(seed, place, year, rng):
    text = seed["text"]
    # Longest first, so 兴庆区掌政镇 is not half replaced.
    pairs = sorted(zip(seed["names"], place[:4]), key=lambda p: -len(p[0]))
    marks = {}
    for i, (old, new) in enumerate(pairs):
        mark = "\uE000%d\uE001" % i
        text = text.replace(old, mark)
        marks[mark] = new
    for mark, new in marks.items():
        text = text.replace(mark, new)
    text = text.replace(str(seed["year"] + 1), "\uE002").replace(str(seed["year"]), str(year)).replace("\uE002", str(year + 1))
    text = NUMBER.sub(lambda m: str(rng.randrange(0, 10 ** len(m.group(1)))) if m.group(1) != "100" else "100", text)
    province, city, county, town, code = place
    front = "---\nregion: %s\nyear: %d\nbody: %s%s人民政府\n---\n" % (code, year, county, town)
    return front + text


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    seed_value = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    nianbao = os.environ.get("NIANBAO", os.path.join(ROOT, ".build/release/nianbao"))
    rng = random.Random(seed_value)
    towns, sources = divisions(), seeds(nianbao)
    os.makedirs(out, exist_ok=True)
    # Five years per town, each town keeping one seed's wording from year to year, as a body
    # keeps its template: a town's page and the year filters have something to show.
    places = rng.sample(towns, max(1, n // 5 + 1))
    for i in range(n):
        town = i // 5
        seed = sources[town % len(sources)]
        place = places[town]
        year = (2019 if seed["year"] >= 2019 else 2008 + town % 7) + i % 5
        with open(os.path.join(out, "r%06d.txt" % i), "w", encoding="utf-8") as f:
            f.write(vary(seed, place, year, rng))


if __name__ == "__main__":
    main()
