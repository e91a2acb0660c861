#!/usr/bin/env bash
# Lighthouse (mobile) against the built PWA served by gunicorn on a loopback port, with
# Debian's Chromium. Prints the category scores; target: performance >= 90.
# Lighthouse itself comes from the npm registry on first use (npx).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${LIGHTHOUSE_PORT:-8190}
export VAR_DIR=${VAR_DIR:-$PWD/var/lighthouse}
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/gunicorn backend.wsgi --bind "127.0.0.1:$port" --workers 2 --log-level warning &
server=$!
trap 'kill $server' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/api/health/" >/dev/null && break; sleep 0.2; done
report=$(mktemp --suffix=.json)
CHROME_PATH=/usr/bin/chromium npx --yes lighthouse@12 "http://127.0.0.1:$port/login" \
  --only-categories=performance,accessibility,best-practices --form-factor=mobile --quiet \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
  --output=json --output-path="$report"
python3 - "$report" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
for name, category in report["categories"].items():
    print(f"{name:<16} {round(category['score'] * 100)}")
for audit in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
              "cumulative-layout-shift"):
    print(f"{audit:<26} {report['audits'][audit]['displayValue']}")
PY
