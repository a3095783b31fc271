// Statistics: draws each chart from the figures the server put on the page (data-chart); the
// same figures are in the table under each chart.
(function () {
  if (typeof echarts === "undefined") return;
  var nodes = document.querySelectorAll(".chart[data-chart]");
  for (var i = 0; i < nodes.length; i++) {
    var el = nodes[i];
    var data = JSON.parse(el.getAttribute("data-chart"));
    var chart = echarts.init(el, null, { renderer: "svg" });
    var option;
    if (el.getAttribute("data-kind") === "pie") {
      option = {
        animation: false,
        tooltip: { trigger: "item" },
        legend: { type: "scroll", bottom: 0 },
        series: [
          {
            type: "pie",
            radius: ["35%", "65%"],
            top: -20,
            label: { formatter: "{b}：{c}" },
            data: data.labels.map(function (l, k) {
              return { name: l, value: data.values[k] };
            }),
          },
        ],
      };
    } else {
      option = {
        animation: false,
        tooltip: { trigger: "axis" },
        grid: { left: 40, right: 16, top: 16, bottom: 48 },
        xAxis: { type: "category", data: data.labels, axisLabel: { interval: 0, hideOverlap: true } },
        yAxis: { type: "value", minInterval: 1 },
        series: [{ type: "bar", data: data.values, label: { show: true, position: "top" } }],
      };
    }
    chart.setOption(option);
    el.setAttribute("data-drawn", "1");
  }
})();
