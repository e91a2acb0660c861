"""Upright settings: one module, every knob from the environment.

With no environment at all this runs the whole product on one machine: SQLite and
the Celery broker live under ``var/``, a development secret key is generated once.
``DATABASE_URL`` switches to PostgreSQL and ``REDIS_URL`` to Redis (broker + cache).
``DEBUG=0`` is production: it refuses to start without ``SECRET_KEY`` and
``ALLOWED_HOSTS`` and turns on every HTTPS hardening that ``check --deploy`` asks for.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path

import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured

from backend.env import (
    beat_every,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
    redis_url_for_test_worker,
)
from backend.inbox.endpoint_policy import KNOWN_PUSH_SERVICE_HOSTS
from backend.security import pwa_cache_headers

# Lets classes the type stubs make generic be written so at run time: ModelAdmin[Message].
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))
# `make test` runs the suite in several pytest-xdist processes. Each gets a var/ folder and a
# Redis database of its own: every test clears the cache (FLUSHDB), and the filesystem
# broker and the SQLite test database live under var/. Empty outside such a run.
TEST_WORKER = env_str("PYTEST_XDIST_WORKER")
if TEST_WORKER:
    VAR_DIR = VAR_DIR / f"xdist-{TEST_WORKER}"
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", True)


def _dev_secret_key() -> str:
    """Generate the development key once and keep it, so sessions survive restarts."""
    path = VAR_DIR / "dev-secret-key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if DEBUG:
    SECRET_KEY = SECRET_KEY or _dev_secret_key()
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]", "testserver"]
else:
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "SECRET_KEY (or SECRET_KEY_FILE) must be set to at least 50 random characters "
            "when DEBUG is off."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")

# The public address of the site, used in invite links and e-mails.
SITE_URL = env_str("SITE_URL", f"http://localhost:{env_int('PORT', 8000)}").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "backend.accounts",
    "exercises",
    "backend.programs",
    "backend.inbox",
    "backend.outcomes",
    "backend.nudges",
    "backend.interop",
    "backend.messaging",
    "backend.demo",  # seed_demo: above every other app
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "backend.security.SecurityHeadersMiddleware",
    "backend.request_guard.RequestGuardMiddleware",
    # Gzip for /api/ JSON reads only (BREACH: see backend/compression.py).
    "backend.compression.ApiJsonGZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "backend.i18n.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "backend.urls"
WSGI_APPLICATION = "backend.wsgi.application"
ASGI_APPLICATION = "backend.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "backend" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

# --- Database -------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": database_from_url(DATABASE_URL)}
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60, minimum=0)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "upright.sqlite3",
            # WAL lets the web process read while the worker writes; the timeout makes a
            # writer wait for the lock instead of failing at once.
            # A file, not memory, for tests too: a real Celery worker in another process
            # must see what the test wrote.
            "TEST": {"NAME": str(VAR_DIR / "test-upright.sqlite3")},
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# --- Redis: cache and broker ------------------------------------------------------------
REDIS_URL = redis_url_for_test_worker(env_str("REDIS_URL"), TEST_WORKER)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "upright"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    # Per process: good enough for one web process in development. Production sets
    # REDIS_URL so the login throttle counters are shared by every gunicorn worker.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The broker: BROKER_URL when set (RabbitMQ, e.g. amqp://guest:guest@127.0.0.1:5672//, or
# another Redis), else REDIS_URL's Redis, else a folder under var/ (one machine).
BROKER_URL = redis_url_for_test_worker(env_str("BROKER_URL"), TEST_WORKER) or REDIS_URL
CELERY_BROKER_URL = BROKER_URL or "filesystem://"
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {}
if BROKER_URL.startswith(("amqp://", "amqps://", "pyamqp://")):
    # RabbitMQ gives an unacknowledged task back as soon as its worker's connection
    # drops (no visibility timeout). Its consumer_timeout (30 min by default) must stay
    # above the longest countdown a retry waits (PUSH_RETRY backoff, at most 10 min).
    CELERY_BROKER_TRANSPORT_OPTIONS = {}
elif not BROKER_URL:
    _queue_dir = VAR_DIR / "celery-queue"
    for _sub in ("queue", "processed", "control"):
        (_queue_dir / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir / "queue"),
        "data_folder_out": str(_queue_dir / "queue"),
        "processed_folder": str(_queue_dir / "processed"),
        "store_processed": False,
        # Broadcast/remote-control messages; kombu's default is ./control in the cwd.
        "control_folder": str(_queue_dir / "control"),
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # A task a worker took but never acknowledged (the worker died) goes back to the
        # queue after this long; tasks are idempotent, so a redelivery is harmless.
        "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600, minimum=5),
    }
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A broker outage of any length: the worker keeps trying to reconnect (Celery's default
# gives up after 100 attempts and exits). The dispatcher keeps committing nudges in the
# meantime and the requeue sweep sends them once the broker is back.
CELERY_BROKER_CONNECTION_RETRY = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
# A task running when the broker connection drops finishes (its pushes go into the
# ledger); cancelling it would only make the redelivery redo its work.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = False
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# CELERY_BEAT_SCHEDULE: at the end, every job in one place.

# --- Auth -----------------------------------------------------------------------------
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Not a rule: revokes tokens and sessions and e-mails the user after any change.
    {"NAME": "backend.accounts.passwords.PasswordChangeConsequences"},
]
# Sessions that know their user (backend/accounts/sessions.py).
SESSION_ENGINE = "backend.accounts.sessions"
# Two-factor (django-otp): the issuer shown in authenticator apps.
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Upright")
LOGIN_THROTTLE_ACCOUNT_LIMIT = env_int("LOGIN_THROTTLE_ACCOUNT_LIMIT", 5, minimum=1)
LOGIN_THROTTLE_IP_LIMIT = env_int("LOGIN_THROTTLE_IP_LIMIT", 30, minimum=1)
LOGIN_THROTTLE_WINDOW_SECONDS = env_int("LOGIN_THROTTLE_WINDOW_SECONDS", 900, minimum=1)
# API tokens stop working after this many days unused, and this many days after issue.
API_TOKEN_IDLE_DAYS = env_int("API_TOKEN_IDLE_DAYS", 30, minimum=1)
API_TOKEN_MAX_DAYS = env_int("API_TOKEN_MAX_DAYS", 365, minimum=1)
INVITE_TTL = timedelta(hours=env_int("INVITE_TTL_HOURS", 72, minimum=1))
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 3 * 3600, minimum=60)
# At most one reset e-mail per account in this many seconds.
PASSWORD_RESET_COOLDOWN_SECONDS = env_int("PASSWORD_RESET_COOLDOWN_SECONDS", 300, minimum=1)

# --- E-mail ---------------------------------------------------------------------------
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Upright <no-reply@localhost>")

# --- Internationalisation ---------------------------------------------------------------
# The user's ``language`` field, else Accept-Language, else English (backend/i18n.py).
# Catalogues: locale/<code>/LC_MESSAGES/django.po (``make messages``; compiled by make).
LANGUAGE_CODE = "en"
# The app's languages (issue #19); the PWA offers the same three (frontend_pwa/src/lib/i18n.ts).
LANGUAGES = [("en", "English"), ("es", "Español"), ("de", "Deutsch")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files and the PWA -----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
PWA_DIST_DIR = BASE_DIR / "frontend_pwa" / "dist"
# The built PWA is served from the site root (/, /sw.js, /manifest.webmanifest, /assets/…).
WHITENOISE_ROOT = PWA_DIST_DIR if PWA_DIST_DIR.is_dir() else None
WHITENOISE_ADD_HEADERS_FUNCTION = pwa_cache_headers
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- API ------------------------------------------------------------------------------
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("MAX_REQUEST_BYTES", 256 * 1024, minimum=1024)
# Deeper JSON bodies get 400 (no request of ours nests beyond a handful of levels).
MAX_JSON_DEPTH = env_int("MAX_JSON_DEPTH", 32, minimum=4, maximum=200)
CSRF_FAILURE_VIEW = "backend.errors.csrf_failure"
# The admin's address ("admin/" by default) or ADMIN_ENABLED=0 for none at all; the API
# docs and schema: API_DOCS=public, staff (staff accounts only) or off.
ADMIN_URL_PATH = env_str("ADMIN_URL_PATH", "admin/").strip("/") + "/"
ADMIN_ENABLED = env_bool("ADMIN_ENABLED", True)
API_DOCS = env_str("API_DOCS", "public")
if API_DOCS not in {"public", "staff", "off"}:
    raise ImproperlyConfigured("API_DOCS must be public, staff or off.")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an unauthenticated call answers 401 + WWW-Authenticate, not 403.
        "backend.accounts.tokens.ExpiringTokenAuthentication",
        "backend.accounts.authentication.ClinicSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["backend.request_guard.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "backend.api.Pagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "backend.openapi_extensions.ErrorDocumentingAutoSchema",
    "EXCEPTION_HANDLER": "backend.api.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_THROTTLE_RATES": {"anon": env_str("ANON_THROTTLE_RATE", "120/min")},
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Upright API",
    "DESCRIPTION": "Home-exercise programs for lower-back pain: library, programs, sessions, "
    "progress and nudges.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "RoleEnum": "backend.accounts.models.Role",
        "InviteRoleEnum": ["patient", "physio"],
        "CheckStatusEnum": ["ok", "error"],
    },
}

# --- Security -------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    # Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^api/health/$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
USE_X_FORWARDED_FOR = env_bool("USE_X_FORWARDED_FOR", False)

# --- Programs (backend/programs) -------------------------------------------------------
ADHERENCE_SCAN_SECONDS = env_int("ADHERENCE_SCAN_SECONDS", 3600, minimum=60)
# The caseload's sort keys whose local day moved on (programs/summary.py): O(due).
CASELOAD_REFRESH_SECONDS = env_int("CASELOAD_REFRESH_SECONDS", 300, minimum=60)

# --- Nudges (backend/nudges) -----------------------------------------------------------


def _dev_vapid_keys() -> tuple[str, str]:
    """Generate a development VAPID key pair once and keep it under VAR_DIR, so browser
    push subscriptions (bound to the public key) survive restarts."""
    import base64

    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    def b64url(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")

    path = VAR_DIR / "dev-vapid-private-key"
    if not path.exists():
        key = ec.generate_private_key(ec.SECP256R1())
        path.write_text(b64url(key.private_numbers().private_value.to_bytes(32, "big")))
        path.chmod(0o600)
    private = path.read_text(encoding="utf-8").strip()
    padded = private + "=" * (-len(private) % 4)
    number = int.from_bytes(base64.urlsafe_b64decode(padded), "big")
    public = ec.derive_private_key(number, ec.SECP256R1()).public_key()
    return private, b64url(public.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint))


# VAPID (RFC 8292): base64url raw P-256 private key (32 bytes) and uncompressed public key
# (65 bytes), from the environment or *_FILE. Unset with DEBUG on: a development pair is
# generated once. Unset in production: Web Push is off (the inbox still works) until set.
VAPID_PRIVATE_KEY = env_str("VAPID_PRIVATE_KEY")
VAPID_PUBLIC_KEY = env_str("VAPID_PUBLIC_KEY")
if DEBUG and not VAPID_PRIVATE_KEY:
    VAPID_PRIVATE_KEY, VAPID_PUBLIC_KEY = _dev_vapid_keys()
# The push service may contact this address about our traffic (mailto: or https:).
VAPID_SUBJECT = env_str("VAPID_SUBJECT", "mailto:" + DEFAULT_FROM_EMAIL.split("<")[-1].strip(">"))
# How long a VAPID JWT is valid (RFC 8292 allows up to 24 h); reused per push-service origin
# and refreshed a few minutes before it expires.
VAPID_TOKEN_LIFETIME_SECONDS = env_int("VAPID_TOKEN_LIFETIME_SECONDS", 12 * 3600, minimum=600)

# The dispatcher: one beat task every NUDGE_DISPATCH_INTERVAL seconds claims due plans.
NUDGE_DISPATCH_INTERVAL_SECONDS = env_int("NUDGE_DISPATCH_INTERVAL_SECONDS", 30, minimum=5)
# A slot found more than this late (an outage, a stopped beat) is skipped, not sent late.
NUDGE_GRACE_MINUTES = env_int("NUDGE_GRACE_MINUTES", 10, minimum=1)
# Plans claimed per transaction, and messages per delivery task.
NUDGE_CLAIM_BATCH_SIZE = env_int("NUDGE_CLAIM_BATCH_SIZE", 1000, minimum=1)
NUDGE_DELIVERY_BATCH_SIZE = env_int("NUDGE_DELIVERY_BATCH_SIZE", 200, minimum=1)
# A tick that finds more due than one batch asks this many more worker processes to claim
# with it (PostgreSQL: SKIP LOCKED shares the rows out). 1 suits the Procfile's two worker
# processes; more workers drain a backlog (09:00 in one time zone) faster.
NUDGE_DISPATCH_HELPERS = env_int("NUDGE_DISPATCH_HELPERS", 1, minimum=0, maximum=64)
# A push enqueued this long ago and still not done is enqueued again (the broker lost it).
NUDGE_REQUEUE_AFTER_MINUTES = env_int("NUDGE_REQUEUE_AFTER_MINUTES", 2, minimum=1)
# Push TTL: how long the push service keeps a nudge for an offline device. Past it the
# nudge is stale ("stand up" an hour later helps nobody); the inbox keeps it.
NUDGE_PUSH_TTL_SECONDS = env_int("NUDGE_PUSH_TTL_SECONDS", 15 * 60, minimum=0)
REMINDER_PUSH_TTL_SECONDS = env_int("REMINDER_PUSH_TTL_SECONDS", 3 * 3600, minimum=0)
PUSH_TIMEOUT_SECONDS = env_int("PUSH_TIMEOUT_SECONDS", 10, minimum=1)
# Pushes in flight at once per delivery task (threads overlapping network and database).
PUSH_CONCURRENCY = env_int("PUSH_CONCURRENCY", 8, minimum=1, maximum=64)
# Nudges and reminders are retried until their send deadline; this caps messages without.
PUSH_MAX_RETRIES = env_int("PUSH_MAX_RETRIES", 6, minimum=0)
# An outbound proxy for push services, if the network needs one (e.g. http://proxy:3128);
# the environment's HTTP(S)_PROXY is not read.
PUSH_HTTP_PROXY = env_str("PUSH_HTTP_PROXY")
# Retry backoff for 429/5xx: base * 2**attempt seconds with jitter, capped at 10 minutes.
PUSH_RETRY_BASE_SECONDS = float(env_str("PUSH_RETRY_BASE_SECONDS", "5"))
# A delivery task leases its batch this long and renews the lease every third of it while
# it runs; a duplicate task leaves leased rows alone. After a whole-worker crash the
# batch is free again within one lease (then the sweep sends it): short enough that a
# nudge (sendable for NUDGE_GRACE_MINUTES) still goes out, long enough that renewals
# are rare. A retry waiting for Retry-After holds its lease over the wait.
NUDGE_PUSH_LEASE_SECONDS = env_int("NUDGE_PUSH_LEASE_SECONDS", 60, minimum=1)
# Routine reminders: a follow-up this many hours after the first, never after the hour.
REMINDER_FOLLOW_UP_HOURS = env_int("REMINDER_FOLLOW_UP_HOURS", 3, minimum=1)
REMINDER_LATEST_HOUR = env_int("REMINDER_LATEST_HOUR", 21, minimum=1, maximum=24)
REMINDER_INTERVAL_SECONDS = env_int("REMINDER_INTERVAL_SECONDS", 60, minimum=10)

# Plain-http push endpoints are accepted only on loopback, and only when this is on
# (development; the tests' local push service). Production push services are https.
PUSH_ALLOW_LOOPBACK_HTTP = env_bool("PUSH_ALLOW_LOOPBACK_HTTP", DEBUG)
# Push endpoints the worker may POST to: exact host or subdomain; "*" for any public host.
# Production default: the browsers' push services (backend/inbox/endpoint_policy.py).
# Whatever the list, every address a host resolves to must be public (SSRF guard).
PUSH_ALLOWED_HOSTS = env_list("PUSH_ALLOWED_HOSTS", ["*"] if DEBUG else KNOWN_PUSH_SERVICE_HOSTS)

# Questionnaire reminders: announced from this local hour (until REMINDER_LATEST_HOUR).
QUESTIONNAIRE_EARLIEST_HOUR = env_int("QUESTIONNAIRE_EARLIEST_HOUR", 9, minimum=0, maximum=23)
QUESTIONNAIRE_INTERVAL_SECONDS = env_int("QUESTIONNAIRE_INTERVAL_SECONDS", 900, minimum=60)

# Calendar busy times (backend/nudges/calendar_feed.py): each feed is read this often,
# with these limits. Plain http to 127.0.0.1 is for the tests' local feed server only.
CALENDAR_FETCH_MINUTES = env_int("CALENDAR_FETCH_MINUTES", 15, minimum=5)
CALENDAR_REFRESH_INTERVAL_SECONDS = env_int("CALENDAR_REFRESH_INTERVAL_SECONDS", 300, minimum=30)
CALENDAR_CONNECT_TIMEOUT_SECONDS = env_int("CALENDAR_CONNECT_TIMEOUT_SECONDS", 5, minimum=1)
CALENDAR_READ_TIMEOUT_SECONDS = env_int("CALENDAR_READ_TIMEOUT_SECONDS", 10, minimum=1)
CALENDAR_MAX_BYTES = env_int("CALENDAR_MAX_BYTES", 1_000_000, minimum=1000)
CALENDAR_ALLOW_LOOPBACK_HTTP = False

# --- Messaging, alerts, time log, monitoring reports (backend/messaging) -----------------
MESSAGE_MAX_CHARS = env_int("MESSAGE_MAX_CHARS", 2000, minimum=1)
MESSAGE_PUSH_TTL_SECONDS = env_int("MESSAGE_PUSH_TTL_SECONDS", 86400, minimum=60)
# Physios who chose the e-mail digest get at most one per this interval.
MESSAGE_DIGEST_INTERVAL_SECONDS = env_int("MESSAGE_DIGEST_INTERVAL_SECONDS", 3600, minimum=60)
TIME_ENTRY_EDIT_DAYS = env_int("TIME_ENTRY_EDIT_DAYS", 7, minimum=0)
# Monitoring report bands (US RTM device-supply codes count 2-15 and 16+ days per 30).
RTM_PERIOD_DAYS = env_int("RTM_PERIOD_DAYS", 30, minimum=1)
RTM_PARTIAL_DAYS = env_int("RTM_PARTIAL_DAYS", 2, minimum=1)
RTM_FULL_DAYS = env_int("RTM_FULL_DAYS", 16, minimum=1)
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]["TimeCategoryEnum"] = (  # type: ignore[index]
    "backend.messaging.models.TimeCategory"
)
# Two "category" enums now (exercises, time log): name both (the values of
# exercises.vocabulary.EXERCISE_CATEGORIES with their labels).
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]["ExerciseCategoryEnum"] = [  # type: ignore[index]
    ("core", "Core"),
    ("posture", "Posture"),
    ("mobility", "Mobility"),
    ("micro-break", "Micro break"),
]

# --- Jobs (Celery beat): a few fixed periodic tasks, none per user; each expires just
# under its interval, so a backlog after an outage runs once, not once per missed tick.
CELERY_BEAT_SCHEDULE = {
    "programs-scan-adherence": beat_every(
        "programs.scan_adherence", ADHERENCE_SCAN_SECONDS, expires=ADHERENCE_SCAN_SECONDS - 30
    ),
    # The caseload's sort keys whose local day moved on (programs/summary.py): O(due).
    "programs-refresh-caseload": beat_every("programs.refresh_caseload", CASELOAD_REFRESH_SECONDS),
    "nudges-calendars": beat_every("nudges.calendars_tick", CALENDAR_REFRESH_INTERVAL_SECONDS),
    "nudges-dispatch": beat_every("nudges.dispatch_tick", NUDGE_DISPATCH_INTERVAL_SECONDS),
    "nudges-reminders": beat_every("nudges.reminders_tick", REMINDER_INTERVAL_SECONDS),
    # Re-enqueues pushes the broker lost (inbox/delivery.py: requeue_undelivered); as often
    # as the dispatcher ticks, which used to run it at the end of each tick.
    "inbox-requeue": beat_every("inbox.requeue_undelivered", NUDGE_DISPATCH_INTERVAL_SECONDS),
    "nudges-questionnaires": beat_every(
        "nudges.questionnaires_tick", QUESTIONNAIRE_INTERVAL_SECONDS
    ),
    "messaging-digest": beat_every("messaging.digest_tick", MESSAGE_DIGEST_INTERVAL_SECONDS / 4),
}
