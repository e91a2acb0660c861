#!/usr/bin/env bash
# Installs Debian's Chromium for the browser (end-to-end) tests, only when it is missing.
# Playwright drives this system browser (executable_path=/usr/bin/chromium): its own browser
# downloads are never used. Needs root (or sudo) and Debian's package mirrors.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [[ -x "$CHROMIUM" ]]; then
    exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    echo "ensure-chromium: $CHROMIUM is missing and we are not root (no sudo either)." >&2
    echo "ensure-chromium: install it with: apt-get update && apt-get install -y chromium" >&2
    exit 1
fi

echo "ensure-chromium: installing Debian's chromium (for the e2e tests)…"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq chromium >/dev/null

if [[ ! -x "$CHROMIUM" ]]; then
    echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing." >&2
    exit 1
fi
"$CHROMIUM" --version 2>/dev/null || true
