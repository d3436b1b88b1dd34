#!/usr/bin/env bash
# Versus against Hugo on the whole models.dev snapshot: one command, figures for Benchmarks/RESULTS.md.
#
# Usage: Benchmarks/run.sh [N ...]      (model counts; default: 50 100 all)
# Env:   RUNS (default 3) timed full builds per size; HUGO_RUNS (default RUNS); SKIP_HUGO=1 to leave Hugo out;
#        SNAPSHOT (default ../shared/data/models.dev-2026-06-10); WORK (default a folder under the temp folder).
#
# For each size it imports the snapshot into a fresh site, keeps the first N models as the Hugo anchor does
# (Benchmarks/subset.py), and times full builds from clean. On the largest size it also times a no-op rebuild,
# a rebuild after one price change, and rebuilds after a change to a small template and to the pair template.
# Last output folders are moved aside between runs and deleted at the end, never inside a timed run (deleting
# tens of thousands of files leaves disk work that would run on into the next build). Needs GNU time.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
RUNS=${RUNS:-3}
HUGO_RUNS=${HUGO_RUNS:-$RUNS}
SNAPSHOT=${SNAPSHOT:-$ROOT/../shared/data/models.dev-2026-06-10}
WORK=${WORK:-${TMPDIR:-/tmp}/versus-bench}
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(50 100 all)
[ -x /usr/bin/time ] || { echo "run.sh needs GNU time: apt-get install -y time" >&2; exit 2; }
[ -d "$SNAPSHOT/models" ] || { echo "run.sh: no models.dev snapshot at $SNAPSHOT (set SNAPSHOT)" >&2; exit 2; }

(cd "$ROOT" && swift build -c release >/dev/null)
VERSUS="$(cd "$ROOT" && swift build -c release --show-bin-path)/versus"
# Deleting tens of thousands of files slows the file system's next file creations for a minute or more (ext4
# skips recently freed inodes), so nothing is deleted before a timed run: an old work folder is moved aside, and
# everything goes at the end. settle waits for that after steps that delete (Hugo's script removes its own output
# when it ends; an in-place rebuild replaces files) and before each size's timed builds. On a file system without a
# journal, ext4 skips inodes freed in the last minute (five while their table blocks are dirty) when it allocates
# new ones, so a build started soon after a large deletion spends seconds in the kernel: give SETTLE enough time.
OLD="$WORK.old.$$"
[ ! -e "$WORK" ] || mv "$WORK" "$OLD"
mkdir -p "$WORK/trash"
trap 'rm -rf "$WORK/trash" "$OLD"' EXIT
SETTLE=${SETTLE:-120}
settle() { sync; sleep "$SETTLE"; }

# timed LABEL COMMAND...: one run under /usr/bin/time; sets T_WALL, T_CPU, T_RSS (KB) and prints a line.
timed() {
  local label=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$WORK/time.txt" "$@" >"$WORK/$label.log" 2>&1 || { cat "$WORK/$label.log"; exit 1; }
  read -r T_WALL T_USER T_SYS T_RSS <"$WORK/time.txt"
  T_CPU=$(awk -v u="$T_USER" -v s="$T_SYS" 'BEGIN {printf "%.2f", u+s}')
  printf '  %-28s wall %6.2f s  cpu %6.2f s  peak RSS %4d MB  | %s\n' "$label" "$T_WALL" "$T_CPU" $((T_RSS / 1024)) "$(tail -1 "$WORK/$label.log")"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
aside() { [ ! -e "$1" ] || mv "$1" "$WORK/trash/$(basename "$1").$RANDOM$RANDOM"; sync; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(uname -sr)"
echo "versus:  $(cd "$ROOT" && git rev-parse --short HEAD)$(cd "$ROOT" && git diff --quiet || echo '+changes'); swift $(swift --version 2>/dev/null | grep -o 'version [0-9.]*' | head -1 | cut -d' ' -f2)"
echo "date:    $(date -u +%Y-%m-%d)"
SUMMARY=()
for N in "${SIZES[@]}"; do
  SITE="$WORK/site-$N"
  mkdir -p "$SITE/Content"
  cp -r "$ROOT/Templates" "$SITE/"
  printf 'title: Versus benchmark\nbase_url: https://bench.example.test\n' >"$SITE/Content/site.yaml"
  echo "== $N models"
  timed "import" "$VERSUS" import models.dev "$SNAPSHOT" --root "$SITE" --quiet
  [ "$N" = all ] || python3 "$HERE/subset.py" "$SITE" "$N" >/dev/null
  walls=(); cpus=(); rss=()
  settle  # whatever ran before (an earlier size, another benchmark, a cleanup) has stopped touching the disk
  for r in $(seq 1 "$RUNS"); do
    aside "$SITE/public"; rm -rf "$SITE/.versus"
    timed "full build $r" "$VERSUS" build --root "$SITE"
    walls+=("$T_WALL"); cpus+=("$T_CPU"); rss+=("$T_RSS")
  done
  # Pages, not the small redirect pages at model aliases' addresses (they carry a refresh and no content).
  read -r pages pairs avg < <(python3 - "$SITE/public" <<'PY'
import os, sys
root = sys.argv[1]; pages = pairs = size = 0
for folder, _, files in os.walk(root):
    for name in files:
        if not name.endswith(".html"): continue
        path = os.path.join(folder, name)
        with open(path, "rb") as f: data = f.read()
        if b'http-equiv="refresh"' in data: continue
        pages += 1
        if os.path.relpath(path, root).startswith("compare/"): pairs += 1; size += len(data)
print(pages, pairs, "%.1f" % (size / max(pairs, 1) / 1024))
PY
)
  wall=$(median "${walls[@]}"); cpu=$(median "${cpus[@]}"); peak=$(printf '%s\n' "${rss[@]}" | sort -g | tail -1)
  SUMMARY+=("| $N | $pairs | $pages | $wall | $cpu | $(awk -v p="$pages" -v w="$wall" 'BEGIN {printf "%.0f", p/w}') | $((peak / 1024)) | $avg |")
  LAST=$SITE
done

echo "== rebuilds on the largest size"
SITE=$LAST
timed "no-op rebuild" "$VERSUS" build --root "$SITE"
model=$(grep -l '^    input: ' "$SITE"/Content/imports/models-dev/models/*.yaml | sort | head -1 || true)
[ -n "$model" ] || { echo "run.sh: no model with a priced route in $SITE" >&2; exit 1; }
python3 - "$model" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = re.sub(r"^(    input: )([0-9.]+)$", lambda m: m.group(1) + repr(round(float(m.group(2)) * 1.1 + 0.01, 4)), text, count=1, flags=re.M)
open(path, "w", encoding="utf-8").write(text)
PY
timed "one price change ($(basename "$model" .yaml))" "$VERSUS" build --root "$SITE"
echo "<!-- benchmark -->" >>"$SITE/Templates/pages/benchmark.mustache"
timed "benchmark template change" "$VERSUS" build --root "$SITE"
echo "<!-- benchmark -->" >>"$SITE/Templates/pages/pair.mustache"
timed "pair template change" "$VERSUS" build --root "$SITE"

if [ "${SKIP_HUGO:-}" != 1 ]; then
  echo "== hugo, same pages (../shared/bench/hugo-anchor)"
  for i in "${!SIZES[@]}"; do
    N=${SIZES[$i]}
    settle
    HLOG="$WORK/hugo-$N.txt"
    RUNS=$HUGO_RUNS SITE="$WORK/hugo-$N" bash "$ROOT/../shared/bench/hugo-anchor/run.sh" "$N" >"$HLOG" 2>&1 || { cat "$HLOG"; exit 1; }
    hwall=$(awk '/^median wall s  / {print $4}' "$HLOG"); hpps=$(awk '/^pages\/s/ {print $2}' "$HLOG")
    hrss=$(awk '/^peak RSS MB/ {print $4}' "$HLOG"); hkb=$(awk '/^avg compare KB/ {print $4}' "$HLOG")
    echo "  $N models: median wall $hwall s ($(grep -o 'runs: [0-9. ]*' "$HLOG" | head -1)), $hpps pages/s, peak RSS $hrss MB, avg pair page $hkb KB"
    SUMMARY[$i]="${SUMMARY[$i]} $hwall | $hpps | $hrss | $hkb |"
  done
fi

echo "== table"
echo "| models | pair pages | html pages | versus wall s | versus cpu s | versus pages/s | versus peak RSS MB | versus avg pair KB |$([ "${SKIP_HUGO:-}" = 1 ] || echo ' hugo wall s | hugo pages/s | hugo peak RSS MB | hugo avg pair KB |')"
printf '%s\n' "${SUMMARY[@]}"
