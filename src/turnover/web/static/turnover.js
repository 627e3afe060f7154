/* turnover: the few interactions that need a browser.
 * - review view: clicking a fact scrolls to its text and marks it (and back);
 * - tables: "CSV" buttons download the table as it is shown;
 * - overview: the filter box narrows the pair table as you type.
 * Inlined verbatim into the standalone review file, so no imports, no network. */
(function () {
  "use strict";

  function markFact(section, index, scroll) {
    section.querySelectorAll("mark.fact.active, .fact-item.active").forEach(function (el) {
      el.classList.remove("active");
    });
    var marks = Array.prototype.filter.call(section.querySelectorAll("mark.fact"), function (m) {
      return (m.getAttribute("data-facts") || "").split(" ").indexOf(String(index)) >= 0;
    });
    marks.forEach(function (m) { m.classList.add("active"); });
    var item = section.querySelector('.fact-item[data-fact="' + index + '"]');
    if (item) { item.classList.add("active"); }
    if (scroll && marks.length) {
      marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
    } else if (!scroll && item) {
      item.scrollIntoView({ behavior: "smooth", block: "nearest" });
    }
  }

  function setupReview(section) {
    section.addEventListener("click", function (event) {
      var item = event.target.closest(".fact-item");
      if (item && !item.disabled) {
        markFact(section, item.getAttribute("data-fact"), true);
        return;
      }
      var mark = event.target.closest("mark.fact");
      if (mark) {
        markFact(section, mark.getAttribute("data-primary"), false);
      }
    });
    var wanted = window.location.hash.slice(1);
    var target = wanted ? document.getElementById(decodeURIComponent(wanted)) : null;
    if (target && section.contains(target) && target.classList.contains("fact-item")) {
      markFact(section, target.getAttribute("data-fact"), true);
    }
  }

  function csvCell(cell) {
    var text = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent;
    text = text.replace(/\s+/g, " ").trim();
    return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function downloadCsv(table, filename) {
    var rows = Array.prototype.filter.call(table.querySelectorAll("tr"), function (tr) {
      return !tr.hidden;
    });
    var lines = rows.map(function (tr) {
      return Array.prototype.map.call(tr.querySelectorAll("th, td"), csvCell).join(",");
    });
    var blob = new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  function setupFilter(input) {
    var table = document.getElementById(input.getAttribute("data-filter-table"));
    if (!table) { return; }
    input.addEventListener("input", function () {
      var needle = input.value.trim().toLowerCase();
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        tr.hidden = needle !== "" && tr.innerText.toLowerCase().indexOf(needle) < 0;
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-review]").forEach(setupReview);
    document.querySelectorAll("[data-filter-table]").forEach(setupFilter);
    document.addEventListener("click", function (event) {
      var button = event.target.closest("[data-csv-for]");
      if (!button) { return; }
      var table = document.getElementById(button.getAttribute("data-csv-for"));
      if (table) { downloadCsv(table, button.getAttribute("data-filename") || "table.csv"); }
    });
  });
})();
