/**
 * The review page's script (plain ES2017, no dependencies). Selecting a record — a table row, its
 * line link, a diagnostic link or a highlight in the text — marks every highlight of that record
 * `.active`, scrolls the first into view and flashes them; hovering a highlight shows the records it
 * belongs to (read from their table rows with textContent, never as HTML). The page records the
 * selection in `body[data-selected]` and the URL hash, so a link to `review.html#speech-3` opens on it.
 */
export const REVIEW_JS = `(function () {
  'use strict';
  var doc = document;
  var tip = doc.getElementById('tip');
  var textPane = doc.querySelector('.text-pane');
  var esc = function (s) { return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\\\]/g, '\\\\$&'); };
  var segsOf = function (key) { return doc.querySelectorAll('.m[data-k~="' + esc(key) + '"]'); };
  var rowOf = function (key) { return doc.querySelector('.rec[data-key="' + esc(key) + '"]'); };
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  function flash(els) {
    each(els, function (el) { el.classList.remove('flash'); void el.offsetWidth; el.classList.add('flash'); });
  }

  function select(key, from) {
    var row = rowOf(key);
    var segs = segsOf(key);
    if (!row && !segs.length) return;
    each(doc.querySelectorAll('.m.active'), function (el) { el.classList.remove('active'); });
    each(doc.querySelectorAll('.rec.current'), function (el) { el.classList.remove('current'); });
    each(segs, function (el) { el.classList.add('active'); });
    if (row) {
      row.classList.add('current');
      var details = row.closest('details');
      if (details) details.open = true;
    }
    if (from === 'text') { if (row) row.scrollIntoView({ block: 'nearest' }); }
    else if (segs.length) segs[0].scrollIntoView({ block: 'center' });
    flash(segs);
    doc.body.setAttribute('data-selected', key);
    try { history.replaceState(null, '', '#' + encodeURIComponent(key)); } catch (e) { /* file:// in some browsers */ }
  }

  doc.addEventListener('click', function (e) {
    var t = e.target;
    if (!(t instanceof Element)) return;
    var go = t.closest('[data-go]');
    if (go) { e.preventDefault(); select(go.getAttribute('data-go'), 'table'); return; }
    var seg = t.closest('.m');
    if (seg) { select(seg.getAttribute('data-k').split(' ')[0], 'text'); return; }
    if (t.closest('summary, a, button, input, label')) return;
    var row = t.closest('.rec');
    if (row && !row.classList.contains('nospan')) select(row.getAttribute('data-key'), 'table');
    else if (row) select(row.getAttribute('data-key'), 'text');
  });

  doc.addEventListener('keydown', function (e) {
    var t = e.target;
    if ((e.key === 'Enter' || e.key === ' ') && t instanceof Element && t.classList.contains('rec')) {
      e.preventDefault();
      select(t.getAttribute('data-key'), 'table');
    }
  });

  var hovered = [];
  function hideTip() {
    tip.hidden = true;
    each(hovered, function (row) { row.classList.remove('hover'); });
    hovered = [];
  }
  doc.addEventListener('mouseover', function (e) {
    var seg = e.target instanceof Element ? e.target.closest('.m') : null;
    if (!seg) { hideTip(); return; }
    hideTip();
    tip.textContent = '';
    seg.getAttribute('data-k').split(' ').slice(0, 4).forEach(function (key) {
      var row = rowOf(key);
      if (!row) return;
      hovered.push(row);
      row.classList.add('hover');
      var box = doc.createElement('div');
      var kind = doc.createElement('b');
      kind.textContent = (row.getAttribute('data-kind') || '') + ' ';
      box.appendChild(kind);
      var text = Array.prototype.map.call(row.cells, function (c) { return c.textContent.replace(/\\s+/g, ' ').trim(); })
        .filter(Boolean).join(' · ');
      box.appendChild(doc.createTextNode(text.length > 220 ? text.slice(0, 220) + '…' : text));
      tip.appendChild(box);
    });
    if (!hovered.length) return;
    tip.hidden = false;
    var x = Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = e.clientY + 18 + tip.offsetHeight > window.innerHeight ? e.clientY - tip.offsetHeight - 10 : e.clientY + 18;
    tip.style.left = Math.max(4, x) + 'px';
    tip.style.top = Math.max(4, y) + 'px';
  });
  if (textPane) textPane.addEventListener('scroll', hideTip, { passive: true });

  function recolour() {
    var hidden = {};
    each(doc.querySelectorAll('.legend input'), function (box) { if (!box.checked) hidden[box.value] = true; });
    doc.body.classList.toggle('no-dg', !!hidden.diagnostic);
    each(doc.querySelectorAll('.m'), function (seg) {
      var top = seg.getAttribute('data-kinds').split(' ').filter(function (k) { return k !== 'diagnostic' && !hidden[k]; })[0];
      if (top) seg.setAttribute('data-top', top); else seg.removeAttribute('data-top');
    });
  }
  each(doc.querySelectorAll('.legend input'), function (box) { box.addEventListener('change', recolour); });

  function fromHash() {
    var key = '';
    try { key = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    if (key && rowOf(key)) select(key, 'table');
  }
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
`;

/**
 * The index page's script: sortable columns (click a header; numbers compare as numbers, empty
 * cells sort last either way, ties keep their order) and a filter box.
 */
export const INDEX_JS = `(function () {
  'use strict';
  var table = document.querySelector('table.docs');
  if (!table) return;
  var body = table.tBodies[0];
  var collator = new Intl.Collator('zh-Hant-TW', { numeric: true });
  function value(row, col) {
    var cell = row.cells[col];
    return cell ? (cell.hasAttribute('data-v') ? cell.getAttribute('data-v') : cell.textContent.trim()) : '';
  }
  function sortBy(th) {
    var col = th.cellIndex;
    var numeric = th.getAttribute('data-type') === 'num';
    var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.setAttribute('aria-sort', 'none'); });
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    var rows = Array.prototype.map.call(body.rows, function (row, i) { return { row: row, v: value(row, col), i: i }; });
    rows.sort(function (a, b) {
      if (a.v === '' || b.v === '') return (a.v === '') - (b.v === '') || a.i - b.i;
      var c = numeric ? Number(a.v) - Number(b.v) : collator.compare(a.v, b.v);
      return c * dir || a.i - b.i;
    });
    rows.forEach(function (r) { body.appendChild(r.row); });
  }
  Array.prototype.forEach.call(table.querySelectorAll('th[data-type] button'), function (button) {
    button.addEventListener('click', function () { sortBy(button.closest('th')); });
  });
  var filter = document.querySelector('input.filter');
  if (filter) filter.addEventListener('input', function () {
    var q = filter.value.trim().toLowerCase();
    Array.prototype.forEach.call(body.rows, function (row) { row.hidden = q !== '' && row.textContent.toLowerCase().indexOf(q) < 0; });
  });
})();
`;
