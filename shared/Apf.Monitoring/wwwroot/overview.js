// The factory overview: one row per queue, sortable, filterable, updated live by "queue" events.
"use strict";
(() => {
  const rows = new Map();          // queue name → summary
  const open = new Set();          // queues whose explanation is shown
  let sortKey = "queue", sortDir = 1;
  const tbody = document.querySelector("#queues tbody");
  const healthRank = { erroring: 0, starved: 1, flooding: 2, stale: 3, waiting: 4, ok: 5 };

  const key = {
    queue: s => s.queue, health: s => healthRank[s.health] ?? 9,
    ready: s => s.wms?.ready ?? -1, wmsRunning: s => s.wms?.running ?? -1,
    pending: s => s.batch?.pending ?? -1, running: s => s.batch?.running ?? -1,
    finished: s => s.batch?.done ?? -1, failed: s => s.batch?.failed ?? -1,
    inFlight: s => s.inFlight, decision: s => s.decision, action: s => s.action || "",
    cycle: s => s.cycle, configVersion: s => s.configVersion, age: s => ageOf(s) ?? 1e12,
    error: s => s.error || s.lastSubmitError || "",
  };

  function ageOf(s) { return s.decidedAt ? Math.max(0, (apf.now() - Date.parse(s.decidedAt)) / 1000) : null; }

  function visible(s) {
    const text = document.getElementById("filter").value.trim().toLowerCase();
    const health = document.getElementById("health-filter").value;
    if (health && s.health !== health) return false;
    if (!text) return true;
    return [s.queue, s.action, s.error, s.lastSubmitError, s.explanation, s.health].some(v => v && v.toLowerCase().includes(text));
  }

  function row(s, flash) {
    const tr = apf.el("tr", { class: `row h-${s.health}${flash ? " flash" : ""}`, "data-queue": s.queue });
    const td = (text, cls) => apf.el("td", { class: cls, text });
    const name = apf.el("td", {}, apf.el("a", { href: "/queues/" + encodeURIComponent(s.queue), text: s.queue }));
    const ready = apf.el("td", { class: "num" }, apf.num(s.wms?.ready), apf.el("span", { class: "state", text: s.wmsState }));
    const pending = apf.el("td", { class: "num" }, apf.num(s.batch?.pending), apf.el("span", { class: "state", text: s.batchState }));
    tr.append(name, apf.el("td", {}, apf.el("span", { class: "badge " + s.health, text: s.health })),
      ready, td(apf.num(s.wms?.running), "num"), pending, td(apf.num(s.batch?.running), "num"),
      td(apf.num(s.batch?.done), "num"), td(apf.num(s.batch?.failed), "num"), td(apf.num(s.inFlight), "num"),
      td(apf.num(s.decision), "num decision"), td(s.action || "–", "action"), td(apf.num(s.cycle), "num cycle"),
      td(apf.num(s.configVersion), "num"), td(apf.age(ageOf(s)), "num age"),
      td(s.error || s.lastSubmitError || "", "error"));
    tr.addEventListener("click", e => {
      if (e.target.tagName === "A") return;
      open.has(s.queue) ? open.delete(s.queue) : open.add(s.queue);
      render();
    });
    return tr;
  }

  function render(flashQueue) {
    const list = [...rows.values()].filter(visible);
    list.sort((a, b) => { const x = key[sortKey](a), y = key[sortKey](b); return (x < y ? -1 : x > y ? 1 : 0) * sortDir || a.queue.localeCompare(b.queue); });
    const fragment = document.createDocumentFragment();
    for (const s of list) {
      fragment.append(row(s, s.queue === flashQueue));
      if (open.has(s.queue)) {
        const cell = apf.el("td", { colspan: "15" }, apf.chain(s.steps, s.explanation));
        fragment.append(apf.el("tr", { class: "explain", "data-explains": s.queue }, cell));
      }
    }
    tbody.replaceChildren(fragment);
    const byHealth = {};
    for (const s of rows.values()) byHealth[s.health] = (byHealth[s.health] || 0) + 1;
    document.getElementById("counts").textContent =
      `${list.length} of ${rows.size} queue(s) · ` + Object.entries(byHealth).map(([h, n]) => `${n} ${h}`).join(", ");
    const factory = [...rows.values()].find(s => s.factory)?.factory;
    if (factory) document.getElementById("factory").textContent = factory;
    document.querySelectorAll("th[data-sort]").forEach(th => {
      th.classList.toggle("sorted-asc", th.dataset.sort === sortKey && sortDir === 1);
      th.classList.toggle("sorted-desc", th.dataset.sort === sortKey && sortDir === -1);
    });
  }

  async function reload() {
    const list = await apf.json("/api/queues");
    apf.syncClock(list.serverTime);
    rows.clear();
    for (const s of list.queues) rows.set(s.queue, s);
    render();
  }

  document.querySelectorAll("th[data-sort]").forEach(th => th.addEventListener("click", () => {
    sortDir = sortKey === th.dataset.sort ? -sortDir : 1;
    sortKey = th.dataset.sort;
    render();
  }));
  document.getElementById("filter").addEventListener("input", () => render());
  document.getElementById("health-filter").addEventListener("change", () => render());
  // Ages grow between events.
  setInterval(() => document.querySelectorAll("#queues tr.row").forEach(tr => {
    const s = rows.get(tr.dataset.queue);
    if (s) tr.querySelector(".age").textContent = apf.age(ageOf(s));
  }), 1000);

  apf.live({ queue: s => { rows.set(s.queue, s); render(s.queue); } }, () => reload().catch(console.error));
  reload().catch(console.error);
})();
