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
# audit PATH [COOKIE]: one mobile Lighthouse run; prints the category scores and timings.
audit() {
  local report
  report=$(mktemp --suffix=.json)
  echo "== $1"
  CHROME_PATH=/usr/bin/chromium npx --yes lighthouse@12 "http://127.0.0.1:$port$1" \
    --only-categories=performance,accessibility,best-practices --form-factor=mobile --quiet \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    ${2:+--extra-headers="{\"Cookie\": \"$2\"}"} \
    --output=json --output-path="$report"
  python3 - "$report" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
if report.get("runtimeError"):
    sys.exit(f"Lighthouse could not load the page: {report['runtimeError']}")
for name, category in report["categories"].items():
    print(f"{name:<16} {round(category['score'] * 100)}")
for audit in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
              "cumulative-layout-shift"):
    print(f"{audit:<26} {report['audits'][audit]['displayValue']}")
print("final URL", report["finalDisplayedUrl"])
PY
}

# signed_in EMAIL: a session cookie for the demo account (seed_demo, below).
signed_in() {
  local jar
  jar=$(mktemp)
  curl -sf -c "$jar" -b "$jar" "http://127.0.0.1:$port/api/auth/csrf/" >/dev/null
  local csrf
  csrf=$(awk '$6 == "csrftoken" {print $7}' "$jar")
  curl -sf -c "$jar" -b "$jar" -H "X-CSRFToken: $csrf" -H "Referer: http://127.0.0.1:$port/" \
    -H "Content-Type: application/json" \
    -d "{\"email\": \"$1\", \"password\": \"$demo_password\"}" \
    "http://127.0.0.1:$port/api/auth/login/" >/dev/null
  awk '$6 == "sessionid" || $6 == "csrftoken" {printf "%s=%s; ", $6, $7}' "$jar"
}

audit /login
# The physio's caseload, signed in as the demo physio (with the demo's four weeks of history).
demo_password=lighthouse-demo-password
.venv/bin/python manage.py load_library -v0 >/dev/null
.venv/bin/python manage.py seed_demo --password "$demo_password" >/dev/null
audit /physio "$(signed_in physio@example.com)"

# The patient's Today and the player of the demo patient's active assignment.
patient_cookie=$(signed_in patient@example.com)
audit /today "$patient_cookie"
assignment=$(.venv/bin/python manage.py shell -v0 -c "
from backend.programs.models import Assignment
print(Assignment.objects.filter(patient__email='patient@example.com').order_by('-pk').values_list('pk', flat=True).first())")
audit "/session/$assignment" "$patient_cookie"
