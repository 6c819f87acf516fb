"""Settings from the environment: production values pass Django's deployment checks, the
demo mode is what a missing secret key gives, SQLite gets its concurrency options and
PostgreSQL does not, and signed-in pages carry the security headers."""

import json
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

PRODUCTION = {
    "DJANGO_SECRET_KEY": "x" * 20 + "-production-secret-for-the-check-only-0123456789",
    "DJANGO_ALLOWED_HOSTS": "plan.example.go.th",
}
# Variables of the test run itself that must not leak into the settings being checked.
NOT_INHERITED = {
    "DJANGO_SECRET_KEY",
    "DJANGO_DEBUG",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DATABASE_URL",
    "DJANGO_SESSION_IDLE_MINUTES",
    "DJANGO_BEHIND_PROXY",
    "DJANGO_TASKS_BACKEND",
    "DJANGO_STATIC_STORAGE",
    "DJANGO_FILE_STORAGE",
    "DJANGO_FILE_STORAGE_OPTIONS",
    "DJANGO_CACHE_URL",
}


def _environment(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    return {**env, "DJANGO_SETTINGS_MODULE": "config.settings", **values}


SQLITE_URL = "sqlite:////srv/plan/plan.db"
POSTGRES_URL = "postgres://plan@127.0.0.1:5432/plan"
ENVIRONMENTS = {
    "demo": {},
    "production": PRODUCTION,
    "production on SQLite": {**PRODUCTION, "DATABASE_URL": SQLITE_URL},
    "production on PostgreSQL": {**PRODUCTION, "DATABASE_URL": POSTGRES_URL},
    "production, tasks in the request": {**PRODUCTION, "DJANGO_TASKS_BACKEND": "immediate"},
    "several servers": {
        **PRODUCTION,
        "DJANGO_FILE_STORAGE": "storages.backends.s3.S3Storage",
        "DJANGO_FILE_STORAGE_OPTIONS": '{"bucket_name": "plan", "endpoint_url": "https://s3.example"}',
        "DJANGO_CACHE_URL": "redis://cache.example:6379/1",
    },
    "database cache": {**PRODUCTION, "DJANGO_CACHE_URL": "db://plan_cache"},
    "tuned": {"DJANGO_SESSION_IDLE_MINUTES": "10", "DJANGO_BEHIND_PROXY": "true"},
}
# Run in a fresh interpreter: config/settings.py executed once per environment (its upper-case
# names are what Django's settings hold), the values wanted printed as JSON.
SCRIPT = """
import json, os, runpy, sys
found = {}
for name, env in json.load(sys.stdin).items():
    os.environ.clear()
    os.environ.update(env)
    s = runpy.run_module("config.settings")
    db = s["DATABASES"]["default"]
    found[name] = {
        "DEBUG": s["DEBUG"], "DEMO_MODE": s["DEMO_MODE"], "ENGINE": db["ENGINE"],
        "OPTIONS": db.get("OPTIONS", {}), "SESSION_COOKIE_AGE": s["SESSION_COOKIE_AGE"],
        # Unset, django-axes takes the address from REMOTE_ADDR.
        "AXES_CLIENT_IP_CALLABLE": s.get("AXES_CLIENT_IP_CALLABLE"),
        "TASKS": s["TASKS"]["default"]["BACKEND"],
        "STORAGES": s["STORAGES"], "CACHE": s["CACHES"]["default"],
        "WHITENOISE": "whitenoise.middleware.WhiteNoiseMiddleware" in s["MIDDLEWARE"],
    }
print(json.dumps(found))
"""


@pytest.fixture(scope="module")
def derived() -> dict[str, dict]:
    """The settings that config/settings.py derives from each of ENVIRONMENTS (one process
    for all of them: each takes a fraction of a second, a Python start several times that)."""
    environments = {name: _environment(**values) for name, values in ENVIRONMENTS.items()}
    result = subprocess.run(  # noqa: S603 - a fixed script run by our own interpreter
        [sys.executable, "-c", SCRIPT],
        cwd=settings.BASE_DIR,
        input=json.dumps(environments),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_deploy_check_is_clean_with_production_values(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=_environment(**PRODUCTION, DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.db'}"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_without_a_secret_key_the_portal_runs_as_the_demo(derived):
    demo, production = derived["demo"], derived["production"]
    # DEBUG stays off in the demo too: its users get the Thai error pages.
    assert (demo["DEMO_MODE"], demo["DEBUG"]) == (True, False)
    assert (production["DEMO_MODE"], production["DEBUG"]) == (False, False)


def test_sqlite_queues_writers_and_postgresql_keeps_its_own_options(derived):
    sqlite = derived["production on SQLite"]
    assert sqlite["ENGINE"] == "django.db.backends.sqlite3"
    assert sqlite["OPTIONS"] == {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    postgres = derived["production on PostgreSQL"]
    assert postgres["ENGINE"] == "django.db.backends.postgresql"
    assert postgres["OPTIONS"] == {}


def test_idle_timeout_and_proxy_address_come_from_the_environment(derived):
    tuned = derived["tuned"]
    assert tuned["SESSION_COOKIE_AGE"] == 600
    assert tuned["AXES_CLIENT_IP_CALLABLE"] == "config.security.forwarded_client_ip"
    default = derived["demo"]
    assert default["SESSION_COOKIE_AGE"] == 30 * 60
    assert default["AXES_CLIENT_IP_CALLABLE"] is None


def test_tasks_go_to_the_database_queue_unless_told_to_run_at_once(derived):
    # The demo too: scripts/run starts a worker beside the server.
    assert derived["demo"]["TASKS"] == "django_tasks_db.DatabaseBackend"
    assert derived["production"]["TASKS"] == "django_tasks_db.DatabaseBackend"
    immediate = "django_tasks.backends.immediate.ImmediateBackend"
    assert derived["production, tasks in the request"]["TASKS"] == immediate


def test_production_serves_hashed_static_files_and_the_demo_the_sources(derived):
    production, demo = derived["production"], derived["demo"]
    manifest = "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert production["STORAGES"]["staticfiles"]["BACKEND"] == manifest
    assert production["WHITENOISE"] is True
    plain = "django.contrib.staticfiles.storage.StaticFilesStorage"
    assert demo["STORAGES"]["staticfiles"]["BACKEND"] == plain  # runserver --insecure
    assert demo["WHITENOISE"] is False


def test_storage_and_cache_are_switched_from_the_environment(derived):
    one = derived["production"]
    assert one["STORAGES"]["default"] == {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {},
    }
    assert one["CACHE"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    several = derived["several servers"]
    assert several["STORAGES"]["default"] == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": "plan", "endpoint_url": "https://s3.example"},
    }
    assert several["CACHE"] == {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://cache.example:6379/1",
    }
    assert derived["database cache"]["CACHE"] == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "plan_cache",
    }


@pytest.mark.django_db
def test_signed_in_pages_carry_the_security_headers(client, plan, staff_user):
    client.force_login(staff_user)
    response = client.get(reverse("budget:overview", args=[2565]))
    assert response.status_code == 200
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
        if directive.strip()
    )
    assert policy["default-src"] == "'self'"
    assert policy["img-src"] == "'self' data:"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    cache = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= cache
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_the_sign_in_page_has_the_policy_too(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "default-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_an_error_page_for_a_signed_in_user_is_not_stored_either(client, staff_user):
    client.force_login(staff_user)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style\b", re.I), "<style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I), "event handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def test_no_template_needs_what_the_policy_forbids():
    """The policy allows no inline script or style: a template that used one would break
    silently in the browser, so none may."""
    found = []
    for path in sorted((settings.BASE_DIR / "templates").rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for pattern, what in INLINE:
            if pattern.search(text):
                found.append(f"{path.relative_to(settings.BASE_DIR)}: {what}")
    assert found == []
