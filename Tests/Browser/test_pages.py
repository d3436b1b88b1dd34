"""Every page type in a real browser: no console error, no request to another host, no sideways scroll at 360 px,
the wide tables fit at 1280 px, no axe-core violation in light and dark colour schemes, and screenshots."""
import json

import pytest
from axe_selenium_python import Axe

from conftest import drain_logs, foreign, screenshot, set_scheme, set_width
from pages import PAGES


def load(browser, server, path):
    drain_logs(browser)
    browser.get(server.base + path)
    # Wait for deferred scripts and the stylesheet: the document and every resource it asked for are complete.
    browser.execute_async_script("""
        var done = arguments[arguments.length - 1];
        if (document.readyState === 'complete') done(); else addEventListener('load', function () { done(); });""")


@pytest.mark.parametrize("kind", PAGES)
def test_loads_without_console_errors_or_foreign_requests(browser, server, kind):
    set_width(browser, 1280)
    load(browser, server, PAGES[kind])
    console, urls = drain_logs(browser)
    errors = [entry for entry in console if entry["level"] == "SEVERE"]
    if kind == "not-found":
        # The browser reports the 404 status of the page itself as a failed resource; nothing else may fail.
        errors = [e for e in errors if "404 (Not Found)" not in e["message"] or PAGES[kind] not in e["message"]]
    assert errors == [], errors
    assert urls and urls[0].startswith(server.base), urls
    assert foreign(urls, server.base) == []
    # The page's own resources were all asked for (a stylesheet that did not load leaves no console error).
    assert any(u.endswith("/assets/versus.css") for u in urls), urls
    # Nothing another host would be asked for later either: links to other hosts are fine, resources are not.
    resources = browser.execute_script(
        "return Array.from(document.querySelectorAll('[src],link[rel=stylesheet],link[rel=icon]'))"
        ".map(function (e) { return e.src || e.href; })")
    assert foreign(resources, server.base) == []


@pytest.mark.parametrize("kind", PAGES)
def test_fits_a_phone_width(browser, server, kind):
    set_width(browser, 360, 780)
    load(browser, server, PAGES[kind])
    screenshot(browser, f"{kind}-360")
    width = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{PAGES[kind]} is {width[0]} px wide in a {width[1]} px window"
    # Anything that sticks out of the window, other than inside a region that scrolls on its own.
    overflowing = browser.execute_script("""
        var out = [], w = window.innerWidth;
        document.querySelectorAll('main *, header *, footer *').forEach(function (e) {
          if (e.closest('.table-wrap')) return;
          var r = e.getBoundingClientRect();
          if (r.width > 0 && (r.right > w + 0.5 || r.left < -0.5)) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
        });
        return out.slice(0, 10);""")
    assert overflowing == [], overflowing


def test_scorecard_and_cost_cards_fit_a_phone_width(browser, server):
    set_width(browser, 360, 780)
    load(browser, server, PAGES["pair"])
    sizes = browser.execute_script("""
        var q = function (s) { return Array.from(document.querySelectorAll(s)); };
        return {
          innerWidth: window.innerWidth,
          scorecard: q('#scorecard .table-wrap').map(function (e) { return [e.scrollWidth, e.clientWidth, e.getBoundingClientRect().right]; }),
          cards: q('#cost .cost-card').map(function (e) { return [e.scrollWidth, e.clientWidth, e.getBoundingClientRect().right]; })
        };""")
    assert sizes["scorecard"] and len(sizes["cards"]) == 2, sizes
    for scroll, client, right in sizes["scorecard"] + sizes["cards"]:
        # Whole, without a scroll of its own, and inside the window.
        assert scroll <= client and right <= sizes["innerWidth"], sizes


@pytest.mark.parametrize("kind", ["pair", "pair-editorial", "model"])
def test_price_table_fits_a_desktop_width(browser, server, kind):
    set_width(browser, 1280, 900)
    load(browser, server, PAGES[kind])
    screenshot(browser, f"{kind}-1280")
    tables = browser.execute_script("""
        return Array.from(document.querySelectorAll('table.routes')).map(function (t) {
          var wrap = t.closest('.table-wrap');
          return [wrap.scrollWidth, wrap.clientWidth, t.getBoundingClientRect().right, window.innerWidth];
        });""")
    assert tables, "no price table"
    for scroll, client, right, inner in tables:
        assert scroll <= client and right <= inner, tables


@pytest.mark.parametrize("kind", [k for k in PAGES if k not in ("pair", "pair-editorial", "model")])
def test_screenshot_at_desktop_width(browser, server, kind):
    set_width(browser, 1280, 900)
    load(browser, server, PAGES[kind])
    screenshot(browser, f"{kind}-1280")
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGES)
def test_no_accessibility_violations(browser, server, kind, scheme):
    set_width(browser, 1280, 900)
    set_scheme(browser, scheme)
    try:
        load(browser, server, PAGES[kind])
        assert browser.execute_script(f"return matchMedia('(prefers-color-scheme: {scheme})').matches")
        axe = Axe(browser)
        axe.inject()
        results = axe.run()
    finally:
        set_scheme(browser, "light")
    violations = results["violations"]
    assert violations == [], axe.report(violations)
    if kind == "home" and scheme == "light":
        print(f"axe-core {results.get('testEngine', {}).get('version')}: {len(results['passes'])} rules passed")
