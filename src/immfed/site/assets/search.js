(function () {
  "use strict";
  var index = window.IMMFED_SEARCH_INDEX || [];
  var params = new URLSearchParams(window.location.search);
  var query = (params.get("q") || "").trim();
  var out = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var box = document.getElementById("site-q");
  if (box) { box.value = query; }
  function words(q) { return q.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; }); }
  function count(hay, w) { var n = 0, i = hay.indexOf(w); while (i !== -1) { n++; i = hay.indexOf(w, i + w.length); } return n; }
  function snippet(text, w) {
    var i = text.toLowerCase().indexOf(w);
    if (i < 0) { return text.slice(0, 200); }
    var a = Math.max(0, i - 90), b = Math.min(text.length, i + w.length + 110);
    return (a > 0 ? "\u2026" : "") + text.slice(a, b) + (b < text.length ? "\u2026" : "");
  }
  function mark(el, text, w) {
    var low = text.toLowerCase(), pos = 0, i;
    while (w && (i = low.indexOf(w, pos)) !== -1) {
      el.appendChild(document.createTextNode(text.slice(pos, i)));
      var m = document.createElement("mark"); m.textContent = text.slice(i, i + w.length); el.appendChild(m);
      pos = i + w.length;
    }
    el.appendChild(document.createTextNode(text.slice(pos)));
  }
  if (!query) { status.textContent = "Type a word or phrase in the search box: a term, a case name, a state."; return; }
  var ws = words(query), hits = [];
  index.forEach(function (e) {
    var t = e.t.toLowerCase(), x = e.x.toLowerCase(), score = 0;
    for (var k = 0; k < ws.length; k++) {
      var inT = count(t, ws[k]), inX = count(x, ws[k]);
      if (inT + inX === 0) { return; }
      score += 10 * inT + Math.min(inX, 20);
    }
    if (e.k === "glossary" && t.indexOf(query.toLowerCase()) !== -1) { score += 50; }
    hits.push({e: e, s: score});
  });
  hits.sort(function (a, b) { return b.s - a.s; });
  status.textContent = hits.length + (hits.length === 1 ? " result" : " results") + " for \u201c" + query + "\u201d.";
  hits.slice(0, 60).forEach(function (h) {
    var li = document.createElement("li"), a = document.createElement("a");
    a.href = h.e.u; a.textContent = h.e.t; li.appendChild(a);
    var where = document.createElement("span"); where.className = "where";
    where.textContent = " (" + h.e.w + ")"; li.appendChild(where);
    var p = document.createElement("p"); mark(p, snippet(h.e.x, ws[0]), ws[0]); li.appendChild(p);
    out.appendChild(li);
  });
})();
