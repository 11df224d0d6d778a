#!/usr/bin/env python3
"""Builds the compact gazetteer resource that ReportKit ships (Sources/ReportKit/Resources/).

Input: the NBS 2023 division table and its companions in ../shared/gazetteer/ (divisions.tsv,
former_names.tsv, pinyin.tsv; see that folder's README for their source and licence), and
optionally the Chinese geocoding data of Google's libphonenumber (PyPI `phonenumbers`,
Apache-2.0) for the telephone area-code table.

    python3 scripts/make-gazetteer.py [SHARED_GAZETTEER_DIR]
    # area codes: python3 -m venv /tmp/v && /tmp/v/bin/pip install phonenumbers==9.0.43 &&
    #             /tmp/v/bin/python scripts/make-gazetteer.py

Without `phonenumbers` the existing area-codes.tsv is kept as it is.

Why a compact form: the product must never read ../shared at run time, and loading must add
well under 50 ms to a build. Codes are stored trimmed to their level (2, 4, 6 or 9 digits, so
the level is the length) and the parent is the longest existing prefix, so neither level nor
parent needs a column. Pinyin is shipped as a character table plus the few names whose
reading differs from what the character table gives (六安 lu an), not one row per name.
"""
import collections
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "ReportKit", "Resources")
SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(ROOT), "shared", "gazetteer")


def read_tsv(name):
    with open(os.path.join(SRC, name), encoding="utf-8") as f:
        lines = f.read().split("\n")
    header = lines[0].split("\t")
    return [dict(zip(header, l.split("\t"))) for l in lines[1:] if l]


def trim(code):
    """12-digit code → 2/4/6/9 digits, by the level its zeros show."""
    if code[2:] == "0" * 10:
        return code[:2]
    if code[4:] == "0" * 8:
        return code[:4]
    if code[6:] == "0" * 6:
        return code[:6]
    return code[:9]


# Suffixes that a name may drop (kept in step with Gazetteer+ShortName.swift); used here only
# to tell whether a former name and a current name are the same place under a new suffix.
SUFFIXES = ["街道办事处", "办事处", "街道", "民族乡", "镇", "乡", "苏木", "地区", "自治县", "自治旗",
            "县", "区", "市", "旗", "省", "自治区", "自治州", "盟"]


def stem(name):
    for s in SUFFIXES:
        if name.endswith(s) and len(name) - len(s) >= 2:
            return name[: -len(s)]
    return name


def main():
    divisions = read_tsv("divisions.tsv")
    current = {d["code"]: d["name"] for d in divisions}
    children = collections.defaultdict(list)
    for d in divisions:
        children[d["parent_code"]].append(d["code"])

    with open(os.path.join(OUT, "divisions.tsv"), "w", encoding="utf-8") as f:
        for d in divisions:
            f.write(f"{trim(d['code'])}\t{d['name']}\n")

    # Former names → the current division they became. Same code and same stem: that division.
    # Otherwise a current sibling with the same stem (撤乡设镇 changes the code: 2xx → 1xx).
    # Otherwise the nearest current ancestor, so the name still places the report one level up.
    former = read_tsv("former_names.tsv")
    formers = {f["code"]: f for f in former}

    def nearest_current(code):
        while code and code not in current:
            code = formers[code]["parent_code"] if code in formers else ""
        return code

    rows = set()
    for f in former:
        code, name = f["code"], f["name"]
        # A few rows carry the body's suffix (五宝镇人民政府): as a key it would claim every 五宝镇.
        if name.endswith("政府"):
            continue
        if code in current and stem(current[code]) == stem(name):
            target = code
        else:
            parent = nearest_current(f["parent_code"])
            same = [c for c in children.get(parent, []) if stem(current[c]) == stem(name)]
            target = same[0] if len(same) == 1 else parent
        if not target:
            continue
        rows.add((trim(code), name, trim(target)))
    with open(os.path.join(OUT, "former-names.tsv"), "w", encoding="utf-8") as f:
        for code, name, target in sorted(rows):
            f.write(f"{code}\t{name}\t{target}\n")

    # Pinyin: align characters with syllables where the counts match, keep the most frequent
    # reading of each character, then list the names the table would read differently.
    readings = collections.defaultdict(collections.Counter)
    names = {}
    for p in read_tsv("pinyin.tsv"):
        chars, syllables = list(p["name"]), p["pinyin"].split(" ")
        names[p["name"]] = syllables
        if len(chars) == len(syllables):
            for c, s in zip(chars, syllables):
                if ord(c) >= 0x3400 and s.isascii() and s.isalpha():
                    readings[c][s] += 1
    table = {c: r.most_common(1)[0][0] for c, r in readings.items()}
    with open(os.path.join(OUT, "pinyin-chars.tsv"), "w", encoding="utf-8") as f:
        for c in sorted(table):
            f.write(f"{c}\t{table[c]}\n")
    exceptions = {}
    for name, syllables in names.items():
        chars = list(name)
        if len(chars) != len(syllables) or any(c not in table for c in chars):
            continue
        if [table[c] for c in chars] != syllables:
            exceptions[name] = syllables
    # The same names without a one-character suffix (六安市 → 六安), unless two names disagree.
    bases = {}
    for name, syllables in list(exceptions.items()):
        if len(name) >= 3 and name[-1] in "省市县区镇乡旗" and [table[c] for c in name[:-1]] != syllables[:-1]:
            bases.setdefault(name[:-1], set()).add(" ".join(syllables[:-1]))
    for base, readings in bases.items():
        if len(readings) == 1 and base not in exceptions:
            exceptions[base] = next(iter(readings)).split(" ")
    with open(os.path.join(OUT, "pinyin-names.tsv"), "w", encoding="utf-8") as f:
        for name in sorted(exceptions):
            f.write(f"{name}\t{' '.join(exceptions[name])}\n")

    write_area_codes(divisions)


def write_area_codes(divisions):
    try:
        from phonenumbers.geodata import GEOCODE_DATA
        import phonenumbers
    except ImportError:
        print("phonenumbers not installed: area-codes.tsv kept as it is", file=sys.stderr)
        return
    provinces = {d["name"]: d["code"] for d in divisions if d["level"] == "province"}
    prefectures = collections.defaultdict(list)
    for d in divisions:
        if d["level"] == "prefecture":
            prefectures[(d["parent_code"], d["name"])].append(d["code"])
    out, dropped = [], []
    for key, names in GEOCODE_DATA.items():
        # 86 + area code without the trunk 0: two digits (10, 2x) or three (3xx–9xx).
        if not key.startswith("86"):
            continue
        area = key[2:]
        if not ((len(area) == 2 and (area == "10" or area[0] == "2")) or (len(area) == 3 and area[0] in "3456789")):
            continue
        zh = names.get("zh")
        if not zh:
            continue
        # The data writes 宁夏银川市 as well as 黑龙江省哈尔滨市: accept the short province name.
        province, rest = None, ""
        for p in provinces:
            short = p[:3] if p.startswith("内蒙古") or p.startswith("黑龙江") else p[:2]
            for form in (p, short):
                if zh.startswith(form):
                    province, rest = p, zh[len(form):]
                    break
            if province:
                break
        if province is None:
            dropped.append((area, zh))
            continue
        codes = []
        if not rest:  # a municipality: the province itself
            codes = [provinces[province]]
        for part in rest.split("、") if rest else []:
            found = prefectures.get((provinces[province], part))
            if not found:
                dropped.append((area, zh))
                codes = []
                break
            codes += found
        if codes:
            out.append((area, codes))
    with open(os.path.join(OUT, "area-codes.tsv"), "w", encoding="utf-8") as f:
        for area, codes in sorted(out):
            f.write(f"0{area}\t{','.join(trim(c) for c in codes)}\n")
    for area, zh in dropped:
        print(f"area code 0{area} {zh}: no matching prefecture, left out", file=sys.stderr)
    print(f"area codes: {len(out)} (phonenumbers {phonenumbers.__version__})", file=sys.stderr)


if __name__ == "__main__":
    main()
