// Site search without libraries: loads search.json (or, from file://, where fetch is
// refused, search-index.js) and filters by substring over title, body, region and text.
(function () {
  "use strict";
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var input = document.getElementById("q");
  if (!status || !list || !input) return;
  var entries = null;
  var onFile = window.location.protocol === "file:";

  function say(text) { status.textContent = text; }

  function show(query) {
    while (list.firstChild) list.removeChild(list.firstChild);
    var q = query.trim().toLowerCase();
    if (!q) { say("共 " + entries.length + " 份报告。请输入要查找的字词。"); return; }
    var shown = 0, found = 0;
    entries.forEach(function (e) {
      var hay = [e.title, e.body, (e.region || []).join(" "), String(e.year || ""), e.text].join(" ").toLowerCase();
      if (hay.indexOf(q) === -1) return;
      found += 1;
      if (shown >= 200) return;
      shown += 1;
      var li = document.createElement("li");
      var a = document.createElement("a");
      // From file:// a folder link would show a directory listing: point at its index.html.
      a.href = "../" + e.url + (onFile && /\/$/.test(e.url) ? "index.html" : "");
      a.textContent = e.title || e.body;
      li.appendChild(a);
      var meta = document.createElement("div");
      meta.className = "snippet";
      meta.textContent = [(e.region || []).join(" "), e.body, e.year].filter(Boolean).join(" · ");
      li.appendChild(meta);
      list.appendChild(li);
    });
    say(found === 0 ? "没有找到包含“" + query + "”的报告。"
      : "找到 " + found + " 份报告" + (found > shown ? "，显示前 " + shown + " 份" : "") + "。");
  }

  function ready(data) {
    entries = data;
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    show(input.value);
    input.addEventListener("input", function () { show(input.value); });
  }

  function fallback() {
    // file:// pages cannot fetch; a script tag still loads.
    var script = document.createElement("script");
    script.src = status.getAttribute("data-fallback");
    script.onload = function () {
      if (window.NIANBAO_SEARCH) ready(window.NIANBAO_SEARCH);
      else say("无法载入搜索索引。");
    };
    script.onerror = function () {
      say("无法载入搜索索引（从本地文件打开时，浏览器可能禁止读取 search.json；请通过网站服务器访问）。");
    };
    document.body.appendChild(script);
  }

  if (onFile || !window.fetch) { fallback(); return; }
  fetch(status.getAttribute("data-index"))
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(ready)
    .catch(fallback);
})();
