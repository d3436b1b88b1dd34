#!/usr/bin/env bash
# Checks .github/workflows/publish.yml: against GitHub's workflow schema (check-jsonschema's built-in
# vendor.github-workflows, which needs no network), then by running its site-making steps here
# (scripts/publish-steps.sh: import the models.dev snapshot, build it in shards, merge them) and comparing the merged
# folder, byte for byte, with a single full build of the same catalog.
# Usage: scripts/workflow-test.sh [path/to/versus]
#
# check-jsonschema (PyPI) goes into a virtual environment under ${VERSUS_CACHE:-~/.cache/versus}/workflow-venv, made
# again only when its pinned version changes. VERSUS_MODELS_DEV names the snapshot (default
# ../shared/data/models.dev-2026-06-10; without one the local run is skipped); VERSUS_WORKFLOW_SHARDS the number of
# shards (default 3); VERSUS_WORKFLOW_PAIRS=all builds every pair of the imported catalog (about 21,000) instead of
# the pairs among every fifth model (about 40 models, 800 pairs), which keeps a debug build affordable. VERSUS_SKIP_WORKFLOW=1 skips it all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ "${VERSUS_SKIP_WORKFLOW:-0}" == 1 ]]; then
    echo "workflow test: skipped (VERSUS_SKIP_WORKFLOW=1)"
    exit 0
fi
if [[ $# -gt 0 ]]; then VERSUS="$1"; else VERSUS="$(swift build --show-bin-path)/versus"; fi
VERSUS="$(realpath "$VERSUS")"
[[ -x "$VERSUS" ]] || { echo "workflow test: no versus binary at $VERSUS (run swift build first)" >&2; exit 1; }
CACHE="${VERSUS_CACHE:-$HOME/.cache/versus}"
mkdir -p "$CACHE"

# 1. The schema.
requirement="check-jsonschema==0.39.0"
python=""
for candidate in python3.13 python3.12 "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[1-9]*/bin/python3 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        python="$candidate"; break
    fi
done
[[ -n "$python" ]] || { echo "workflow test: check-jsonschema 0.39 needs Python 3.11 or newer" >&2; exit 1; }
VENV="$CACHE/workflow-venv"
if [[ "$(cat "$VENV/.versus-stamp" 2>/dev/null)" != "$requirement" ]]; then
    echo "workflow test: installing $requirement into $VENV"
    rm -rf "$VENV"
    "$python" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --no-input --disable-pip-version-check -q "$requirement" >"$CACHE/workflow-pip.log" 2>&1 \
        || { tail -n 20 "$CACHE/workflow-pip.log"; echo "workflow test: pip install failed" >&2; exit 1; }
    echo "$requirement" >"$VENV/.versus-stamp"
fi
"$VENV/bin/check-jsonschema" --builtin-schema vendor.github-workflows .github/workflows/publish.yml

# The workflow makes the site with the steps script, and nothing else.
for step in import shard merge; do
    grep -q "scripts/publish-steps.sh $step " .github/workflows/publish.yml \
        || { echo "workflow test: publish.yml does not run scripts/publish-steps.sh $step" >&2; exit 1; }
done

# 2. The steps, run here.
SNAPSHOT="${VERSUS_MODELS_DEV:-../shared/data/models.dev-2026-06-10}"
if [[ ! -d "$SNAPSHOT" ]]; then
    echo "workflow test: no models.dev snapshot at $SNAPSHOT (VERSUS_MODELS_DEV names another): steps not run"
    exit 0
fi
SNAPSHOT="$(realpath "$SNAPSHOT")"
SHARDS="${VERSUS_WORKFLOW_SHARDS:-3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/versus-workflow-XXXXXX")"
trap 'rm -rf "$work"' EXIT
site="$work/site"
mkdir -p "$site"
cp -R Content Templates "$site/"
start=$SECONDS
bash scripts/publish-steps.sh import "$VERSUS" "$SNAPSHOT" "$site" >"$work/import.log" \
    || { tail -n 20 "$work/import.log"; echo "workflow test: the import failed" >&2; exit 1; }
if [[ "${VERSUS_WORKFLOW_PAIRS:-}" != all ]]; then
    # The pairs among every fifth imported model (in id order; an alias id names its model, so none is taken), as a
    # site.yaml list.
    files=("$site"/Content/imports/models-dev/models/*.yaml)
    aliases=" $(awk '/^aliases:/ { inside = 1; next } /^[^ ]/ { inside = 0 } inside && /^  - / { print $2 }' "${files[@]}" | tr '\n' ' ') "
    ids=()
    count=0
    for file in "${files[@]}"; do
        id="${file##*/}"
        id="${id%.yaml}"
        [[ "$aliases" == *" $id "* ]] && continue
        (( count++ % 5 == 0 )) && ids+=("$id")
    done
    {
        grep -v '^pairs:' "$site/Content/site.yaml"
        echo "pairs:"
        for ((a = 0; a < ${#ids[@]}; a++)); do
            for ((b = a + 1; b < ${#ids[@]}; b++)); do echo "  - ${ids[a]}-vs-${ids[b]}"; done
        done
    } >"$work/site.yaml"
    mv "$work/site.yaml" "$site/Content/site.yaml"
fi
echo "workflow test: imported $SNAPSHOT in $((SECONDS - start)) s"

start=$SECONDS
shards=()
for ((i = 1; i <= SHARDS; i++)); do
    bash scripts/publish-steps.sh shard "$VERSUS" "$i" "$SHARDS" "$work/shard-$i" "$site"
    shards+=("$work/shard-$i")
done
bash scripts/publish-steps.sh merge "$work/merged" "${shards[@]}"
sharded=$((SECONDS - start))
start=$SECONDS
"$VERSUS" build --root "$site" --output "$work/full"
full=$((SECONDS - start))
if ! diff -r "$work/merged" "$work/full" >"$work/diff.txt"; then
    head -n 20 "$work/diff.txt"
    echo "workflow test: the $SHARDS merged shards differ from the full build" >&2
    exit 1
fi
echo "workflow test: $SHARDS shards merged equal the full build ($(find "$work/full" -type f | wc -l) files; shards $sharded s, full build $full s)"
