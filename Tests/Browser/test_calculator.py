"""The traffic calculator: typing other traffic changes the cost cards, and every figure equals what the test
computes from the catalog's own YAML prices (catalog.py follows the formula of Cost.swift)."""
from decimal import Decimal

from selenium.webdriver.common.by import By

import catalog
from conftest import set_width, wait_for
from pages import PAGES


def cards(browser):
    return {card.find_element(By.TAG_NAME, "h3").text: card.find_element(By.CSS_SELECTOR, ".amount").text
            for card in browser.find_elements(By.CSS_SELECTOR, "#cost .cost-card")}


def expected(models, ids, input_millions, output_millions, reference):
    """Each model's card: its route is chosen at the reference traffic, its amount at the traffic asked."""
    out = {}
    for model_id in ids:
        model = models[model_id]
        provider, i, o = catalog.cheapest(model, *reference)
        out[model["name"]] = catalog.money(i * input_millions + o * output_millions)
    return out


def test_calculator_follows_the_catalog_prices(browser, server):
    content = server.root / "Content"
    models = catalog.load(content)
    reference = catalog.traffic(content)
    ids = ["claude-haiku-4-5", "claude-sonnet-4-6"]
    set_width(browser, 1280)
    browser.get(server.base + PAGES["pair"])
    # As built: the reference traffic of site.yaml.
    assert cards(browser) == expected(models, ids, *reference, reference)

    form = browser.find_element(By.CSS_SELECTOR, "form.traffic")
    assert form.is_displayed(), "the calculator stays hidden"
    label = browser.find_element(By.CSS_SELECTOR, ".traffic-label").text
    for traffic in [(Decimal("3.7"), Decimal("1.3")), (Decimal("250"), Decimal("0")), (Decimal("12000"), Decimal("4321.5"))]:
        for name, amount in zip(("in", "out"), traffic):
            field = form.find_element(By.NAME, name)
            field.clear()
            field.send_keys(str(amount))
        want = expected(models, ids, *traffic, reference)
        shown = wait_for(lambda: cards(browser) == want and cards(browser))
        assert shown == want, f"at {traffic}: {cards(browser)} != {want}"
        assert browser.find_element(By.CSS_SELECTOR, ".traffic-label").text != label
    print(f"calculator: {want}")
