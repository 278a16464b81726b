// The node's web status page: reads GET /admin/dashboard every few seconds and fills the page. Everything is written
// with textContent (tickers and reasons come from outside). Money is shown exactly as the node sent it (wire text).
// Halt and resume need the admin token, typed by the person and kept in this page's memory only.
"use strict";

(function () {
  var REFRESH_MS = 3000;
  var $ = function (id) { return document.getElementById(id); };

  function text(v) { return v === null || v === undefined || v === "" ? "–" : String(v); }
  function time(iso) { return iso ? new Date(iso).toISOString().substring(11, 19) : "–"; }

  function cell(row, value, cls) {
    var td = document.createElement("td");
    td.textContent = text(value);
    if (cls) td.className = cls;
    row.appendChild(td);
    return td;
  }

  // Fills a table body with one row per item; an empty list gets one row saying so.
  function rows(tableId, items, fill, emptyText) {
    var body = $(tableId).tBodies[0];
    body.textContent = "";
    if (!items || items.length === 0) {
      var tr = document.createElement("tr");
      var td = cell(tr, emptyText || "none");
      td.colSpan = $(tableId).tHead.rows[0].cells.length;
      td.className = "muted";
      body.appendChild(tr);
      return;
    }
    items.forEach(function (item) {
      var tr = document.createElement("tr");
      fill(tr, item);
      body.appendChild(tr);
    });
  }

  function figures(id, pairs) {
    var box = $(id);
    box.textContent = "";
    pairs.forEach(function (p) {
      var span = document.createElement("span");
      span.className = "figure" + (p[2] ? " " + p[2] : "");
      var label = document.createElement("span");
      label.className = "label";
      label.textContent = p[0];
      var value = document.createElement("b");
      value.textContent = text(p[1]);
      span.appendChild(label);
      span.appendChild(value);
      box.appendChild(span);
    });
  }

  function sign(moneyText) {
    if (moneyText === null || moneyText === undefined) return "";
    if (moneyText.charAt(0) === "-") return "loss";
    return /[1-9]/.test(moneyText) ? "gain" : "";
  }

  function reasons(obj) {
    return Object.keys(obj || {}).map(function (k) { return [k, obj[k]]; }).sort(function (a, b) { return b[1] - a[1]; });
  }

  function top(t) { return t ? t.price + " × " + t.size : null; }

  function renderPnl(pnl) {
    if (!pnl) {
      figures("pnl-total", [["P&L", "not reported by the node"]]);
      KalshiArbChart.drawPnl($("pnl-chart"), [], "P&L over time");
      rows("pnl-games", [], null, "no P&L yet");
      rows("pnl-markets", [], null, "no P&L yet");
      return;
    }
    var t = pnl.total;
    figures("pnl-total", [
      ["realized", t.realized, sign(t.realized)],
      ["fees", t.fees],
      ["unrealized at mid", t.unrealizedAtMid, sign(t.unrealizedAtMid)],
      ["unrealized at fair", t.unrealizedAtFair, sign(t.unrealizedAtFair)],
    ]);
    KalshiArbChart.drawPnl($("pnl-chart"), pnl.history, "P&L over time");
    rows("pnl-games", pnl.games, function (tr, g) {
      cell(tr, g.key); cell(tr, g.realized, "num " + sign(g.realized)); cell(tr, g.fees, "num");
      cell(tr, g.unrealizedAtMid, "num " + sign(g.unrealizedAtMid)); cell(tr, g.unrealizedAtFair, "num " + sign(g.unrealizedAtFair));
    }, "no games traded");
    rows("pnl-markets", pnl.markets, function (tr, m) {
      cell(tr, m.key); cell(tr, m.contracts, "num"); cell(tr, m.realized, "num " + sign(m.realized)); cell(tr, m.fees, "num");
      cell(tr, m.unrealizedAtMid, "num " + sign(m.unrealizedAtMid)); cell(tr, m.unrealizedAtFair, "num " + sign(m.unrealizedAtFair));
    }, "no markets traded");
  }

  function renderCluster(c) {
    if (!c) {
      figures("cluster-summary", [["cluster", "not a cluster member"]]);
      rows("cluster-members", [], null, "single node");
      return;
    }
    var up = c.members.filter(function (m) { return m.status === "Up"; }).length;
    figures("cluster-summary", [["members up", up + " / " + c.members.length], ["leader", c.leader],
      ["order desks not answering", c.unansweredOrderDesks.length ? c.unansweredOrderDesks.join(", ") : "none", c.unansweredOrderDesks.length ? "loss" : ""]]);
    rows("cluster-members", c.members, function (tr, m) {
      cell(tr, m.address + (m.address === c.self ? " (this node)" : "")); cell(tr, m.roles.join(", "));
      cell(tr, m.status); cell(tr, m.reachable ? "yes" : "NO", m.reachable ? "" : "loss");
    });
  }

  function renderFeed(feed, odds) {
    if (feed) {
      figures("feed", [["feed", feed.connected ? "connected" : "DOWN", feed.connected ? "gain" : "loss"],
        ["events/s", feed.eventsPerSecond.toFixed(1)], ["markets", feed.trackedMarkets], ["gaps", feed.gaps],
        ["resyncs", feed.resyncRequests], ["books awaiting snapshot", feed.booksAwaitingSnapshot, feed.booksAwaitingSnapshot ? "warn" : ""],
        ["reconnects", feed.connects > 0 ? feed.connects - 1 : 0], ["last disconnect", feed.lastDisconnectReason]]);
    } else figures("feed", [["feed", "no answer yet", "loss"]]);
    if (odds) {
      figures("odds", [["odds matched", odds.matchedMarkets], ["unmatched", odds.unmatchedMarkets],
        ["consensus sent", odds.consensusSent], ["quota left", odds.quotaRemaining]]);
    } else figures("odds", [["odds", "no answer yet", "loss"]]);
  }

  // "Used" beside each limit; the bar's width is only a picture, the figures are the node's own text.
  function limitRow(tr, l) {
    cell(tr, l[0]);
    var used = cell(tr, l[1], "num");
    var ratio = Math.abs(Number(l[1])) / Number(l[2]);
    if (isFinite(ratio)) {
      var bar = document.createElement("span");
      bar.className = "bar" + (ratio >= 0.9 ? " hot" : "");
      bar.style.width = Math.min(100, Math.round(ratio * 100)) + "%";
      used.appendChild(bar);
    }
    cell(tr, l[2], "num");
  }

  function renderRisk(r) {
    var ks = $("kill-switch");
    if (!r) {
      figures("risk", [["risk gate", "no answer yet", "loss"]]);
      ks.textContent = "risk gate unknown";
      ks.className = "badge unknown";
      rows("risk-limits", [], null, "unknown");
      rows("denials", [], null, "unknown");
      rows("positions", [], null, "unknown");
      return;
    }
    ks.textContent = r.killSwitch.toUpperCase();
    ks.className = "badge " + r.killSwitch;
    figures("risk", [["state", r.killSwitch, r.killSwitch === "trading" ? "gain" : "loss"], ["balance", r.balance],
      ["available", r.availableBalance], ["reserved", r.reserved], ["exposure", r.totalExposure],
      ["realized today", r.realizedToday, sign(r.realizedToday)], ["loss streak", r.lossStreak],
      ["cooldown until", r.cooldownUntil ? time(r.cooldownUntil) : null], ["reservations", r.reservations]]
      .concat(r.outage ? [["OUTAGE", r.outage.summary, "loss"]] : []));
    var l = r.limits;
    // The largest figures are picked with numbers but shown as the node's text.
    var largestBy = function (field) {
      return r.positions.reduce(function (a, p) { return !a || Math.abs(Number(p[field])) > Math.abs(Number(a[field])) ? p : a; }, null);
    };
    var largest = largestBy("costBasis"), most = largestBy("contracts");
    rows("risk-limits", l ? [
      ["total exposure", r.totalExposure, l.maxTotalExposure],
      ["largest market exposure", largest ? largest.costBasis : "0", l.maxExposurePerMarket],
      ["open markets", String(r.openMarkets), String(l.maxOpenMarkets)],
      ["daily loss", r.realizedToday.charAt(0) === "-" ? r.realizedToday.substring(1) : "0", l.dailyLossLimit],
      ["loss streak", String(r.lossStreak), String(l.lossStreakLimit)],
      ["contracts per market", most ? most.contracts.replace(/^-/, "") : "0", l.maxContractsPerMarket],
      ["orders per minute", "–", String(l.maxOrdersPerMinute)],
    ].concat(l.maxExposurePerGame ? [["exposure per game", "–", l.maxExposurePerGame]] : []) : [], limitRow, "limits not reported");
    rows("denials", reasons(r.denialCounts), function (tr, d) { cell(tr, d[0]); cell(tr, d[1], "num"); }, "no denials");
    rows("positions", r.positions, function (tr, p) { cell(tr, p.ticker); cell(tr, p.contracts, "num"); cell(tr, p.costBasis, "num"); }, "flat");
  }

  function renderMarkets(m) {
    if (!m) {
      $("markets-summary").textContent = "the markets did not answer";
      rows("markets", [], null, "no answer");
      return null;
    }
    $("markets-summary").textContent = m.lines.length + " of " + m.matched + " matched markets" +
      (m.notAnswering ? ", " + m.notAnswering + " not answering" : "");
    rows("markets", m.lines, function (tr, x) {
      cell(tr, x.ticker); cell(tr, x.status + (x.bookWhole ? "" : " (book not whole)"), x.bookWhole ? "" : "warn");
      cell(tr, top(x.yesBid), "num"); cell(tr, top(x.yesAsk), "num"); cell(tr, top(x.noBid), "num"); cell(tr, top(x.noAsk), "num");
      cell(tr, x.fairYes, "num"); cell(tr, x.yesEdge, "num " + sign(x.yesEdge)); cell(tr, x.noEdge, "num " + sign(x.noEdge));
      cell(tr, x.consensusBooks, "num"); cell(tr, x.signalsSent, "num"); cell(tr, x.lastSkip);
    }, "no matched markets");
    return m;
  }

  function renderSignals(status, markets, recent) {
    var s = status.signals;
    figures("signals-summary", s ? [["admitted", s.admitted], ["placed", s.placed], ["repeated", s.repeated]]
      .concat(reasons(s.refused).map(function (r) { return ["refused: " + r[0], r[1], "warn"]; }))
      .concat(reasons(s.notPlaced).map(function (r) { return ["not placed: " + r[0], r[1], "warn"]; }))
      : [["signals", "no admission answered"]]);
    var skips = markets ? reasons(markets.skipsByReason).concat(reasons(markets.blockedByReason)) : [];
    rows("skips", skips, function (tr, k) { cell(tr, k[0]); cell(tr, k[1], "num"); }, "no skips");
    rows("signals", recent ? recent.lines : [], function (tr, x) {
      cell(tr, time(x.at)); cell(tr, x.ticker); cell(tr, x.side); cell(tr, x.limitPrice, "num"); cell(tr, x.count, "num");
      cell(tr, x.fairYes, "num"); cell(tr, x.edge, "num"); cell(tr, x.outcome, /refused|not placed/.test(x.outcome) ? "warn" : "");
    }, recent ? "no signals yet" : "no admission answered");
  }

  function renderOrders(o, watch) {
    var ended = reasons(o.ended).map(function (e) { return ["ended " + e[0], e[1]]; });
    figures("orders-summary", [["tracked", o.tracked], ["open", o.open.length], ["need attention", o.needsAttention.length, o.needsAttention.length ? "loss" : ""]]
      .concat(ended).concat(watch && watch.lastError ? [["open-order table", "UNREADABLE: " + watch.lastError, "loss"]] : []));
    rows("orders", o.needsAttention.concat(o.open), function (tr, x) {
      cell(tr, x.executionId); cell(tr, x.ticker); cell(tr, x.state, x.state === "needs-attention" ? "loss" : "");
      cell(tr, x.exchangeOrderId); cell(tr, x.attentionReason);
    }, "no open orders");
  }

  function renderFills(f) {
    rows("fills", f ? f.lines : [], function (tr, x) {
      cell(tr, time(x.at)); cell(tr, x.ticker); cell(tr, x.side); cell(tr, x.count, "num"); cell(tr, x.price, "num");
      cell(tr, x.fee, "num"); cell(tr, x.liquidity); cell(tr, x.executionId || x.exchangeOrderId);
    }, f ? "no fills yet" : "no order desk answered");
  }

  function renderSilent(list) {
    var box = $("silent");
    box.hidden = !list || list.length === 0;
    box.textContent = box.hidden ? "" : "Not answering: " + list.map(function (s) { return s.text; }).join("; ");
  }

  function render(d) {
    var s = d.status;
    renderSilent(s.notAnswering);
    renderPnl(s.pnl);
    renderCluster(s.cluster);
    renderFeed(s.feed, s.odds);
    renderRisk(s.risk);
    var markets = renderMarkets(d.markets);
    renderSignals(s, markets, d.recentSignals);
    renderOrders(s.orders, s.openOrders);
    renderFills(d.recentFills);
    $("updated").textContent = "as of " + time(d.at) + " UTC";
    document.body.setAttribute("data-rendered", d.at);
  }

  function showError(message) {
    var banner = $("error-banner");
    banner.hidden = !message;
    banner.textContent = message ? "Cannot read the node: " + message : "";
  }

  function refresh() {
    fetch("/admin/dashboard", { cache: "no-store" })
      .then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      })
      .then(function (d) { render(d); showError(null); })
      .catch(function (e) { showError(e.message); })
      .then(function () { setTimeout(refresh, REFRESH_MS); });
  }

  function command(path, body, question) {
    var token = $("token").value.trim();
    var reason = $("reason").value.trim();
    var result = $("command-result");
    result.hidden = false;
    if (!token) { result.textContent = "Type the admin token first (the \"token\" in admin.json in the node's data folder)."; return; }
    if (!reason) { result.textContent = "Type a reason first: it is journaled with the change."; return; }
    if (!window.confirm(question + "\n\nReason: " + reason)) { result.textContent = "Not sent."; return; }
    body.reason = reason;
    fetch(path, { method: "POST", headers: { "Authorization": "Bearer " + token, "Content-Type": "application/json" }, body: JSON.stringify(body) })
      .then(function (r) {
        return r.text().then(function (t) {
          if (r.status === 401) throw new Error("the token was refused");
          var j = t ? JSON.parse(t) : {};
          if (!r.ok) throw new Error(j.error || "HTTP " + r.status);
          return j;
        });
      })
      .then(function (j) { result.textContent = "Risk gate is now " + j.state + " (" + j.reason + ")."; })
      .catch(function (e) { result.textContent = "Failed: " + e.message; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("halt").addEventListener("click", function () {
      command("/admin/kill", { mode: "halt" }, "Halt trading? Open orders are canceled and no new order is placed until you resume.");
    });
    $("resume").addEventListener("click", function () {
      command("/admin/resume", {}, "Resume trading?");
    });
    refresh();
  });
})();
