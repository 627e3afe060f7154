/* turnover: draws the pair chart with the vendored vega-embed and wires the
 * PNG/SVG download buttons. The spec comes from a JSON script block that the
 * server wrote (escaped by Jinja's tojson), so no data is fetched. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-chart-spec]").forEach(function (box) {
      var source = document.getElementById(box.getAttribute("data-chart-spec"));
      if (!source || typeof vegaEmbed === "undefined") { return; }
      var spec = JSON.parse(source.textContent);
      var name = box.getAttribute("data-filename") || "chart";
      vegaEmbed(box, spec, {
        actions: false,
        renderer: "svg",
        downloadFileName: name
      }).then(function (result) {
        box.setAttribute("data-rendered", "true");
        document.querySelectorAll('[data-chart-download][data-chart="' + box.id + '"]').forEach(function (btn) {
          btn.disabled = false;
          btn.addEventListener("click", function () {
            var type = btn.getAttribute("data-chart-download");
            result.view.toImageURL(type, type === "png" ? 2 : 1).then(function (url) {
              var link = document.createElement("a");
              link.href = url;
              link.download = name + "." + type;
              document.body.appendChild(link);
              link.click();
              link.remove();
            });
          });
        });
      }).catch(function (error) {
        box.setAttribute("data-error", String(error));
        box.textContent = "The chart could not be drawn: " + error;
      });
    });
  });
})();
