"""Live reload against a copy of the catalog of its own: an edited price shows on the open page without the test
reloading it, broken YAML brings up the error panel over the page, and the fix takes it away. Prints how long
each save took to show."""
import time

import pytest
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By

import catalog
from conftest import drain_logs, serving, set_width, wait_for
from pages import PAGES

MODEL = "Content/models/claude-haiku-4-5.yaml"


@pytest.fixture(scope="module")
def own_server():
    # A server of its own: these tests edit the catalog it serves.
    yield from serving()


def amount(browser, name):
    """The card's amount; None while the page is between two loads."""
    try:
        for card in browser.find_elements(By.CSS_SELECTOR, "#cost .cost-card"):
            if card.find_element(By.TAG_NAME, "h3").text == name:
                return card.find_element(By.CSS_SELECTOR, ".amount").text
    except (StaleElementReferenceException, NoSuchElementException):
        pass
    return None


def panel_text(browser):
    """The error panel's text: "" without a panel, None while the page is between two loads."""
    try:
        if not browser.find_elements(By.CSS_SELECTOR, "#cost .cost-card"):
            return None
        panels = browser.find_elements(By.ID, "versus-build-problems")
        return panels[0].text if panels else ""
    except StaleElementReferenceException:
        return None


def save(path, text):
    """Writes as editors do: a temporary file renamed over the real one."""
    temporary = path.with_name("." + path.name + ".tmp")
    temporary.write_text(text)
    temporary.replace(path)
    return time.monotonic()


def test_edits_show_on_the_open_page(browser, own_server):
    srv = own_server
    path = srv.root / MODEL
    original = path.read_text()
    assert "    input: 0.80\n" in original
    set_width(browser, 1280)
    browser.get(srv.base + PAGES["pair"])
    name = catalog.load(srv.root / "Content")["claude-haiku-4-5"]["name"]
    before = amount(browser, name)
    # A mark on the page as loaded: a reload by the test would lose it; the page's own reload loses it too, so the
    # page is told apart by the navigation count the browser keeps.
    browser.execute_script("sessionStorage.setItem('loads', '0'); window.addEventListener('pagehide', function () {"
                           "sessionStorage.setItem('loads', String(+sessionStorage.getItem('loads') + 1)); });")

    edited = original.replace("    input: 0.80\n", "    input: 0.85\n")
    saved = save(path, edited)
    models_after = catalog.load(srv.root / "Content")
    provider, i, o = catalog.cheapest(models_after["claude-haiku-4-5"], *catalog.traffic(srv.root / "Content"))
    want = catalog.money(i * catalog.traffic(srv.root / "Content")[0] + o * catalog.traffic(srv.root / "Content")[1])
    assert want != before
    shown = wait_for(lambda: amount(browser, name) == want, timeout=120)
    price_time = time.monotonic() - saved
    assert shown, f"the card still reads {amount(browser, name)}, not {want}"
    assert browser.execute_script("return sessionStorage.getItem('loads')") == "1", "the page was not reloaded by itself"

    # Broken YAML: the last good page stays, with the build's errors over it.
    saved = save(path, edited.replace("routes:\n", "routes: [\n", 1))
    panel = wait_for(lambda: panel_text(browser), timeout=120)
    error_time = time.monotonic() - saved
    assert panel and "claude-haiku-4-5.yaml" in panel, f"no error panel naming the file: {panel!r}"
    assert amount(browser, name) == want

    # The fix takes the panel away.
    saved = save(path, edited)
    gone = wait_for(lambda: panel_text(browser) == "" and amount(browser, name) == want, timeout=120)
    fix_time = time.monotonic() - saved
    assert gone, "the error panel stayed after the fix"

    console, _ = drain_logs(browser)
    severe = [e for e in console if e["level"] == "SEVERE"]
    assert severe == [], severe
    print(f"\nsave-to-visible on the bundled catalog: price edit {price_time * 1000:.0f} ms, "
          f"broken YAML to error panel {error_time * 1000:.0f} ms, fix to panel gone {fix_time * 1000:.0f} ms")
    print("the server's rebuilds:\n" + "".join("  " + line for line in srv.lines[-8:]))
    path.write_text(original)
