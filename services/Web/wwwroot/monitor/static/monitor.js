// The dashboard's charts, drawn from the tables beside them (the tables are the data; the charts only a picture of
// them). A figure names its table in data-tabel; the columns marked data-reeks are the series, each row a category
// (its row headers joined; the period left out when the whole table has one). Withheld cells ("< 5") have no value
// and are left out of the chart. No inline script or style: Chart.js sizes the canvas through the CSSOM, which the CSP
// allows, and the canvas has no id (see web-facts).
(function () {
    "use strict";
    var colours = ["#01578a", "#cc5500", "#1e6b34", "#6b3fa0", "#8a5a00", "#a3001b"];

    function draw(figure) {
        var table = document.getElementById(figure.dataset.tabel);
        var canvas = figure.querySelector("canvas");
        if (!table || !canvas || typeof Chart === "undefined") return;
        var stacked = figure.dataset.soort === "stapel";
        var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
        var series = headers
            .map(function (th, index) { return { index: index, label: th.textContent.trim() }; })
            .filter(function (s) { return headers[s.index].hasAttribute("data-reeks"); });
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        var periods = {};
        rows.forEach(function (row) {
            var period = row.querySelector("[data-periode]");
            if (period) periods[period.textContent.trim()] = true;
        });
        var onePeriod = Object.keys(periods).length <= 1;
        var labels = rows.map(function (row) {
            return Array.prototype.slice.call(row.cells)
                .filter(function (cell) { return cell.tagName === "TH" && !(onePeriod && cell.hasAttribute("data-periode")); })
                .map(function (cell) { return cell.textContent.trim(); })
                .join(" · ");
        });
        var datasets = series.map(function (s, i) {
            return {
                label: s.label,
                backgroundColor: colours[i % colours.length],
                data: rows.map(function (row) {
                    var value = row.cells[s.index].dataset.waarde;
                    return value === undefined || value === "" ? null : Number(value);
                })
            };
        });
        // A horizontal bar per row: the drawing grows with the rows (set through the CSSOM, which the CSP allows).
        if (stacked) canvas.parentElement.style.height = (6 + 3 * rows.length) + "rem";
        new Chart(canvas, {
            type: "bar",
            data: { labels: labels, datasets: datasets },
            options: {
                indexAxis: stacked ? "y" : "x",
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                color: "#1a1a1a",
                scales: {
                    x: { stacked: stacked, ticks: { color: "#1a1a1a", precision: 0 } },
                    y: { stacked: stacked, beginAtZero: true, ticks: { color: "#1a1a1a", precision: 0 } }
                },
                plugins: { legend: { position: "bottom" } }
            }
        });
        figure.dataset.getekend = "ja";
    }

    function start() {
        // A refused query: the reasons first, for keyboard and screen reader users too.
        var errors = document.querySelector("[data-foutoverzicht]");
        if (errors) errors.focus();
        Array.prototype.forEach.call(document.querySelectorAll("figure[data-tabel]"), draw);
    }

    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
})();
