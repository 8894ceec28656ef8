// Shared by the pages: fetching JSON, the live stream, and formatting.
"use strict";
const apf = {
  async json(url) {
    const response = await fetch(url, { cache: "no-store" });
    if (!response.ok) throw new Error(url + ": HTTP " + response.status);
    return response.json();
  },
  // Opens /api/events; calls handlers[eventType](data). EventSource reconnects by itself; onConnect re-reads state.
  live(handlers, onConnect) {
    const badge = document.getElementById("live");
    const source = new EventSource("/api/events");
    const set = (on, text) => { badge.className = "live " + (on ? "on" : "off"); badge.textContent = text; };
    source.addEventListener("hello", () => { set(true, "live"); onConnect(); });
    for (const [type, handler] of Object.entries(handlers))
      source.addEventListener(type, e => handler(JSON.parse(e.data)));
    source.onerror = () => set(false, "reconnecting…");
    return source;
  },
  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null) continue;
      if (k === "class") node.className = v; else if (k === "text") node.textContent = v; else node.setAttribute(k, v);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  },
  num(v) { return v === undefined || v === null ? "–" : String(v); },
  age(seconds) {
    if (seconds === null || seconds === undefined) return "–";
    if (seconds < 90) return Math.round(seconds) + " s";
    if (seconds < 5400) return Math.round(seconds / 60) + " min";
    return (seconds / 3600).toFixed(1) + " h";
  },
  time(iso) { return iso ? new Date(iso).toLocaleTimeString() : "–"; },
  // The server's clock minus ours, so ages shown are the server's ages.
  skew: 0,
  syncClock(serverTime) { apf.skew = Date.parse(serverTime) - Date.now(); },
  now() { return Date.now() + apf.skew; },
  chain(steps, explanation) {
    const box = apf.el("div", { class: "chain" });
    if (steps && steps.length) {
      const list = apf.el("ol");
      for (const s of steps) list.append(apf.el("li", { text: `${s.plugin}: ${s.input} → ${s.output}  ${s.explanation}` }));
      box.append(list);
    } else {
      box.append(explanation || "no chain ran");
    }
    return box;
  },
};
