#!/usr/bin/env bash
# The site-making steps of .github/workflows/publish.yml, one subcommand each, so that the workflow and
# scripts/workflow-test.sh (which runs them on this machine and compares the result with a single full build) run
# the same commands.
#
#   scripts/publish-steps.sh import VERSUS MODELS_DEV [SITE]   import a models.dev checkout into SITE (default .)
#   scripts/publish-steps.sh shard VERSUS I N OUT [SITE]       build share I of N of SITE into the folder OUT
#   scripts/publish-steps.sh merge OUT SHARD...                copy the shards' folders together into OUT
#
# import exits 1 when the catalog has errors after the import (nothing is published then). merge refuses a file that
# two shards both wrote, and an OUT that already exists.
set -euo pipefail

step="${1:-}"
shift || true
case "$step" in
import)
    [[ $# -ge 2 ]] || { echo "usage: $0 import VERSUS MODELS_DEV [SITE]" >&2; exit 2; }
    "$1" import models.dev "$2" --root "${3:-.}"
    ;;
shard)
    [[ $# -ge 4 ]] || { echo "usage: $0 shard VERSUS I N OUT [SITE]" >&2; exit 2; }
    "$1" build --root "${5:-.}" --shard "$2/$3" --output "$4"
    ;;
merge)
    [[ $# -ge 2 ]] || { echo "usage: $0 merge OUT SHARD..." >&2; exit 2; }
    out="$1"
    shift
    [[ ! -e "$out" ]] || { echo "merge: $out already exists" >&2; exit 1; }
    twice="$(for shard in "$@"; do (cd "$shard" && find . -type f); done | sort | uniq -d | head -n 5)"
    [[ -z "$twice" ]] || { echo "merge: more than one shard wrote these files:" >&2; echo "$twice" >&2; exit 1; }
    mkdir -p "$out"
    for shard in "$@"; do cp -R "$shard/." "$out/"; done
    echo "merged $# shards: $(find "$out" -type f | wc -l) files → $out"
    ;;
*)
    echo "usage: $0 import|shard|merge …" >&2
    exit 2
    ;;
esac
