"""Settings for the annual-plan portal.

Every setting that differs between machines comes from the environment, and only here.
`.env.example` lists them. Without `DJANGO_SECRET_KEY` the portal runs in the embedded
demo mode (SQLite, a fixed throw-away key, demo users); production sets every variable.
"""

import json
import os
from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from plans.excel import TextXLSX

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEMO_MODE = not SECRET_KEY
if DEMO_MODE:
    # The embedded demo only: never used once DJANGO_SECRET_KEY is set.
    SECRET_KEY = "demo-only-insecure-key-set-DJANGO_SECRET_KEY-in-production"  # noqa: S105

# Off in the demo too: its users see the portal's Thai error pages, never Django's
# technical ones (developers set DJANGO_DEBUG=1; scripts/run serves the static files).
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEMO_MODE else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # the widgets' templates, for the project's form renderer (below)
    "import_export",
    "axes",  # sign-in lockout (below: "Sign-in and headers")
    "csp",  # Content-Security-Policy (below)
    "django_tasks",  # the task queue (below: "Background work")
    "django_tasks_db",
    "plans",
    "projects",
    "indicators",
    "budget",
    "progress",
    "nextyear",
    "reports",
    "search",  # reads every app above; no app imports it (search/indexing.py)
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outermost after security, so every response gets them (also those made by the
    # middleware below): the CSP, and no-store for signed-in users (config/security.py).
    "csp.middleware.CSPMiddleware",
    "config.security.NoStoreForSignedInMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.security.IdleSessionMiddleware",
    # The signed-in user is the author of what the request writes (plans/audit.py).
    "plans.audit.AuditMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A year without a plan or projects: the Thai empty state, also with DEBUG on.
    "plans.empty_year.EmptyYearMiddleware",
    # django-axes: last, as it asks (the lockout page after too many failed sign-ins).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "plans.access.offices_context",
                "plans.manage.views.menu",
                "progress.context_processors.waiting",
                "plans.notices.context.unread_notices",
            ],
            "builtins": ["plans.templatetags.thai"],
        },
    },
]
# Every form is rendered through templates/forms/ (one field template: label, required mark,
# input, help, errors).
FORM_RENDERER = "plans.forms.PortalFormRenderer"

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}

# -- SQLite under a few concurrent users ----------------------------------------------------
# Writers queue instead of failing with "database is locked": every transaction takes the
# write lock when it begins (IMMEDIATE: a reader never has to upgrade its lock midway, which
# SQLite refuses at once), waits up to DATABASE_SQLITE_TIMEOUT seconds for it, and WAL lets
# readers go on while one writes. PostgreSQL needs none of this: the services lock the rows
# they check (select_for_update).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": int(os.environ.get("DATABASE_SQLITE_TIMEOUT", "20")),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "reports:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย")]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
# Thai for the Django validation messages that Django's own Thai catalogue lacks.
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True
# Thousand separators would also go into years and ids: money is formatted explicitly.
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

# -- Storages and the cache (docs/deploy.md) -------------------------------------------------
# Static files: production serves what `collectstatic` put in STATIC_ROOT with hashed names
# (css/app.3f9c1e.css, cached for a year) and gzip/brotli copies, through WhiteNoise; the
# demo and the tests read the source files (runserver --insecure, or WhiteNoise's finders).
# The PDF renderer reads them through the same storage (reports/printing.py).
STATIC_STORAGES = {
    "manifest": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    "plain": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
_static_storage = os.environ.get("DJANGO_STATIC_STORAGE", "plain" if DEMO_MODE else "manifest")
if _static_storage not in STATIC_STORAGES:
    raise ImproperlyConfigured(f"DJANGO_STATIC_STORAGE={_static_storage!r}: manifest or plain")
if _static_storage == "manifest":
    # Before anything else reads the request: WhiteNoise answers /static/ from STATIC_ROOT
    # (hashed names cached for a year, gzip when the browser takes it). The demo's runserver
    # --insecure serves the source files itself.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
# Uploaded photos and generated PDFs: the file system under MEDIA_ROOT by default; several
# app servers share an S3-compatible bucket instead (DJANGO_FILE_STORAGE=
# storages.backends.s3.S3Storage with the `s3` extra installed, its options as JSON in
# DJANGO_FILE_STORAGE_OPTIONS: bucket_name, endpoint_url, access_key, secret_key…).
STORAGES = {
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_FILE_STORAGE", "django.core.files.storage.FileSystemStorage"
        ),
        "OPTIONS": json.loads(os.environ.get("DJANGO_FILE_STORAGE_OPTIONS") or "{}"),
    },
    "staticfiles": {"BACKEND": STATIC_STORAGES[_static_storage]},
}
# The cache: each process's own memory by default (right for one server); several servers
# share one: DJANGO_CACHE_URL=db://plan_cache (the database; run `manage.py createcachetable`)
# or redis://host:6379/1 (Redis through django-redis, the `redis` extra).
_cache_url = os.environ.get("DJANGO_CACHE_URL", "")
if not _cache_url:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Whole dashboard pages per user (about 16 kB each) and the offices' figures: a
            # few thousand entries, tens of MB per process at most; the oldest go first.
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("DJANGO_CACHE_MAX_ENTRIES", "3000"))},
        }
    }
elif _cache_url.startswith("db://"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": _cache_url.removeprefix("db://") or "plan_cache",
        }
    }
elif _cache_url.startswith(("redis://", "rediss://")):
    CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": _cache_url}}
else:
    raise ImproperlyConfigured("DJANGO_CACHE_URL: db://TABLE or redis://HOST:PORT/DB")
# How long an entry made from a data version may stay (plans/caching.py): an entry of an
# old version is never read again, this only bounds the memory it holds.
PLAN_CACHE_SECONDS = int(os.environ.get("DJANGO_PLAN_CACHE_SECONDS", str(24 * 60 * 60)))
# -- end storages and the cache ---------------------------------------------------------------

# -- Private uploaded files (plans/files.py) ------------------------------------------------
# Nothing serves MEDIA_ROOT publicly: photos and report PDFs go through permission-checked
# views (/files/...) that hand the file to django-sendfile2. "simple" (Django reads the
# file) is the demo's and the tests' default; production behind nginx sets
# SENDFILE_BACKEND=django_sendfile.backends.nginx and an `internal` location at SENDFILE_URL
# aliasing MEDIA_ROOT (README, "Private files").
SENDFILE_BACKEND = os.environ.get("SENDFILE_BACKEND", "django_sendfile.backends.simple")
SENDFILE_ROOT = MEDIA_ROOT
SENDFILE_URL = os.environ.get("SENDFILE_URL", "/protected-media/")
# Documents published for the public (/public/..., reports/publishing.py) are the one
# exception: served without sign-in, kept by browsers and shared caches this many seconds
# (then revalidated: 304 while unchanged), so a withdrawal reaches every reader within it.
PUBLIC_DOCUMENT_MAX_AGE = int(os.environ.get("DJANGO_PUBLIC_DOCUMENT_MAX_AGE", "600"))
# -- end private uploaded files ----------------------------------------------------------------

SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEMO_MODE)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEMO_MODE)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEMO_MODE else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEMO_MODE
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEMO_MODE)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_PROXY", False) else None
)

# -- Error pages --------------------------------------------------------------------------------
# templates/400.html, 403.html, 404.html and 500.html replace Django's English pages; a form
# posted without a valid CSRF token gets the Thai page of config/errors.py.
CSRF_FAILURE_VIEW = "config.errors.csrf_failure"
# -- end error pages ----------------------------------------------------------------------------

# -- Sign-in and headers ----------------------------------------------------------------------
# Lockout (django-axes): after DJANGO_LOGIN_FAILURE_LIMIT failed sign-ins, a username is
# refused from that address for DJANGO_LOGIN_COOLOFF_MINUTES (another address, or the same
# address with another username, is not); the Thai page of config/security.py says so.
# Axes' backend comes first and needs the request, which the sign-in and admin forms pass.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend, its user loaded with their data version (plans/caching.py)
    "config.security.PortalBackend",
    # Sessions signed in before PortalBackend name Django's own: they stay signed in.
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "config.security.lockout_response"
# Its admin pages are English only: a lock ends by itself, or `manage.py axes_reset_username`.
AXES_ENABLE_ADMIN = False
if env_bool("DJANGO_BEHIND_PROXY", False):
    # REMOTE_ADDR is the proxy's: count by the address the proxy forwards.
    AXES_CLIENT_IP_CALLABLE = "config.security.forwarded_client_ip"

# Sessions end after DJANGO_SESSION_IDLE_MINUTES without a request and when the browser
# closes (the cookie carries no expiry date). A signed-in request moves the expiry on, at
# most once a minute (config.security.IdleSessionMiddleware), so that pages, images and
# downloads are not each a write to the session table.
SESSION_ENGINE = "config.sessions"  # Django's database sessions, read in one plain query
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_IDLE_MINUTES", "30")) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Content-Security-Policy (django-csp 4): only the portal's own files; templates/ and
# static/js/ hold no inline script or style, and charts are drawn by static/js/dashboard.js.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
# Also sent by Django's defaults, pinned here since the header test asserts them.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# -- end sign-in and headers ------------------------------------------------------------------

# -- E-mail (password-reset links: plans/people/, "ลืมรหัสผ่าน" on the sign-in page) -------------
# The demo prints e-mails on the console; the tests keep them in memory (Django's locmem);
# production sets an SMTP server.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEMO_MODE
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")
PASSWORD_RESET_TIMEOUT = int(os.environ.get("DJANGO_PASSWORD_RESET_HOURS", "24")) * 3600
# -- end e-mail --------------------------------------------------------------------------------

# -- Notices (plans/notices/, progress/notices.py, progress/reminders.py) ----------------------
# The portal's address as people open it, for the links in e-mails (no trailing slash).
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000")
# `send_reminders` (daily) reminds the staff of a report not yet sent this many days before
# its quarter's deadline, and once it is overdue, every this many days (staff and their group
# director), for this many days after the deadline at most.
NOTICE_REMINDER_DAYS_BEFORE = int(os.environ.get("NOTICE_REMINDER_DAYS_BEFORE", "3"))
NOTICE_OVERDUE_EVERY_DAYS = int(os.environ.get("NOTICE_OVERDUE_EVERY_DAYS", "7"))
NOTICE_OVERDUE_FOR_DAYS = int(os.environ.get("NOTICE_OVERDUE_FOR_DAYS", "60"))
# -- end notices ---------------------------------------------------------------------------------

# -- Background work (django-tasks; README "Background work") ---------------------------------
# Tasks are declared in <app>/tasks.py with @django_tasks.task() and queued by services with
# <task>.enqueue(...) inside their transaction (reports/tasks.py says how). "database": the
# task is a row of the database and a worker process runs it (`manage.py run_worker`,
# started beside the server by scripts/run); "immediate": the caller runs it at once (the
# tests; a machine with no worker).
TASKS_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_tasks_backend = os.environ.get("DJANGO_TASKS_BACKEND", "database")
if _tasks_backend not in TASKS_BACKENDS:
    raise ImproperlyConfigured(
        f"DJANGO_TASKS_BACKEND={_tasks_backend!r}: use one of {', '.join(TASKS_BACKENDS)}"
    )
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[_tasks_backend]}}
# A worker exits after this many tasks (0: never) and its process manager starts a fresh
# one, so that the memory a big PDF took goes back to the system.
WORKER_MAX_TASKS = int(os.environ.get("DJANGO_WORKER_MAX_TASKS", "20"))
# A running PDF job says it is alive this often; one silent for REPORT_JOB_STALE_SECONDS lost
# its worker and is queued again, up to REPORT_JOB_MAX_ATTEMPTS starts, then failed.
REPORT_JOB_HEARTBEAT_SECONDS = float(os.environ.get("REPORT_JOB_HEARTBEAT_SECONDS", "10"))
REPORT_JOB_STALE_SECONDS = float(os.environ.get("REPORT_JOB_STALE_SECONDS", "60"))
REPORT_JOB_MAX_ATTEMPTS = int(os.environ.get("REPORT_JOB_MAX_ATTEMPTS", "2"))
# -- end background work ------------------------------------------------------------------------

IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
# The admin exports Excel only, through the portal's one cell rule (free text stays text,
# never a formula); CSV would hand "=..." to a spreadsheet as a live formula.
EXPORT_FORMATS = [TextXLSX]

# -- Failures reach someone ------------------------------------------------------------------
# DJANGO_ADMINS="ผู้ดูแลระบบ <it@example.go.th>, ops@example.go.th": every error the portal
# logs (a server error's traceback, a background task that failed, a sign-in lockout storm)
# is e-mailed to them from DJANGO_SERVER_EMAIL, through the e-mail settings above; the
# console (journald under systemd) keeps everything at DJANGO_LOG_LEVEL and above. Empty by
# default: nothing is sent. docs/deploy.md says how to point it at a shared mailbox.
ADMINS = [parseaddr(address) for address in env_list("DJANGO_ADMINS")]
SERVER_EMAIL = os.environ.get("DJANGO_SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_SUBJECT_PREFIX = "[ระบบติดตามแผน] "
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {
            "level": "ERROR",
            "class": "django.utils.log.AdminEmailHandler",
            "filters": ["require_debug_false"],
        },
    },
    "root": {
        "handlers": ["console", "mail_admins"],
        "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING"),
    },
    # Django's own default handlers for "django" would log and mail each error a second time.
    "loggers": {"django": {"handlers": [], "propagate": True}},
}
