/* Versus: traffic calculator and model picker. Does nothing where their elements are absent. */
(function () {
  'use strict';
  var d = document;
  function num(s) { var n = parseFloat(String(s == null ? '' : s).replace(/,/g, '')); return isFinite(n) ? n : NaN; }
  function money(v) {
    var p = v >= 10 || v === 0 ? 0 : 2;
    return '$' + v.toLocaleString('en-US', { minimumFractionDigits: p, maximumFractionDigits: p });
  }
  function short(v) { return v.toLocaleString('en-US', { maximumFractionDigits: 2 }) + 'M'; }

  var t = d.querySelector('form.traffic');
  var ti = t && t.querySelector('[name=in]');
  var to = t && t.querySelector('[name=out]');
  if (ti && to) {
    var bi = num(t.getAttribute('data-input-millions')), bo = num(t.getAttribute('data-output-millions'));
    var label = d.querySelector('.traffic-label'), base = label && label.textContent;
    var summary = d.querySelector('.cost-summary');
    var cards = d.querySelectorAll('[data-input-price][data-output-price]');
    ti.value = isNaN(bi) ? '' : bi;
    to.value = isNaN(bo) ? '' : bo;
    var update = function () {
      var x = num(ti.value), y = num(to.value);
      if (isNaN(x) || isNaN(y) || x < 0 || y < 0) return;
      for (var i = 0; i < cards.length; i++) {
        var c = cards[i];
        c.textContent = money(x * num(c.getAttribute('data-input-price')) + y * num(c.getAttribute('data-output-price')));
      }
      var same = x === bi && y === bo;
      if (label) label.textContent = same ? base : short(x) + ' input and ' + short(y) + ' output tokens a month';
      if (summary) summary.hidden = !same;
    };
    t.addEventListener('input', update);
    t.addEventListener('submit', function (e) { e.preventDefault(); update(); });
    t.hidden = false;
  }

  var p = d.querySelector('form.picker');
  var pa = p && p.querySelector('[name=a]');
  var pb = p && p.querySelector('[name=b]');
  if (pa && pb) {
    var m = num(p.getAttribute('data-models'));
    // Reveal only when every pair has a page, so the picker never leads to a missing one.
    if (m > 1 && num(p.getAttribute('data-pairs')) === m * (m - 1) / 2) {
      var msg = p.querySelector('.picker-msg');
      if (pb.options.length > 1) pb.selectedIndex = 1;
      p.addEventListener('submit', function (e) {
        e.preventDefault();
        var a = pa.value, b = pb.value;
        if (a === b) { if (msg) msg.textContent = 'Choose two different models.'; return; }
        if (msg) msg.textContent = '';
        var ids = [a, b].sort();
        location.href = p.getAttribute('data-prefix') + ids[0] + '-vs-' + ids[1] + '/';
      });
      p.hidden = false;
    }
  }
})();
