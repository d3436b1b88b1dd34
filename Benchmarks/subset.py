#!/usr/bin/env python3
"""Keep the first N canonical models of an imported catalog, as the Hugo anchor does.

Usage: subset.py SITE N

The Hugo anchor (shared/bench/hugo-anchor/make_data.py) takes the first N files of models.dev's models/ folder,
sorted by their path `<lab>/<id>.toml`. `versus import` records that path for each model in the `ids` map of
Content/imports/models-dev/source.yaml; this script keeps the models of the first N paths and deletes the other
model files of the layer, so both generators build the same pairs.
"""
import pathlib
import sys

site, n = pathlib.Path(sys.argv[1]), int(sys.argv[2])
layer = site / "Content" / "imports" / "models-dev"
ids = {}
in_ids = False
for line in (layer / "source.yaml").read_text(encoding="utf-8").splitlines():
    if line.startswith("ids:"):
        in_ids = True
        continue
    if in_ids:
        if not line.startswith("  "):
            break
        key, _, value = line.strip().partition(": ")
        ids[key.strip('"')] = value.strip('"')
keep = {ids[key] for key in sorted(ids)[:n]}
removed = 0
for path in (layer / "models").glob("*.yaml"):
    if path.stem not in keep:
        path.unlink()
        removed += 1
print(f"kept {len(keep)} models, removed {removed}")
