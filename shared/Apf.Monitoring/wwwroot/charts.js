// A small line/step chart on <canvas>: time on x, one or more series on y. No library, no network.
"use strict";
const apfChart = {
  draw(canvas, times, series) {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || canvas.width, height = canvas.clientHeight || canvas.height;
    canvas.width = width * ratio; canvas.height = height * ratio;
    const g = canvas.getContext("2d");
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    const left = 40, right = 10, top = 18, bottom = 22;
    const w = width - left - right, h = height - top - bottom;
    g.font = "11px system-ui, sans-serif";
    if (times.length === 0) { g.fillStyle = "#888"; g.fillText("no cycle yet", left + 8, top + h / 2); return; }
    const max = Math.max(1, ...series.flatMap(s => s.values));
    const t0 = times[0], t1 = Math.max(times[times.length - 1], t0 + 1);
    const x = t => left + (t - t0) / (t1 - t0) * w;
    const y = v => top + h - v / max * h;
    // Axes and grid.
    g.strokeStyle = "#e3e6ea"; g.fillStyle = "#6b7480"; g.lineWidth = 1;
    for (const v of [0, max / 2, max]) {
      g.beginPath(); g.moveTo(left, y(v)); g.lineTo(left + w, y(v)); g.stroke();
      g.fillText(Number.isInteger(v) ? String(v) : v.toFixed(1), 4, y(v) + 4);
    }
    g.fillText(new Date(t0).toLocaleTimeString(), left, height - 6);
    const end = new Date(t1).toLocaleTimeString();
    g.fillText(end, left + w - g.measureText(end).width, height - 6);
    // Series, as steps: a value holds until the next cycle.
    let legendX = left;
    for (const s of series) {
      g.strokeStyle = s.color; g.lineWidth = 2; g.beginPath();
      s.values.forEach((v, i) => {
        if (i === 0) g.moveTo(x(times[i]), y(v));
        else { g.lineTo(x(times[i]), y(s.values[i - 1])); g.lineTo(x(times[i]), y(v)); }
      });
      g.stroke();
      g.fillStyle = s.color; g.fillRect(legendX, 4, 10, 8);
      g.fillStyle = "#1d232a"; g.fillText(`${s.name} (${s.values[s.values.length - 1]})`, legendX + 14, 12);
      legendX += g.measureText(`${s.name} (${s.values[s.values.length - 1]})`).width + 30;
    }
  },
};
