/* Versus: traffic calculator, model picker, search box, and the way from a comparison's reversed address on hosts
   without redirects. Each does nothing where its elements are absent. */
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
  // Search: models by name, maker or alias id from search.json; "A vs B" offers the pages of A with each B.
  // Without this script the box stays hidden and its link leads to the list of models.
  var s = d.querySelector('.search[data-index]');
  var box = s && s.querySelector('.search-box');
  var q = box && box.querySelector('input');
  var list = box && box.querySelector('[role=listbox]');
  var status = box && box.querySelector('[aria-live]');
  if (q && list && window.fetch && window.JSON) {
    var base = s.getAttribute('data-base') || '';
    var index = null, loading = null, options = [], active = -1, chosen = -1, limit = 10;
    var norm = function (text) {
      return String(text).toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
    };
    var load = function () {
      if (!loading) {
        loading = fetch(s.getAttribute('data-index')).then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        }).then(function (doc) {
          var models = doc.models.map(function (m, i) {
            var words = [];
            var add = function (text, weight) {
              norm(text).split(' ').forEach(function (w) { if (w) words.push([w, weight]); });
            };
            add(m[1], 3); add(m[0], 2); m[3].forEach(function (a) { add(a, 2); }); add(m[2], 1);
            return { i: i, id: m[0], name: m[1], maker: m[2], key: norm(m[1]), words: words };
          });
          var built = null;
          if (doc.pairs !== 'all') {
            built = {};
            doc.pairs.forEach(function (partners, i) { partners.forEach(function (j) { built[i + ' ' + j] = true; }); });
          }
          index = { models: models, built: built };
          update();
        }).catch(function () {
          loading = null;
          status.textContent = 'Search is unavailable; use the list of models.';
          s.querySelector('.search-fallback').hidden = false;
        });
      }
    };
    var hasPage = function (a, b) {
      if (a === b) return false;
      return !index.built || index.built[Math.min(a, b) + ' ' + Math.max(a, b)] === true;
    };
    // Every word typed must begin a word of the name, id, an alias or the maker; words of the name count most.
    var score = function (model, words) {
      var total = 0;
      for (var k = 0; k < words.length; k++) {
        var best = 0;
        for (var w = 0; w < model.words.length; w++) {
          var word = model.words[w];
          if (word[0].lastIndexOf(words[k], 0) === 0) best = Math.max(best, word[1] + (word[0] === words[k] ? 1 : 0));
        }
        if (!best) return 0;
        total += best;
      }
      return total + (model.key.lastIndexOf(words.join(' '), 0) === 0 ? 2 : 0);
    };
    var matches = function (text, among) {
      var words = norm(text).split(' ').filter(Boolean);
      var found = [];
      among.forEach(function (model) {
        var value = words.length ? score(model, words) : 1;
        if (value) found.push([value, model]);
      });
      found.sort(function (x, y) {
        return y[0] - x[0] || x[1].name.length - y[1].name.length || (x[1].name < y[1].name ? -1 : x[1].name > y[1].name ? 1 : 0);
      });
      return found.map(function (f) { return f[1]; });
    };
    var pairHref = function (a, b) {
      var x = index.models[Math.min(a, b)], y = index.models[Math.max(a, b)];
      return base + '/compare/' + x.id + '-vs-' + y.id + '/';
    };
    var show = function (items, more) {
      options = items;
      active = -1;
      list.textContent = '';
      items.forEach(function (item, n) {
        var li = d.createElement('li');
        li.id = 'search-option-' + n;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.textContent = item.text;
        if (item.note) {
          var small = d.createElement('small');
          small.textContent = item.note;
          li.appendChild(small);
        }
        li.addEventListener('mousedown', function (e) { e.preventDefault(); });
        li.addEventListener('click', function () { pick(n); });
        list.appendChild(li);
      });
      if (more > 0) {
        var rest = d.createElement('li');
        rest.setAttribute('role', 'option');
        rest.setAttribute('aria-disabled', 'true');
        rest.className = 'search-note';
        rest.textContent = more + ' more: type more of the name';
        list.appendChild(rest);
      }
      var open = items.length > 0 || more > 0;
      list.hidden = !open;
      q.setAttribute('aria-expanded', open ? 'true' : 'false');
      q.removeAttribute('aria-activedescendant');
    };
    var close = function () { show([], 0); };
    var update = function () {
      if (!index) { load(); return; }
      var text = q.value;
      if (!norm(text)) { close(); status.textContent = ''; return; }
      var split = text.split(/\s+(?:vs\.?|versus)(?:\s+|$)/i);
      if (split.length < 2) {
        chosen = -1;
        var found = matches(text, index.models);
        show(found.slice(0, limit).map(function (m) {
          return { text: m.name, note: m.maker, model: m.i };
        }), found.length - limit);
        status.textContent = found.length ? found.length + (found.length === 1 ? ' model' : ' models') + ' found' : 'No model matches';
        return;
      }
      var first = chosen >= 0 && index.models[chosen].key === norm(split[0]) ? index.models[chosen] : matches(split[0], index.models)[0];
      if (!first || !norm(split[0])) { show([], 0); status.textContent = 'No model matches'; return; }
      var partners = matches(split.slice(1).join(' '), index.models.filter(function (m) { return hasPage(first.i, m.i); }));
      var items = [{ text: first.name, note: 'model page', href: base + '/models/' + first.id + '/' }];
      partners.slice(0, limit).forEach(function (m) {
        items.push({ text: first.name + ' vs ' + m.name, note: m.maker, href: pairHref(first.i, m.i) });
      });
      show(items, partners.length - limit);
      status.textContent = partners.length + (partners.length === 1 ? ' comparison' : ' comparisons') + ' with ' + first.name;
    };
    var move = function (to) {
      if (!options.length) return;
      var items = list.querySelectorAll('[role=option]');
      if (active >= 0) items[active].setAttribute('aria-selected', 'false');
      active = (to + options.length) % options.length;
      items[active].setAttribute('aria-selected', 'true');
      q.setAttribute('aria-activedescendant', items[active].id);
      items[active].scrollIntoView({ block: 'nearest' });
    };
    // A model goes into the box as "Name vs ", to offer its comparisons; a page is opened.
    var pick = function (n) {
      var item = options[n];
      if (!item) return;
      if (item.href) { location.href = item.href; return; }
      chosen = item.model;
      q.value = index.models[item.model].name + ' vs ';
      q.focus();
      update();
    };
    q.addEventListener('focus', load);
    q.addEventListener('input', update);
    q.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); if (list.hidden) update(); else move(active + 1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); move(active - 1); }
      else if (e.key === 'Enter') { if (options.length) { e.preventDefault(); pick(active >= 0 ? active : 0); } }
      else if (e.key === 'Escape') { if (!list.hidden) { e.preventDefault(); close(); } else { q.value = ''; } }
    });
    q.addEventListener('blur', function () { setTimeout(function () { if (d.activeElement !== q) close(); }, 150); });
    s.querySelector('.search-fallback').hidden = true;
    box.hidden = false;
  }

  // A comparison asked for in the other order (/compare/b-vs-a/): hosts that read _redirects answer it with the page;
  // where none does (GitHub Pages serves this 404 page), go to the page in its own order if the site has it. Ids may
  // hold "-vs-" themselves, so each split is tried, each with one request to this site.
  var missing = d.body && d.body.classList.contains('not-found') && window.fetch &&
    location.pathname.match(/^(.*\/compare\/)([a-z0-9-]+-vs-[a-z0-9-]+)\/?$/);
  if (missing) {
    var ids = missing[2].split('-vs-'), turned = [];
    for (var k = 1; k < ids.length; k++) turned.push(ids.slice(k).join('-vs-') + '-vs-' + ids.slice(0, k).join('-vs-'));
    var attempt = function (i) {
      if (i >= turned.length) return;
      var url = missing[1] + turned[i] + '/';
      fetch(url, { method: 'HEAD' }).then(function (r) {
        if (r.ok) location.replace(url + location.search + location.hash); else attempt(i + 1);
      }, function () { attempt(i + 1); });
    };
    attempt(0);
  }
})();
