// Sorts a table marked data-sortable by any column, in plain JavaScript: each header becomes
// a button, the sorted column carries aria-sort, and each cell's data-sort attribute is the
// value compared (numbers as numbers, empty values last). Without JavaScript the table is
// read as the build wrote it.
(function () {
  "use strict";
  function value(row, i) {
    var cell = row.children[i];
    return cell ? (cell.getAttribute("data-sort") || "") : "";
  }
  function setup(table) {
    var heads = table.tHead.rows[0].children;
    var body = table.tBodies[0];
    Array.prototype.forEach.call(heads, function (th, i) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        var numeric = th.getAttribute("data-type") === "number";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a, i), y = value(b, i);
          if (x === "" || y === "") { return x === y ? 0 : (x === "" ? 1 : -1); }
          var c = numeric ? Number(x) - Number(y) : x.localeCompare(y, "zh-CN");
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), setup);
})();
