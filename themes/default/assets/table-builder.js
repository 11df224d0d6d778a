// The table builder (data/table/): reads the chosen years' published CSV, keeps the rows of
// the chosen places and the chosen columns, shows them as a table and offers them as CSV.
// Plain JavaScript, no framework, no eval; without it the page links to the downloads.
(function () {
  "use strict";
  var form = document.getElementById("builder");
  if (!form || !window.fetch) return;
  var status = document.getElementById("builder-status");
  var output = document.getElementById("builder-output");
  var download = document.getElementById("builder-download");
  var root = form.getAttribute("data-root");
  // The columns every table starts with (报告页面, 机关, 年度), by their CSV position.
  var fixed = form.getAttribute("data-fixed").split(",").map(Number);
  var table = null;
  form.hidden = false;
  document.getElementById("builder-fallback").hidden = true;

  // RFC 4180, as nianbao writes it (BOM, CRLF, quoted fields).
  function parse(text) {
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    var rows = [], row = [], field = "", quoted = false;
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
        } else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") { row.push(field); field = ""; }
      else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
      else if (c !== "\r") field += c;
    }
    if (field !== "" || row.length) { row.push(field); rows.push(row); }
    return rows;
  }

  function quote(s) { return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }

  function checked(name) {
    return Array.prototype.filter.call(form.querySelectorAll('input[name="' + name + '"]'),
      function (b) { return b.checked; }).map(function (b) { return b.value; });
  }

  // The page column is not shown: the body's name (the next column) links to the report.
  function show(header, rows) {
    output.textContent = "";
    var t = document.createElement("table");
    t.className = "stat";
    var head = t.createTHead().insertRow();
    header.slice(1).forEach(function (h) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = h;
      head.appendChild(th);
    });
    var body = t.createTBody();
    rows.forEach(function (r) {
      var tr = body.insertRow();
      r.slice(1).forEach(function (v, i) {
        var cell = i === 0 ? document.createElement("th") : tr.insertCell();
        if (i === 0) {
          cell.scope = "row";
          tr.appendChild(cell);
          var a = document.createElement("a");
          a.href = root + r[0];
          a.textContent = v;
          cell.appendChild(a);
        } else {
          cell.textContent = v === "" ? "—" : v;
          if (i > 1) cell.className = "num";
        }
      });
    });
    output.appendChild(t);
    output.hidden = false;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var years = checked("year"), places = checked("place"), fields = checked("field").map(Number);
    if (!years.length || !fields.length) { status.textContent = "请至少选择一个年度和一个指标。"; return; }
    status.textContent = "正在读取数据……";
    download.disabled = true;
    Promise.all(years.map(function (href) {
      return fetch(href).then(function (r) {
        if (!r.ok) throw new Error(href);
        return r.text();
      });
    })).then(function (texts) {
      var columns = fixed.concat(fields), header = null, rows = [];
      texts.forEach(function (text) {
        var all = parse(text);
        header = header || all[0];
        all.slice(1).forEach(function (r) {
          if (places.length && !places.some(function (p) { return r[0].indexOf(p) === 0; })) return;
          rows.push(columns.map(function (i) { return r[i] || ""; }));
        });
      });
      table = { header: columns.map(function (i) { return header[i]; }), rows: rows };
      show(table.header, rows);
      status.textContent = "共 " + rows.length + " 份报告。";
      download.disabled = false;
    }).catch(function () {
      status.textContent = "无法读取数据文件（从本地磁盘打开时浏览器不允许读取）；请到开放数据页直接下载 CSV。";
    });
  });

  // A table can be shared as a link: the form's own query (?year=…&field=…&place=…) checks
  // its boxes and builds the table at once.
  var query = new URLSearchParams(window.location.search);
  ["year", "place", "field"].forEach(function (name) {
    query.getAll(name).forEach(function (value) {
      form.querySelectorAll('input[name="' + name + '"]').forEach(function (b) { if (b.value === value) b.checked = true; });
    });
  });
  if (query.has("year") && query.has("field")) form.requestSubmit();

  download.addEventListener("click", function () {
    if (!table) return;
    var lines = [table.header].concat(table.rows).map(function (r) { return r.map(quote).join(","); });
    var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "nianbao-table.csv";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
})();
