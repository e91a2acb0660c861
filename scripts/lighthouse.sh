#!/usr/bin/env bash
# Lighthouse (mobile) against the built PWA served by gunicorn on a loopback port, with
# Debian's Chromium, on /login and, signed in as a patient, Today and the player. Prints
# the category scores of each; target: performance >= 90, accessibility 100.
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
# A signed-in patient with a program, for Today and the player (the library is needed).
.venv/bin/python manage.py load_library -v0 >/dev/null
read -r cookie session_path < <(.venv/bin/python manage.py shell -v0 -c "
from datetime import timedelta
from django.test import Client
from backend.accounts.models import CareLink, Clinic, User
from backend.programs.selectors import local_today
from backend.programs.services import assignment_create, program_create
clinic, _ = Clinic.objects.get_or_create(name='Lighthouse clinic')
physio, _ = User.objects.get_or_create(email='lh-physio@example.com', defaults={'role': 'physio', 'clinic': clinic})
patient, _ = User.objects.get_or_create(email='lh-patient@example.com', defaults={'role': 'patient', 'clinic': clinic, 'full_name': 'Lighthouse Patient'})
CareLink.objects.get_or_create(patient=patient, physio=physio)
item = {'exercise': 'glute-bridge', 'sets': 2, 'reps': None, 'hold_seconds': 20, 'rest_seconds': 0, 'per_side': False, 'notes': '', 'phase': 1}
assignment = patient.assignments.first() or assignment_create(actor=physio, program=program_create(actor=physio, name='Bridges', items=[item]), patient_id=patient.pk, start_date=local_today(patient) - timedelta(days=1), end_date=None, days_of_week=[1, 2, 3, 4, 5, 6, 7])
client = Client()
client.force_login(patient)
print(client.cookies['sessionid'].value, f'/session/{assignment.pk}')
")
for path in /login /today "$session_path"; do
  report=$(mktemp --suffix=.json)
  headers=()
  [ "$path" != /login ] && headers=(--extra-headers "{\"Cookie\": \"sessionid=$cookie\"}")
  echo "== $path"
  CHROME_PATH=/usr/bin/chromium npx --yes lighthouse@12 "http://127.0.0.1:$port$path" "${headers[@]}" \
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
done
