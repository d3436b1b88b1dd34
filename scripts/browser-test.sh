#!/usr/bin/env bash
# The browser suite (Tests/Browser/): pages and `versus serve` in a headless Chromium driven by Selenium, axe-core,
# the Nu HTML checker. Usage: scripts/browser-test.sh [path/to/versus [pytest arguments]]
#
# Installs what it needs: Debian's chromium, chromium-driver and a Java runtime with apt-get when run as root (as
# another user it names them and stops), and the Python packages of Tests/Browser/requirements.txt into a virtual
# environment under ${VERSUS_CACHE:-~/.cache/versus}/browser-venv, made again only when the requirements change.
# Screenshots of every page type at 360 and 1280 px go to .screenshots/ (VERSUS_SCREENSHOTS names another folder).
# VERSUS_SKIP_BROWSER=1 skips the suite; VERSUS_MODELS_DEV names the models.dev snapshot (default
# ../shared/data/models.dev-2026-06-10; without it the imported-catalog check is skipped).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ "${VERSUS_SKIP_BROWSER:-0}" == 1 ]]; then
    echo "browser test: skipped (VERSUS_SKIP_BROWSER=1)"
    exit 0
fi
if [[ $# -gt 0 ]]; then VERSUS="$1"; shift; else VERSUS="$(swift build --show-bin-path)/versus"; fi
VERSUS="$(realpath "$VERSUS")"   # further arguments go to pytest (-k calculator, -x, …)
[[ -x "$VERSUS" ]] || { echo "browser test: no versus binary at $VERSUS (run swift build first)" >&2; exit 1; }
CACHE="${VERSUS_CACHE:-$HOME/.cache/versus}"
mkdir -p "$CACHE"

# System packages.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [[ ${#missing[@]} -gt 0 ]]; then
    if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "browser test: installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update >"$CACHE/apt.log" 2>&1 || { tail -n 20 "$CACHE/apt.log"; exit 1; }
        apt-get install -y --no-install-recommends "${missing[@]}" >>"$CACHE/apt.log" 2>&1 \
            || { tail -n 20 "$CACHE/apt.log"; echo "browser test: apt-get install failed" >&2; exit 1; }
    else
        echo "browser test: missing system packages: ${missing[*]}" >&2
        echo "browser test: install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
        echo "browser test: or skip this suite with VERSUS_SKIP_BROWSER=1" >&2
        exit 1
    fi
fi

# Python: 3.12 or newer when this machine has one (axe-selenium-python 3 and its current axe-core need it).
python=""
for candidate in python3.13 python3.12 "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
        python="$candidate"; break
    fi
done
if [[ -z "$python" ]]; then
    python=python3
    echo "browser test: no Python 3.12 here; using $(python3 --version), with axe-selenium-python 2.1.6 (axe-core 3.1)"
fi
VENV="$CACHE/browser-venv"
stamp="$( (cat Tests/Browser/requirements.txt; "$python" --version) | sha256sum | cut -c1-16)"
if [[ "$(cat "$VENV/.versus-stamp" 2>/dev/null)" != "$stamp" ]]; then
    echo "browser test: installing Tests/Browser/requirements.txt into $VENV"
    rm -rf "$VENV"
    "$python" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --no-input --disable-pip-version-check -q -r Tests/Browser/requirements.txt \
        >"$CACHE/browser-pip.log" 2>&1 || { tail -n 20 "$CACHE/browser-pip.log"; echo "browser test: pip install failed" >&2; exit 1; }
    echo "$stamp" >"$VENV/.versus-stamp"
fi

export VERSUS_BIN="$VERSUS"
export PATH="$VENV/bin:$PATH"
# Selenium uses the chromedriver given to it and never looks for a driver online.
export SE_OFFLINE=true
start=$SECONDS
status=0
"$VENV/bin/python" -m pytest Tests/Browser -p no:cacheprovider -q -s "$@" || status=$?
echo "browser test: $(( SECONDS - start )) s; screenshots in ${VERSUS_SCREENSHOTS:-.screenshots}/"
exit $status
