#!/usr/bin/env bash
# Makes sure this machine can build Versus: the Swift toolchain, pkg-config and the cmark-gfm
# development files (Sources/CCmark links against them). Installs what is missing with apt-get
# when run as root; otherwise says what to install and exits with status 1.
set -euo pipefail

packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev)

if ! command -v swift >/dev/null 2>&1; then
    echo "bootstrap: the Swift toolchain is not on PATH; install Swift 6 from https://www.swift.org/install/ first." >&2
    exit 1
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    for package in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$package")
        fi
    done
    if ! command -v pkg-config >/dev/null 2>&1; then
        missing+=(pkg-config)
    fi
elif command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libcmark-gfm; then
    exit 0   # not a Debian-like system, but cmark-gfm is already visible to pkg-config
else
    echo "bootstrap: no dpkg here, and pkg-config cannot find libcmark-gfm." >&2
    echo "bootstrap: install pkg-config and cmark-gfm with your package manager (on macOS: brew install cmark-gfm pkg-config)." >&2
    exit 1
fi

if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "bootstrap: installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update
        apt-get install -y --no-install-recommends "${missing[@]}"
    else
        echo "bootstrap: missing system packages: ${missing[*]}" >&2
        echo "bootstrap: install them with:" >&2
        echo "    sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
        echo "bootstrap: then run make again." >&2
        exit 1
    fi
fi

if ! pkg-config --exists libcmark-gfm; then
    echo "bootstrap: pkg-config still cannot find libcmark-gfm (is libcmark-gfm-dev installed correctly?)" >&2
    exit 1
fi
