"""The search box of every page: it finds models by name, maker or alias from /search.json, offers the pages of a
model with each other model as "A vs B", and leads there by keyboard or pointer; without JavaScript its link leads
to the list of models. Accessible (axe-core with the list open) and within a 360 px window."""
from urllib.parse import urlparse

from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import drain_logs, foreign, make_driver, set_width, wait_for
from test_pages import load


def options(browser):
    """The texts of the options shown, or None while the list is closed."""
    return browser.execute_script("""
        var list = document.getElementById('search-list');
        if (list.hidden) return null;
        return Array.from(list.querySelectorAll('[role=option]:not([aria-disabled=true])')).map(function (o) { return o.textContent; });""")


def search(browser, text):
    box = browser.find_element(By.ID, "search-q")
    box.clear()
    box.send_keys(text)
    return box


def test_sonnet_leads_to_a_claude_sonnet_pair_page(browser, server):
    set_width(browser, 1280)
    load(browser, server, "/benchmarks/")
    drain_logs(browser)
    assert not browser.find_element(By.CSS_SELECTOR, ".search-fallback").is_displayed()
    box = search(browser, "sonnet")
    found = wait_for(lambda: options(browser))
    assert found and found[0].startswith("Claude Sonnet 4.6"), found
    assert box.get_attribute("aria-expanded") == "true"
    # Pick the model: the box offers its comparisons, its own page first.
    box.send_keys(Keys.ARROW_DOWN, Keys.ENTER)
    assert box.get_attribute("value") == "Claude Sonnet 4.6 vs "
    pairs = wait_for(lambda: (options(browser) or [None])[0] == "Claude Sonnet 4.6model page" and options(browser))
    assert pairs and all(o.startswith("Claude Sonnet 4.6 vs ") for o in pairs[1:]), pairs
    assert len(pairs) > 2, pairs
    # Type the second name and pick the pair.
    box.send_keys("haiku")
    narrowed = wait_for(lambda: (lambda o: o if o and len(o) == 2 else None)(options(browser)))
    assert narrowed and narrowed[1].startswith("Claude Sonnet 4.6 vs Claude Haiku 4.5"), narrowed
    box.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == "search-option-1"
    box.send_keys(Keys.ENTER)
    assert wait_for(lambda: urlparse(browser.current_url).path == "/compare/claude-haiku-4-5-vs-claude-sonnet-4-6/")
    assert "Claude Sonnet 4.6" in browser.find_element(By.TAG_NAME, "h1").text
    # The index came from this server, and nothing from another host.
    _, urls = drain_logs(browser)
    assert any(u.endswith("/search.json") for u in urls), urls
    assert foreign(urls, server.base) == []


def test_finds_models_by_maker_and_alias_and_pairs_typed_at_once(browser, server):
    set_width(browser, 1280)
    load(browser, server, "/")
    search(browser, "anthropic")
    found = wait_for(lambda: options(browser))
    assert found and sorted(o.split("Anthropic")[0] for o in found) == ["Claude Haiku 4.5", "Claude Opus 4.6", "Claude Sonnet 4.6"]
    # An id written as an alias or a slug finds the model too.
    search(browser, "gpt-5-mini")
    found = wait_for(lambda: options(browser))
    assert found and found[0].startswith("GPT-5 mini"), found
    # "A vs B" typed in one go; a click on the pair opens it.
    search(browser, "opus vs qwen3.5 397")
    pair = wait_for(lambda: [o for o in options(browser) or [] if " vs " in o])
    assert pair and pair[0].startswith("Claude Opus 4.6 vs Qwen3.5-397B-A17B"), pair
    browser.find_element(By.ID, "search-option-1").click()
    assert wait_for(lambda: urlparse(browser.current_url).path == "/compare/claude-opus-4-6-vs-qwen3-5-397b-a17b/")
    # Escape closes the list.
    box = search(browser, "claude")
    assert wait_for(lambda: options(browser))
    box.send_keys(Keys.ESCAPE)
    assert wait_for(lambda: options(browser) is None)
    assert box.get_attribute("aria-expanded") == "false"


def test_open_list_is_accessible_and_fits_a_phone(browser, server):
    set_width(browser, 360, 780)
    load(browser, server, "/models/claude-sonnet-4-6/")
    search(browser, "a")
    assert wait_for(lambda: options(browser))
    right = browser.execute_script("""
        var r = document.getElementById('search-list').getBoundingClientRect(),
            q = document.getElementById('search-q').getBoundingClientRect();
        return [r.left, r.right, q.left, q.right, window.innerWidth, document.documentElement.scrollWidth];""")
    assert right[0] >= 0 and right[1] <= right[4] and right[2] >= 0 and right[3] <= right[4], right
    assert right[5] <= right[4], right
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
    assert results["violations"] == [], axe.report(results["violations"])
    set_width(browser, 1280)


def test_without_javascript_the_link_leads_to_the_models(server):
    driver = make_driver()
    try:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        driver.get(server.base + "/compare/claude-haiku-4-5-vs-claude-sonnet-4-6/")
        assert not driver.find_element(By.CSS_SELECTOR, ".search-box").is_displayed()
        link = driver.find_element(By.CSS_SELECTOR, ".search-fallback a")
        assert link.is_displayed() and link.text == "Find a model"
        link.click()
        assert wait_for(lambda: urlparse(driver.current_url).path == "/")
        assert urlparse(driver.current_url).fragment == "models"
        assert driver.find_element(By.ID, "models").is_displayed()
        assert len(driver.find_elements(By.CSS_SELECTOR, "#models a[href^='/models/']")) >= 16
    finally:
        driver.quit()
