"""The catalog's prices as the test reads them itself, and the monthly cost computed the way the site documents it
(Sources/VersusCore/Analysis/Cost.swift, docs/catalog.md "Kinds of price"): on a model's cheapest representative
pay-as-you-go route with both prices, input price x input millions + output price x output millions a month."""
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

import yaml

REPRESENTATIVE_ROUTES = 3          # ClaimRules.representativeRoutes
REPRESENTATIVE_FLOOR = Decimal("0.5")  # ClaimRules.representativeFloor


def value(figure):
    """A sourced figure: a number, {value: ...}, or a list whose first entry the site computes with."""
    if figure is None:
        return None
    if isinstance(figure, list):
        return value(figure[0]) if figure else None
    if isinstance(figure, dict):
        return value(figure.get("value"))
    return Decimal(str(figure))


def load(content: Path):
    """{model id: {"name": ..., "routes": [(provider, kind, input, output)]}} from Content/."""
    provider_kinds = {}
    for path in sorted((content / "providers").glob("*.yaml")):
        data = yaml.safe_load(path.read_text()) or {}
        provider_kinds[path.stem] = data.get("price_kind")
    models = {}
    for path in sorted((content / "models").glob("*.yaml")):
        data = yaml.safe_load(path.read_text()) or {}
        routes = []
        for route in data.get("routes") or []:
            i, o = value(route.get("input")), value(route.get("output"))
            kind = route.get("price_kind") or provider_kinds.get(route["provider"])
            if kind is None:
                prices = [p for p in (i, o) if p is not None]
                kind = "free" if prices and all(p == 0 for p in prices) else "pay-as-you-go"
            routes.append((route["provider"], kind, i, o))
        models[path.stem] = {"name": data["name"], "routes": routes}
    return models


def median(values):
    s = sorted(values)
    m = len(s) // 2
    return s[m] if len(s) % 2 else (s[m - 1] + s[m]) / 2


def cheapest(model, input_millions, output_millions):
    """(provider, input price, output price) of the route the cost cards quote, or None."""
    quotes = [(i * input_millions + o * output_millions, provider, i, o)
              for provider, kind, i, o in model["routes"]
              if kind == "pay-as-you-go" and i is not None and o is not None]
    if not quotes:
        return None
    floor = median([q[0] for q in quotes]) * REPRESENTATIVE_FLOOR if len(quotes) >= REPRESENTATIVE_ROUTES else None
    monthly, provider, i, o = min(q for q in quotes if floor is None or q[0] >= floor)
    return provider, i, o


def money(amount: Decimal) -> str:
    """As the pages show an amount: whole dollars from $10 up, cents below, rounded half up, en-US grouping."""
    places = Decimal(1) if amount >= 10 or amount == 0 else Decimal("0.01")
    rounded = amount.quantize(places, rounding=ROUND_HALF_UP)
    return "$" + (f"{rounded:,.0f}" if places == 1 else f"{rounded:,.2f}")


def traffic(content: Path):
    site = yaml.safe_load((content / "site.yaml").read_text())
    return Decimal(str(site["traffic"]["input_millions"])), Decimal(str(site["traffic"]["output_millions"]))
