// Site search with no server and no library: reads the sharded index under search/ (layout in
// docs/search-index.md), fetching only the files a query needs, and keeps them for the next
// query. Plain ES5-style code, no eval, no innerHTML: report text only ever becomes text nodes.
(function () {
  "use strict";
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!status || !list) return;
  var indexURL = status.getAttribute("data-index");
  var base = indexURL.replace(/[^\/]*$/, "");
  var root = status.getAttribute("data-root") || "";
  var onFile = window.location.protocol === "file:";
  var PER_PAGE = 10;

  function $(id) { return document.getElementById(id); }
  function say(text) { status.textContent = text; }

  // ---- Text, exactly as SearchText.swift reads it ----

  function fold(c) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0; else if (c === 0x3000) c = 0x20;
    if (c >= 0x41 && c <= 0x5A) c += 0x20;
    return c;
  }
  function isWord(c) {
    return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A) || c === 0x3007 ||
      (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x20000 && c <= 0x3134F);
  }
  // Runs of word scalars as arrays of code points; with `map`, also each scalar's index in text.
  function runs(text, map) {
    var out = [], run = [], at = [], pendingSpace = false;
    for (var i = 0; i < text.length; i++) {
      var raw = text.codePointAt(i), start = i;
      if (raw > 0xFFFF) i++;
      var c = fold(raw);
      if (isWord(c)) {
        if (pendingSpace && run.length && run[run.length - 1] < 0x80 && c < 0x80) { out.push(map ? { s: run, at: at } : run); run = []; at = []; }
        pendingSpace = false;
        run.push(c); at.push(start);
      } else if (c === 0x2A || c === 0x60) {
        continue;
      } else if (c === 0x20 || c === 0x09 || c === 0x0A || c === 0x0D) {
        pendingSpace = true;
      } else {
        if (run.length) out.push(map ? { s: run, at: at } : run);
        run = []; at = []; pendingSpace = false;
      }
    }
    if (run.length) out.push(map ? { s: run, at: at } : run);
    return out;
  }
  function str(points) { return String.fromCodePoint.apply(null, points); }

  // ---- Fetching, with a cache per file ----

  var cache = {};
  function get(url, binary) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (r.status === 404) return null;
        if (!r.ok) throw new Error(url + ": " + r.status);
        return binary ? r.arrayBuffer().then(function (b) { return new Uint8Array(b); }) : r.json();
      });
      cache[url].catch(function () { delete cache[url]; });
    }
    return cache[url];
  }
  function getText(url) {
    if (!cache[url]) cache[url] = fetch(url).then(function (r) { return r.ok ? r.text() : ""; });
    return cache[url];
  }

  // ---- Binary formats (SearchIndexBuilder+Files.swift, DocSet.swift) ----

  function Reader(bytes, offset) { this.b = bytes; this.o = offset || 0; }
  Reader.prototype.varint = function () {
    var v = 0, mul = 1, b;
    do { b = this.b[this.o++]; v += (b & 0x7F) * mul; mul *= 128; } while (b & 0x80);
    return v;
  };

  function decodeSet(bytes, offset) {
    var r = new Reader(bytes, offset), count = r.varint(), chunks = r.varint(), ids = [], chunk = -1;
    for (var c = 0; c < chunks; c++) {
      chunk += r.varint() + 1;
      var mode = r.varint(), high = chunk * 4096;
      if (mode === 0) {
        for (var i = 0; i < 4096; i++) if (bytes[r.o + (i >> 3)] & (1 << (i & 7))) ids.push(high + i);
        r.o += 512;
      } else {
        var low = -1;
        for (var j = 0; j < mode; j++) { var d = r.varint(); low = low < 0 ? d : low + d + 1; ids.push(high + low); }
      }
    }
    if (ids.length !== count) throw new Error("bad set");
    return ids;
  }

  function hashKey(points) {
    var h = 0x811C9DC5, bytes = new TextEncoder().encode(str(points.slice(1, 5)));
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h;
  }

  function parseBucket(bytes) {
    var map = new Map();
    if (!bytes) return map;
    var r = new Reader(bytes, 4), count = r.varint(), prev = [];
    for (var n = 0; n < count; n++) {
      var shared = r.varint(), more = r.varint(), key = prev.slice(0, shared);
      for (var i = 0; i < more; i++) key.push(r.varint());
      prev = key;
      var kind = bytes[r.o++], entry = { kind: kind };
      if (kind === 1) { var len = r.varint(); entry.at = r.o; r.o += len; }
      else if (kind === 2) { entry.ref = (bytes[r.o] * 16777216 + bytes[r.o + 1] * 65536 + bytes[r.o + 2] * 256 + bytes[r.o + 3]).toString(16); r.o += 4; }
      else if (kind === 3) {
        entry.lines = [];
        var lines = r.varint();
        for (var l = 0; l < lines; l++) { var ll = r.varint(); entry.lines.push(new TextDecoder().decode(bytes.subarray(r.o, r.o + ll))); r.o += ll; }
      }
      map.set(str(key), entry);
    }
    map.bytes = bytes;
    return map;
  }

  // Text and title keys whose first four characters are letters have key files of their own,
  // k/a<b>.bin (KeySpace in SearchIndexBuilder+KeySpace.swift): few and light, so a spaced
  // pinyin query, a text key per syllable, reads one of them, not a heavy file per syllable.
  function isLetterKey(points) {
    if (points[0] !== 0x78 && points[0] !== 0x74) return false;
    var head = points.slice(1, 5);
    return head.length > 0 && head.every(function (c) { return c >= 0x61 && c <= 0x7A; });
  }

  var manifest = null;
  // The key file of `key` in a segment: the main shards (k/) or the delta (delta/<tag>-).
  function bucket(key, segment, prefix) {
    var points = Array.from(key, function (ch) { return ch.codePointAt(0); });
    // No letter key files: the segment has no letter key (KeySpace), so none is fetched for one
    // (the delta of a few reports often has none, and a spaced pinyin query asks for several).
    if (isLetterKey(points) && segment.letters === 0) return Promise.resolve(parseBucket(null));
    var url = isLetterKey(points) && segment.letters > 0
      ? prefix + "a" + hashKey(points) % segment.letters + ".bin"
      : prefix + hashKey(points) % segment.buckets + ".bin";
    if (!cache[url + "#parsed"]) cache[url + "#parsed"] = get(url, true).then(parseBucket);
    return cache[url + "#parsed"];
  }
  function resolve(map, key) {
    var e = map.get(key);
    if (!e) return Promise.resolve([]);
    if (e.kind === 0) return resolve(map, Array.from(key).slice(0, -1).join(""));
    if (e.kind === 1) return Promise.resolve(decodeSet(map.bytes, e.at));
    if (e.kind === 2) {
      var name = ("0000000" + e.ref).slice(-8);
      return get(base + "s/" + name + ".bin", true).then(function (b) { return b ? decodeSet(b, 0) : []; });
    }
    return Promise.resolve(e.lines || []);
  }
  // A key's reports: the main shards' without the ids the manifest lists as taken out, and the
  // delta segment's (SearchIndexBuilder+Segment.swift); a suggestion key the delta lists is
  // listed there whole. Either way the same as the index made whole.
  function lookup(key) {
    var main = bucket(key, manifest, base + "k/").then(function (map) { return resolve(map, key); });
    var d = manifest.delta;
    if (!d) return main;
    return Promise.all([main, bucket(key, d, base + "delta/" + d.tag + "-")]).then(function (r) {
      var e = r[1].get(key);
      if (e && e.kind === 3) return e.lines;
      var kept = key.charAt(0) === "s" ? r[0] : minus(r[0], manifest.deleted);
      return e ? resolve(r[1], key).then(function (more) { return union(kept, more); }) : kept;
    });
  }

  // ---- Sets as sorted arrays ----

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }
  function union(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(a[i++]);
      else if (i >= a.length || b[j] < a[i]) out.push(b[j++]);
      else { out.push(a[i]); i++; j++; }
    }
    return out;
  }
  function minus(a, b) {
    var out = [], j = 0;
    for (var i = 0; i < a.length; i++) {
      while (j < b.length && b[j] < a[i]) j++;
      if (j >= b.length || b[j] !== a[i]) out.push(a[i]);
    }
    return out;
  }
  function all(promises, combine) {
    return Promise.all(promises).then(function (sets) {
      return sets.length ? sets.reduce(combine) : [];
    });
  }

  // ---- A query ----

  // The reports containing every run of the query, by namespace ("x" text, "t" title): a run
  // up to `gram` scalars is one key; a longer one is covered by windows of `gram` scalars, end
  // to end and one ending at its end (a key file each, so not every window), and the results
  // shown are checked against their text.
  function phrase(ns, qruns) {
    var k = manifest.gram;
    return all(qruns.map(function (run) {
      if (run.length <= k) return lookup(ns + str(run));
      var windows = [];
      for (var i = 0; i + k < run.length; i += k) windows.push(lookup(ns + str(run.slice(i, i + k))));
      windows.push(lookup(ns + str(run.slice(run.length - k))));
      return all(windows, intersect);
    }), intersect);
  }

  // A query's runs: as in the text, except that white space always separates (兴庆区 2020 is
  // two words that must both occur, not the phrase 兴庆区2020).
  function queryRuns(q) {
    return q.split(/\s+/).reduce(function (all, part) { return all.concat(runs(part)); }, []);
  }

  function query(q) {
    var qruns = queryRuns(q);
    if (!qruns.length) return Promise.resolve(null);
    var joined = qruns.map(str).join("");
    var pinyin = /^[a-z ]+$/i.test(q.trim()) ? "p" + q.toLowerCase().replace(/\s+/g, "") : null;
    return Promise.all([phrase("x", qruns), phrase("t", qruns), lookup("n" + joined), pinyin ? lookup("p" + pinyin.slice(1)) : []])
      .then(function (r) {
        var names = union(r[2], r[3]);
        var title = minus(r[1], names);
        var text = minus(minus(union(r[0], names), names), title);
        return {
          // Found by windows of a longer run, beyond the names: checked against the text when shown.
          runs: qruns, long: text.length + title.length > 0 && qruns.some(function (run) { return run.length > manifest.gram; }),
          tiers: [names, title, text], total: names.length + title.length + text.length, pinyin: Boolean(pinyin)
        };
      });
  }

  // Newest year first (ids are year << 20 | number), then in number order: the sets are
  // sorted, so this is their runs of one year taken from the last, in linear time.
  function order(ids) {
    var out = [], end = ids.length;
    while (end > 0) {
      var start = end - 1, year = ids[start] >>> 20;
      while (start > 0 && ids[start - 1] >>> 20 === year) start--;
      for (var i = start; i < end; i++) out.push(ids[i]);
      end = start;
    }
    return out;
  }

  function documentOf(id) {
    var slot = Math.floor(id / 1048576), local = id % 1048576;
    var url = base + "d/" + slot + "-" + Math.floor(local / manifest.page) + ".json";
    return get(url, false).then(function (rows) {
      for (var i = 0; rows && i < rows.length; i++) if (rows[i].i === local) return rows[i];
      return null;
    });
  }

  // ---- The page ----

  var params = new URLSearchParams(window.location.search);
  var state = {
    q: params.get("q") || "", year: params.get("year") || "", region: params.get("region") || "",
    page: Math.max(1, parseInt(params.get("page") || "1", 10) || 1)
  };
  var input = document.getElementById("q");
  if (input) input.value = state.q;
  var serial = 0;

  function href(folder) {
    return root + folder + (onFile && /\/$/.test(folder) ? "index.html" : "");
  }

  function saveState() {
    var p = new URLSearchParams();
    if (state.q) p.set("q", state.q);
    if (state.year) p.set("year", state.year);
    if (state.region) p.set("region", state.region);
    if (state.page > 1) p.set("page", String(state.page));
    var qs = p.toString();
    window.history.replaceState(null, "", window.location.pathname + (qs ? "?" + qs : ""));
  }

  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }
  function add(parent, tag, text, cls) {
    var el = document.createElement(tag);
    if (text) el.textContent = text;
    if (cls) el.className = cls;
    parent.appendChild(el);
    return el;
  }

  // Where the query's runs occur in `text`, as [start, end) in text's UTF-16 indices.
  function find(text, qruns) {
    var tr = runs(text, true), hits = [];
    qruns.forEach(function (q) {
      var needle = str(q);
      for (var i = 0; i < tr.length; i++) {
        var hay = str(tr[i].s), at = hay.indexOf(needle);
        if (at >= 0) {
          var first = Array.from(hay.slice(0, at)).length, last = first + q.length - 1, end = tr[i].at[last];
          hits.push([tr[i].at[first], end + (text.codePointAt(end) > 0xFFFF ? 2 : 1)]);
          return;
        }
      }
    });
    return hits;
  }

  // A line of text around the first hit, the hits marked; `null` when no run is found.
  function snippet(text, qruns, el) {
    var hits = find(text, qruns).sort(function (a, b) { return a[0] - b[0]; });
    if (!hits.length) return null;
    var from = Math.max(0, hits[0][0] - 40), to = Math.min(text.length, hits[0][1] + 80);
    var p = document.createElement("p");
    p.className = "snippet";
    var at = from;
    if (from > 0) p.appendChild(document.createTextNode("…"));
    hits.forEach(function (h) {
      if (h[0] < at || h[1] > to) return;
      p.appendChild(document.createTextNode(text.slice(at, h[0]).replace(/\s+/g, " ")));
      add(p, "mark", text.slice(h[0], h[1]));
      at = h[1];
    });
    p.appendChild(document.createTextNode(text.slice(at, to).replace(/\s+/g, " ") + (to < text.length ? "…" : "")));
    el.appendChild(p);
    return p;
  }

  function plain(raw, name) {
    if (!/\.html?\.txt$/.test(name)) return raw;
    var doc = new DOMParser().parseFromString(raw, "text/html");
    return doc.body ? doc.body.textContent || "" : "";
  }

  function showItem(li, doc, result, id) {
    var a = add(li, "a", doc.t);
    a.href = href(doc.u);
    var meta = [doc.c.join(" › ") + (doc.k ? "（" + doc.k + "）" : ""), doc.b, doc.y ? doc.y + " 年" : "年份不明"];
    add(li, "div", meta.filter(Boolean).join(" · "), "chain");
    if (doc.f && doc.f.length) add(li, "div", doc.f.map(function (f) { return f[0] + " " + f[1]; }).join(" · "), "figures");
    var head = [doc.t, doc.b].concat(doc.c).join("\n");
    if (snippet(head, result.runs, document.createElement("div")) && !result.long) {
      snippet(doc.t, result.runs, li);
      return Promise.resolve(true);
    }
    // Found by the pinyin of one of its names (zzz, zhang zheng): the name is in the chain line,
    // and the same letters in its text are not why it was found — they are a substring of an
    // e-mail or web address (yxsxqqzzz@163.com) more often than a word. No snippet then.
    if (result.pinyin && result.tiers[0].indexOf(id) >= 0) return Promise.resolve(true);
    return getText(root + doc.u + doc.s).then(function (raw) {
      var shown = snippet(plain(raw, doc.s), result.runs, li) || snippet(head, result.runs, li);
      return Boolean(shown) || !result.long;
    });
  }

  function filtered(result) {
    var ids = result.tiers.map(function (t) {
      return state.year ? t.filter(function (id) { return String((id >>> 20) + 1900) === state.year || (state.year === "0" && id >>> 20 === 0); }) : t;
    });
    if (!state.region) return Promise.resolve(ids);
    return lookup("r" + state.region).then(function (inRegion) {
      return ids.map(function (t) { return intersect(t, inRegion); });
    });
  }

  function yearOptions(result) {
    var counts = {};
    result.tiers.forEach(function (t) { t.forEach(function (id) { var y = id >>> 20; counts[y] = (counts[y] || 0) + 1; }); });
    var select = $("search-year");
    while (select.options.length > 1) select.remove(1);
    Object.keys(counts).map(Number).sort(function (a, b) { return b - a; }).forEach(function (slot) {
      var o = document.createElement("option");
      o.value = slot ? String(slot + 1900) : "0";
      o.textContent = (slot ? slot + 1900 + " 年" : "年份不明") + "（" + counts[slot] + "）";
      select.appendChild(o);
    });
    select.value = state.year;
  }

  function regionOptions() {
    var p = $("search-province"), c = $("search-city"), k = $("search-county");
    function fill(select, rows, label) {
      while (select.options.length > 1) select.remove(1);
      rows.forEach(function (r) {
        var o = document.createElement("option");
        o.value = r[0]; o.textContent = r[1];
        select.appendChild(o);
      });
      select.hidden = !rows.length;
      select.options[0].textContent = label;
    }
    fill(p, manifest.provinces, "全部地区");
    p.hidden = false;
    var prov = state.region.slice(0, 2);
    p.value = prov;
    if (!prov) { c.hidden = k.hidden = true; return Promise.resolve(); }
    return get(base + "r/" + prov + ".json", false).then(function (rows) {
      rows = rows || [];
      fill(c, rows.filter(function (r) { return r[0].length === 4; }), "全部市");
      var city = state.region.length >= 4 ? state.region.slice(0, 4) : "";
      c.value = city;
      fill(k, rows.filter(function (r) { return r[0].length === 6 && (!city || r[0].indexOf(city) === 0); }), "全部区县");
      k.value = state.region.length === 6 ? state.region : "";
    });
  }

  function suggest(q) {
    var box = $("search-suggest"), ul = box.querySelector("ul");
    clear(ul);
    var qruns = queryRuns(q), keys = [];
    var han = Array.from(qruns.map(str).join("")).filter(function (ch) { return ch.codePointAt(0) >= 0x3400; });
    han.slice(0, 6).forEach(function (ch) { if (keys.indexOf("s" + ch) < 0) keys.push("s" + ch); });
    var letters = q.toLowerCase().replace(/[^a-z]/g, "");
    if (letters.length >= 2) keys.push("s" + letters.slice(0, 2));
    return Promise.all(keys.map(lookup)).then(function (found) {
      var seen = {}, scored = [];
      found.forEach(function (lines) {
        lines.forEach(function (line) {
          if (seen[line]) return;
          seen[line] = true;
          var f = line.split("\t");
          var d = han.length ? distance(Array.from(f[0]), han) : distance(Array.from(f[2]), Array.from(letters));
          scored.push({ d: d, name: f[0], chain: f[1] });
        });
      });
      scored.sort(function (a, b) { return a.d - b.d || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.chain < b.chain ? -1 : 1); });
      scored.slice(0, 5).forEach(function (s) {
        var li = add(ul, "li");
        var a = add(li, "a", s.name);
        a.href = "?q=" + encodeURIComponent(s.name);
        add(li, "span", "（" + s.chain + "）");
      });
      box.hidden = !scored.length;
    });
  }

  function distance(a, b) {
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      for (j = 1; j <= b.length; j++) cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
      prev = cur;
    }
    return prev[b.length];
  }

  function run() {
    var mine = ++serial;
    clear(list);
    $("search-suggest").hidden = true;
    $("search-pages").hidden = true;
    saveState();
    if (!state.q.trim()) {
      say("共 " + manifest.reports + " 份报告。请输入要查找的字词。");
      $("search-filters").hidden = true;
      status.setAttribute("data-done", String(mine));
      return Promise.resolve();
    }
    say("正在查找……");
    var started = performance.now();
    return query(state.q).then(function (result) {
      if (mine !== serial) return;
      if (!result) { say("请输入汉字、字母或数字。"); return; }
      yearOptions(result);
      $("search-filters").hidden = false;
      return Promise.all([filtered(result), regionOptions()]).then(function (r) {
        if (mine !== serial) return;
        var tiers = r[0], ids = [];
        tiers.forEach(function (t) { ids = ids.concat(order(t)); });
        window.nianbaoSearchMs = performance.now() - started;
        if (!ids.length) {
          say("没有找到包含“" + state.q + "”的报告。");
          return result.total ? null : suggest(state.q);
        }
        var pages = Math.ceil(ids.length / PER_PAGE);
        state.page = Math.min(state.page, pages);
        var shown = ids.slice((state.page - 1) * PER_PAGE, state.page * PER_PAGE);
        say((result.long ? "找到约 " : "找到 ") + ids.length + " 份报告" + (pages > 1 ? "，第 " + state.page + "/" + pages + " 页" : "") + "。");
        var items = shown.map(function (id) {
          var li = add(list, "li");
          li.setAttribute("data-id", String(id));
          return documentOf(id).then(function (doc) {
            if (mine !== serial || !doc) return;
            return showItem(li, doc, result, id).then(function (found) { if (!found) li.className = "unverified"; });
          });
        });
        $("search-pages").hidden = pages <= 1;
        $("search-page").textContent = state.page + " / " + pages;
        $("search-prev").disabled = state.page <= 1;
        $("search-next").disabled = state.page >= pages;
        return Promise.all(items);
      });
    }).catch(function (e) {
      say("搜索出错：" + e.message);
    }).then(function () {
      // For tests and the benchmark: this run has drawn everything it will draw.
      if (mine === serial) status.setAttribute("data-done", String(mine));
    });
  }

  function restart() { state.page = 1; run(); }
  $("search-year").addEventListener("change", function (e) { state.year = e.target.value; restart(); });
  $("search-province").addEventListener("change", function (e) { state.region = e.target.value; restart(); });
  $("search-city").addEventListener("change", function (e) { state.region = e.target.value || state.region.slice(0, 2); restart(); });
  $("search-county").addEventListener("change", function (e) { state.region = e.target.value || state.region.slice(0, 4); restart(); });
  $("search-prev").addEventListener("click", function () { state.page--; run(); });
  $("search-next").addEventListener("click", function () { state.page++; run(); });
  var form = input && input.form;
  if (form) form.addEventListener("submit", function (e) {
    e.preventDefault();
    state = { q: input.value, year: "", region: "", page: 1 };
    run();
  });

  if (onFile || !window.fetch) {
    say("从本地文件打开时浏览器不允许读取索引，搜索不可用；请通过网站服务器访问，或按地区、年份浏览。");
    return;
  }
  get(indexURL, false).then(function (m) {
    manifest = m;
    // For the benchmark (scripts/bench-search): every report a query finds, best first.
    window.nianbaoSearch = {
      ids: function (q) {
        return query(q).then(function (r) { return r ? r.tiers.map(order).reduce(function (a, b) { return a.concat(b); }) : []; });
      }
    };
    return run();
  }).catch(function () { say("无法载入搜索索引。"); });
})();
