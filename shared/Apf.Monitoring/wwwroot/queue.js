// One queue: summary, charts over its bounded history, decision history, recent pilots; updated live.
"use strict";
(() => {
  const name = decodeURIComponent(location.pathname.split("/").pop());
  document.getElementById("queue-name").textContent = name;
  document.title = "Apf queue " + name;
  const enc = encodeURIComponent(name);

  function card(label, value) { return apf.el("div", { class: "card" }, apf.el("b", { text: apf.num(value) }), apf.el("span", { text: label })); }

  function summary(s) {
    const badge = document.getElementById("queue-health");
    badge.textContent = s.health; badge.className = "badge " + s.health;
    document.getElementById("summary").replaceChildren(
      card("ready jobs", s.wms?.ready), card("WMS running", s.wms?.running), card("pilots pending", s.batch?.pending),
      card("pilots running", s.batch?.running), card("finished", s.batch?.done), card("failed", s.batch?.failed),
      card("in flight", s.inFlight), card("last decision", s.decision), card("pilots created", s.pilots.created),
      card("empty pilots", s.pilots.empty), card("lost pilots", s.pilots.lost), card("ended short (recent)", s.pilots.recentlyEndedShort),
      apf.el("div", { class: "card" }, apf.el("b", { text: s.action || "–" }),
        apf.el("span", { text: `cycle ${s.cycle} · config v${s.configVersion} · wms ${s.wmsState} · batch ${s.batchState}` })),
      ...(s.error || s.lastSubmitError ? [apf.el("div", { class: "card error" }, apf.el("span", { text: s.error || s.lastSubmitError }))] : []));
  }

  function decisions(list) {
    const rows = list.map(d => apf.el("tr", {},
      apf.el("td", { class: "num", text: d.cycle }), apf.el("td", { text: apf.time(d.decidedAt) }),
      apf.el("td", { class: "num", text: apf.num(d.wms?.ready) }), apf.el("td", { class: "num", text: apf.num(d.batch?.pending) }),
      apf.el("td", { class: "num", text: apf.num(d.batch?.running) }), apf.el("td", { class: "num", text: d.decision }),
      apf.el("td", { text: d.action }), apf.el("td", { class: "num", text: d.configVersion }),
      apf.el("td", {}, apf.chain(d.steps, d.error ? "error: " + d.error : d.explanation))));
    document.querySelector("#decisions tbody").replaceChildren(...rows);
  }

  function pilots(list) {
    const profile = p => p.profile ? Object.entries(p.profile).map(([k, v]) => `${k}=${v}`).join(" ") : "";
    const rows = list.map(p => apf.el("tr", { class: p.state === "lost" ? "h-erroring" : "" },
      apf.el("td", { text: p.pilotId }), apf.el("td", { text: p.state }), apf.el("td", { text: p.host || "" }),
      apf.el("td", { class: "chain", text: profile(p) }), apf.el("td", { text: apf.time(p.startedAt) }),
      apf.el("td", { text: apf.time(p.endedAt) }), apf.el("td", { class: "num", text: apf.num(p.exitCode) }),
      apf.el("td", { class: "num", text: p.wallSeconds == null ? "–" : apf.age(p.wallSeconds) }),
      apf.el("td", { class: "num", text: p.jobsRun }), apf.el("td", { class: "num", text: p.jobsFailed })));
    document.querySelector("#pilots tbody").replaceChildren(...rows);
  }

  function charts(history) {
    const p = history.points, t = p.map(x => Date.parse(x.at));
    apfChart.draw(document.getElementById("chart-ready"), t, [{ name: "ready", color: "#1565c0", values: p.map(x => x.ready) }]);
    apfChart.draw(document.getElementById("chart-pilots"), t, [
      { name: "pending", color: "#ef6c00", values: p.map(x => x.pending + x.inFlight) },
      { name: "running", color: "#2e7d32", values: p.map(x => x.running) }]);
    apfChart.draw(document.getElementById("chart-submitted"), t, [{ name: "submitted", color: "#6a1b9a", values: p.map(x => x.submitted) }]);
    apfChart.draw(document.getElementById("chart-empty"), t, [{ name: "empty", color: "#c62828", values: p.map(x => x.emptyPilots) }]);
  }

  // Several events can arrive together: read the queue once per animation frame at most.
  let pending = false;
  async function reload() {
    const [detail, history] = await Promise.all([apf.json(`/api/queues/${enc}`), apf.json(`/api/queues/${enc}/history`)]);
    apf.syncClock(detail.serverTime);
    summary(detail.summary); decisions(detail.decisions); pilots(detail.pilots); charts(history);
  }
  function schedule() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; reload().catch(console.error); });
  }

  apf.live({
    queue: s => { if (s.queue === name) schedule(); },
    pilot: p => { if (p.queue === name) schedule(); },
  }, schedule);
  reload().catch(e => { document.getElementById("summary").textContent = e.message; });
})();
