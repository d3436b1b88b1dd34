"""A comparison's address in the other order (/compare/b-vs-a/) on a host that does not read _redirects (the
preview server, like GitHub Pages, answers it with the site's 404 page): the page's script leads to the comparison
in its own order, and a reversed address of no comparison stays on the 404 page."""
from conftest import wait_for
from test_pages import load


def test_a_reversed_comparison_address_leads_to_the_page(browser, server):
    load(browser, server, "/compare/claude-sonnet-4-6-vs-claude-haiku-4-5/?from=test#costs")
    wait_for(lambda: "/compare/claude-haiku-4-5-vs-claude-sonnet-4-6/" in browser.current_url)
    assert browser.current_url.endswith("/compare/claude-haiku-4-5-vs-claude-sonnet-4-6/?from=test#costs"), browser.current_url
    assert "Claude Haiku 4.5 vs Claude Sonnet 4.6" in browser.title


def test_a_reversed_address_of_no_comparison_stays_not_found(browser, server):
    load(browser, server, "/compare/no-such-model-vs-claude-haiku-4-5/")
    # Give the script the time its one request takes; the page must not move.
    wait_for(lambda: browser.execute_script("return performance.getEntriesByType('resource').some(function (e) { return e.name.indexOf('/compare/claude-haiku-4-5-vs-no-such-model/') >= 0; })"))
    assert browser.current_url.endswith("/compare/no-such-model-vs-claude-haiku-4-5/")
    assert "Page not found" in browser.title
