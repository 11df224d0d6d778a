#!/usr/bin/env python3
"""The search benchmark of issue 11: nianbao's index against Pagefind on the same reports, in
one run (scripts/bench-search is the entry point; it installs nothing: `scripts/setup --bench`).

    bench.py N [--work DIR] [--only] [--no-pagefind | --reuse-pagefind] [--substrings 300] [--cold 120]
             [--text-sample M] [--seed 1] [--nianbao PATH]

1. generates N reports (generate.py, from the seeds) unless WORK/content already holds N;
2. builds nianbao's site twice, with and without the index (NIANBAO_SEARCH=off), and times
   both; with --only (for 100,000 reports) builds the index, the search page and the raw files
   alone (NIANBAO_SEARCH=only); --no-pagefind skips Pagefind;
3. builds the same texts (what `nianbao extract --dump-search-text` says the index reads:
   title, body, region names, prose, table labels) as a Hugo site and indexes it with
   Pagefind `--force-language zh`, timed;
4. draws the query set: random 2–6 character substrings of those texts, every town name, and
   the pinyin of every town name (joined, spaced, initials);
5. in headless Chromium, on both sites served from 127.0.0.1 with gzip like a static host:
   recall and precision of every query against a scan of the texts (nianbao's
   `window.nianbaoSearch.ids`, Pagefind's `search()`), then, for a sample of `--cold` queries,
   the bytes a cold query downloads (HTTP cache off, results page with snippets for nianbao,
   search plus `data()` of the first ten results for Pagefind: the same ten a reader sees) and
   the time of the same query once its files are loaded;
6. prints the figures and the ratios, and writes WORK/results.json.
"""
import argparse
import bisect
import gzip
import hashlib
import html
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "Tests", "Browser"))


# ---- Text, as SearchText.swift and search.js read it ----

def fold(c):
    if 0xFF01 <= c <= 0xFF5E:
        c -= 0xFEE0
    elif c == 0x3000:
        c = 0x20
    if 0x41 <= c <= 0x5A:
        c += 0x20
    return c


def is_word(c):
    return (0x30 <= c <= 0x39 or 0x61 <= c <= 0x7A or c == 0x3007 or 0x3400 <= c <= 0x4DBF or 0x4E00 <= c <= 0x9FFF
            or 0xF900 <= c <= 0xFAFF or 0x20000 <= c <= 0x3134F)


def runs(text):
    out, run, pending = [], [], False
    for ch in text:
        c = fold(ord(ch))
        if is_word(c):
            if pending and run and ord(run[-1]) < 0x80 and c < 0x80:
                out.append("".join(run))
                run = []
            pending = False
            run.append(chr(c))
        elif c in (0x2A, 0x60):
            continue
        elif c in (0x20, 0x09, 0x0A, 0x0D):
            pending = True
        else:
            if run:
                out.append("".join(run))
            run, pending = [], False
    if run:
        out.append("".join(run))
    return out


# ---- Steps ----

def sh(cmd, env=None, **kw):
    """Runs cmd; returns its wall time. `sh.cpu` is then its CPU time (user + system), which a
    machine shared with other builds disturbs less than the wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    subprocess.run(cmd, check=True, env={**os.environ, **(env or {})}, **kw)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    sh.cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return time.time() - start


def tree_size(folder, skip=()):
    total = count = 0
    for dirpath, _, names in os.walk(folder):
        for n in names:
            p = os.path.join(dirpath, n)
            if any(s in p for s in skip):
                continue
            total += os.path.getsize(p)
            count += 1
    return total, count


def du(folder):
    """Bytes on disk in blocks, as `du` counts them (what many small files really take)."""
    return int(subprocess.run(["du", "-s", "--block-size=1", folder], check=True, capture_output=True).stdout.split()[0])


def build_hugo(texts, work):
    site = os.path.join(work, "hugo")
    shutil.rmtree(site, ignore_errors=True)
    os.makedirs(os.path.join(site, "content", "r"))
    os.makedirs(os.path.join(site, "layouts", "_default"))
    os.makedirs(os.path.join(site, "static"))
    with open(os.path.join(site, "hugo.toml"), "w") as f:
        f.write('baseURL = "/"\nlanguageCode = "zh-cn"\ntitle = "bench"\n'
                'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    page = ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
            '<body>%s</body></html>\n')
    with open(os.path.join(site, "layouts", "_default", "single.html"), "w") as f:
        f.write(page % '<main data-pagefind-body><h1>{{ .Title }}</h1>{{ .Content }}</main>')
    for name in ("list.html", "index.html"):
        with open(os.path.join(site, "layouts", "_default" if name == "list.html" else "", name), "w") as f:
            f.write(page % "<h1>{{ .Title }}</h1>")
    with open(os.path.join(site, "static", "pf.html"), "w") as f:
        f.write(PAGEFIND_PAGE)
    for name, d in texts.items():
        parts = d["text"].split("\u2029")[1:]  # the title is the page's <h1>
        body = "\n".join("<p>%s</p>" % html.escape(p) for p in parts if p.strip())
        with open(os.path.join(site, "content", "r", name + ".html"), "w", encoding="utf-8") as f:
            f.write("---\ntitle: %s\n---\n%s\n" % (json.dumps(d["title"], ensure_ascii=False), body))
    hugo_time = sh(["hugo", "--quiet", "-s", site], stdout=subprocess.DEVNULL)
    public = os.path.join(site, "public")
    start = time.time()
    subprocess.run([sys.executable, "-m", "pagefind_bin_extended", "--site", public, "--force-language", "zh"],
                   check=True, stdout=subprocess.DEVNULL)
    return public, hugo_time, time.time() - start


PAGEFIND_PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>pf</title></head><body>
<script type="module">
const params = new URLSearchParams(location.search);
const pagefind = await import("/pagefind/pagefind.js");
window.pagefindIds = async (q) => (await pagefind.search(q)).results.map(r => r.id);
const q = params.get("q");
if (q !== null) {
  const search = await pagefind.search(q);
  const data = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
  window.result = {count: search.results.length, urls: data.map(d => d.url)};
}
document.body.setAttribute("data-done", "1");
</script></body></html>
"""


def pagefind_urls(public):
    """Pagefind result id → page URL, from its fragment files (gzip, then a signature, then JSON)."""
    out = {}
    folder = os.path.join(public, "pagefind", "fragment")
    for name in os.listdir(folder):
        raw = gzip.decompress(open(os.path.join(folder, name), "rb").read())
        raw = raw[raw.index(b"{"):]
        out[name.rsplit(".", 1)[0]] = json.loads(raw)["url"]
    return out


def nianbao_folders(site):
    """nianbao id → report folder, from the document table."""
    out = {}
    folder = os.path.join(site, "search", "d")
    for name in os.listdir(folder):
        slot = int(name.split("-")[0])
        for row in json.load(open(os.path.join(folder, name), encoding="utf-8")):
            out[slot * 1048576 + row["i"]] = (row["u"], row["s"])
    return out


class Truth:
    """Which reports contain a query, by scanning every text (runs joined by \\0)."""

    def __init__(self, texts):
        self.names = list(texts)
        parts, self.starts, at = [], [], 0
        for name in self.names:
            s = "\0".join(runs(texts[name]["text"])) + "\0\1"
            parts.append(s)
            self.starts.append(at)
            at += len(s)
        self.big = "".join(parts)
        self.pinyin = {}
        for name, d in texts.items():
            for key in d["pinyin"]:
                self.pinyin.setdefault(key, set()).add(name)

    def containing(self, run):
        found, at = set(), self.big.find(run)
        while at >= 0:
            found.add(self.names[bisect.bisect_right(self.starts, at) - 1])
            at = self.big.find(run, at + 1)
        return found

    def __call__(self, query):
        qr = runs(query)
        found = None
        for r in qr:
            f = self.containing(r)
            found = f if found is None else found & f
        found = found or set()
        if re.fullmatch(r"[A-Za-z ]+", query.strip()):
            found |= self.pinyin.get(re.sub(r"\s+", "", query.lower()), set())
        return found


def queries(texts, substrings, rng, town_count=0):
    qs = []
    names = sorted(texts)
    while len([q for q in qs if q[0] == "substring"]) < substrings:
        d = texts[rng.choice(names)]
        rs = [r for r in runs(d["text"]) if len(r) >= 2]
        r = rng.choice(rs)
        n = rng.randint(2, min(6, len(r)))
        start = rng.randint(0, len(r) - n)
        qs.append(("substring", r[start:start + n]))
    towns = {}
    for d in texts.values():
        if len(d["places"]) >= 4:
            towns[d["places"][3][0]] = d["places"][3]
    chosen = sorted(towns)
    if town_count and town_count < len(chosen):
        chosen = sorted(rng.sample(chosen, town_count))
    for town in chosen:
        qs.append(("town", town))
    for town in chosen:
        _, spaced, initials = towns[town]
        qs += [("pinyin", spaced.replace(" ", "")), ("pinyin", spaced), ("pinyin", initials)]
    return qs


def found_names(got, name_of):
    return {q: {name_of(i) for i in ids} for q, ids in got.items()}


def by_kind(qs, found, expected):
    out = {k: score({q: found[q] for kk, q in qs if kk == k}, {q: expected[q] for kk, q in qs if kk == k})
           for k in ("substring", "town", "pinyin")}
    out["all"] = score(found, expected)
    return out


def score(found_by_query, truth_by_query):
    tp = fp = fn = exact = 0
    misses = []
    for q, truth in truth_by_query.items():
        found = found_by_query[q]
        tp += len(found & truth)
        fp += len(found - truth)
        fn += len(truth - found)
        exact += found == truth
        if found != truth and len(misses) < 5:
            misses.append((q, len(found), len(truth)))
    return {"recall": tp / max(1, tp + fn), "precision": tp / max(1, tp + fp), "exact": exact,
            "queries": len(truth_by_query), "misses": misses}


def run_ids(driver, url, script, qs, chunk=10):
    driver.get(url)
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, 60).until(lambda d: d.execute_script(script["ready"]))
    driver.set_script_timeout(600)
    out = {}
    for i in range(0, len(qs), chunk):
        part = qs[i:i + chunk]
        got = driver.execute_async_script(script["loop"], part)
        out.update(zip(part, got))
    return out


NIANBAO_LOOP = {
    "ready": "return !!window.nianbaoSearch",
    "loop": """var qs = arguments[0], done = arguments[arguments.length - 1], out = [];
        (function next(i) { if (i >= qs.length) return done(out);
          window.nianbaoSearch.ids(qs[i]).then(function (ids) { out.push(ids); next(i + 1); }); })(0);""",
}
PAGEFIND_LOOP = {
    "ready": "return !!window.pagefindIds",
    "loop": """var qs = arguments[0], done = arguments[arguments.length - 1], out = [];
        (async function () { for (const q of qs) out.push(await window.pagefindIds(q)); done(out); })();""",
}


def cold(driver, counter, url, wait_script, warm_script, q):
    """Bytes the server sent for a cold query (HTTP cache off; the page itself left out, the
    favicon too), the number of requests, and the time of the same query once loaded."""
    from selenium.webdriver.support.ui import WebDriverWait
    driver.get("about:blank")
    # Cache off for the page is not enough: Pagefind fetches from a worker, which the HTTP
    # cache still serves; so empty it.
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    counter.take()
    driver.get(url)
    WebDriverWait(driver, 120).until(lambda d: d.execute_script(wait_script))
    time.sleep(0.2)
    total, files = counter.take()
    page = driver.execute_script("var e = performance.getEntriesByType('navigation')[0]; return e ? e.transferSize : 0")
    favicon = driver.execute_script(
        "return performance.getEntriesByType('resource').filter(function (e) { return /favicon/.test(e.name); })"
        ".reduce(function (s, e) { return s + e.transferSize; }, 0)")
    total -= page + favicon
    files -= 1 + (1 if favicon else 0)
    driver.set_script_timeout(60)
    ms = driver.execute_async_script(warm_script, q)
    return total, files, ms


NIANBAO_WARM = """var q = arguments[0], done = arguments[arguments.length - 1];
    window.nianbaoSearch.ids(q).then(function () { var t = performance.now();
      window.nianbaoSearch.ids(q).then(function () { done(performance.now() - t); }); });"""
PAGEFIND_WARM = """var q = arguments[0], done = arguments[arguments.length - 1];
    (async function () { await window.pagefindIds(q); var t = performance.now(); await window.pagefindIds(q);
      done(performance.now() - t); })();"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("--work")
    ap.add_argument("--only", action="store_true")
    ap.add_argument("--no-pagefind", action="store_true")
    ap.add_argument("--reuse-pagefind", action="store_true", help="keep WORK/hugo from an earlier run (same reports)")
    ap.add_argument("--reuse-site", action="store_true", help="keep WORK/site from an earlier run (same reports)")
    ap.add_argument("--towns", type=int, default=0, help="draw this many towns (and their pinyin), not all")
    ap.add_argument("--substrings", type=int, default=300)
    ap.add_argument("--cold", type=int, default=120)
    ap.add_argument("--text-sample", type=int, default=0, help="dump the texts of this many reports only (no recall)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--nianbao", help="the nianbao binary (default .build/release/nianbao)")
    args = ap.parse_args()
    work = args.work or "/tmp/nianbao-bench-search-%d" % args.n
    os.makedirs(work, exist_ok=True)
    nianbao = args.nianbao or os.path.join(ROOT, ".build", "release", "nianbao")
    if not os.path.exists(nianbao):
        sh(["swift", "build", "-c", "release", "--product", "nianbao"], cwd=ROOT)
    env = {"NIANBAO": nianbao}
    content = os.path.join(work, "content")
    if not os.path.isdir(content) or len(os.listdir(content)) != args.n:
        shutil.rmtree(content, ignore_errors=True)
        sh([sys.executable, os.path.join(HERE, "generate.py"), str(args.n), content, "--seed", str(args.seed)], env=env)
    result = {"n": args.n}
    theme = os.path.join(ROOT, "themes", "default")
    site = os.path.join(work, "site")

    def build(mode, out):
        shutil.rmtree(out, ignore_errors=True)
        return sh([nianbao, "build", "--content", content, "--output", out, "--theme", theme],
                  env={"NIANBAO_SEARCH": mode}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    if args.reuse_site and os.path.isdir(os.path.join(site, "search")):
        pass
    elif args.only:
        result["build_index_only_s"] = build("only", site)
        result["build_index_only_cpu_s"] = sh.cpu
    else:
        result["build_without_index_s"] = build("off", os.path.join(work, "site-off"))
        result["build_without_index_cpu_s"] = sh.cpu
        shutil.rmtree(os.path.join(work, "site-off"), ignore_errors=True)
        result["build_with_index_s"] = build("on", site)
        result["build_with_index_cpu_s"] = sh.cpu
    print("built: %s" % {k: round(v, 1) for k, v in result.items() if k.startswith("build")}, flush=True)
    size, files = tree_size(os.path.join(site, "search"), skip=("search/index.html",))
    result["nianbao_index_du_bytes"] = du(os.path.join(site, "search"))
    js = os.path.getsize(os.path.join(site, "assets", "search.js"))
    result["nianbao_index_bytes"], result["nianbao_index_files"] = size + js, files + 1
    print("nianbao: index %.1f MB in %d files" % ((size + js) / 1e6, files + 1), flush=True)

    # What the index reads of each report, keyed by the content file's name.
    names = sorted(os.listdir(content))
    rng = random.Random(args.seed)
    if args.text_sample:
        names = sorted(rng.sample(names, args.text_sample))
    dumped = subprocess.run([nianbao, "extract", "--dump-search-text"] + [os.path.join(content, n) for n in names],
                            check=True, capture_output=True).stdout
    texts = {os.path.basename(d["source"]).rsplit(".", 1)[0]: d for d in json.loads(dumped)}
    by_hash = {hashlib.sha1(open(os.path.join(content, n), "rb").read()).hexdigest(): n.rsplit(".", 1)[0] for n in names}
    folders = nianbao_folders(site)
    id_to_name = {}
    for i, (folder, source) in folders.items():
        p = os.path.join(site, folder, source)
        if os.path.exists(p):
            id_to_name[i] = by_hash.get(hashlib.sha1(open(p, "rb").read()).hexdigest())
    qs = queries(texts, args.substrings, rng, args.towns)
    print("queries: %d (%d substrings, %d towns, %d pinyin)" % (
        len(qs), sum(k == "substring" for k, _ in qs), sum(k == "town" for k, _ in qs), sum(k == "pinyin" for k, _ in qs)),
        flush=True)
    truth = None if args.text_sample else Truth(texts)

    public = None
    if args.reuse_pagefind and os.path.isdir(os.path.join(work, "hugo", "public", "pagefind")):
        public = os.path.join(work, "hugo", "public")
        pf_size, pf_files = tree_size(os.path.join(public, "pagefind"))
        result.update(pagefind_index_bytes=pf_size, pagefind_index_files=pf_files, pagefind_index_s=float("nan"),
                      pagefind_index_du_bytes=du(os.path.join(public, "pagefind")))
    elif not args.no_pagefind:
        public, hugo_s, pagefind_s = build_hugo(texts, work)
        pf_size, pf_files = tree_size(os.path.join(public, "pagefind"))
        result.update(hugo_build_s=hugo_s, pagefind_index_s=pagefind_s, pagefind_index_bytes=pf_size,
                      pagefind_index_files=pf_files, pagefind_index_du_bytes=du(os.path.join(public, "pagefind")))
        print("pagefind: index %.1f MB in %d files, %.1f s" % (pf_size / 1e6, pf_files, pagefind_s), flush=True)

    import browser
    import serve
    counter, pf_counter = serve.Counter(), serve.Counter()
    server, url = serve.start(site, counter=counter)
    pf_server, pf_url = serve.start(public, counter=pf_counter) if public else (None, None)
    driver = browser.chromium()
    try:
        texts_of = [q for _, q in qs]
        if truth:
            expected = {q: truth(q) for q in texts_of}
            got = run_ids(driver, url + "search/", NIANBAO_LOOP, texts_of)
            found = {q: {id_to_name.get(i) for i in ids} for q, ids in got.items()}
            result["nianbao_quality"] = by_kind(qs, found_names(got, lambda i: id_to_name.get(i)), expected)
            if public:
                ids_to_url = pagefind_urls(public)
                got = run_ids(driver, pf_url + "pf.html", PAGEFIND_LOOP, texts_of)
                name_of = lambda i: ids_to_url.get(i, "?").strip("/").split("/")[-1]
                result["pagefind_quality"] = by_kind(qs, found_names(got, name_of), expected)
        sample = rng.sample(qs, min(args.cold, len(qs)))
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        from urllib.parse import quote
        rows = []
        for kind, q in sample:
            nb = cold(driver, counter, url + "search/?q=" + quote(q),
                      "return !!document.getElementById('search-status').getAttribute('data-done')", NIANBAO_WARM, q)
            pf = cold(driver, pf_counter, pf_url + "pf.html?q=" + quote(q), "return document.body.hasAttribute('data-done')",
                      PAGEFIND_WARM, q) if public else None
            rows.append({"kind": kind, "q": q, "nianbao": nb, "pagefind": pf})
        result["cold"] = rows
    finally:
        driver.quit()
        server.shutdown()
        if pf_server:
            pf_server.shutdown()
    report(result)
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)


def report(r):
    print("\n== %d reports ==" % r["n"])
    if "build_with_index_s" in r:
        a, b = r["build_without_index_s"], r["build_with_index_s"]
        ca, cb = r["build_without_index_cpu_s"], r["build_with_index_cpu_s"]
        print("build without index %.1f s (CPU %.1f s), with index %.1f s (CPU %.1f s): indexing adds %.1f%% wall, %.1f%% CPU" % (
            a, ca, b, cb, 100 * (b - a) / a, 100 * (cb - ca) / ca))
    if "build_index_only_s" in r:
        print("build of the index alone (parse + index + raw files) %.1f s (CPU %.1f s)" % (
            r["build_index_only_s"], r["build_index_only_cpu_s"]))
    print("index on disk: nianbao %.2f MB (%d files)" % (r["nianbao_index_bytes"] / 1e6, r["nianbao_index_files"]), end="")
    if "pagefind_index_bytes" in r:
        print(", Pagefind %.2f MB (%d files): ratio %.3f; Pagefind indexing %.1f s" % (
            r["pagefind_index_bytes"] / 1e6, r["pagefind_index_files"], r["nianbao_index_bytes"] / r["pagefind_index_bytes"],
            r["pagefind_index_s"]))
        print("index on disk in blocks (du): nianbao %.2f MB, Pagefind %.2f MB: ratio %.3f" % (
            r["nianbao_index_du_bytes"] / 1e6, r["pagefind_index_du_bytes"] / 1e6,
            r["nianbao_index_du_bytes"] / r["pagefind_index_du_bytes"]))
    else:
        print("; in blocks (du) %.2f MB" % (r["nianbao_index_du_bytes"] / 1e6))
    for engine in ("nianbao", "pagefind"):
        q = r.get(engine + "_quality")
        if q:
            for kind in ("substring", "town", "pinyin", "all"):
                s = q[kind]
                print("%-8s %-9s recall %.4f precision %.4f exact %d/%d %s" % (
                    engine, kind, s["recall"], s["precision"], s["exact"], s["queries"], s["misses"][:2] if s["misses"] else ""))
    rows = r["cold"]
    nb = [row["nianbao"][0] for row in rows]
    print("cold query bytes, nianbao: median %d, max %d (%d queries); files median %d" % (
        statistics.median(nb), max(nb), len(nb), statistics.median(row["nianbao"][1] for row in rows)))
    ms = [row["nianbao"][2] for row in rows]
    print("warm query time, nianbao: median %.1f ms, max %.1f ms" % (statistics.median(ms), max(ms)))
    if rows and rows[0]["pagefind"]:
        pf = [row["pagefind"][0] for row in rows]
        print("cold query bytes, Pagefind: median %d, max %d; ratio median %.3f, max %.3f" % (
            statistics.median(pf), max(pf), statistics.median(nb) / statistics.median(pf), max(nb) / max(pf)))
        pms = [row["pagefind"][2] for row in rows]
        print("warm query time, Pagefind: median %.1f ms, max %.1f ms" % (statistics.median(pms), max(pms)))


if __name__ == "__main__":
    main()
