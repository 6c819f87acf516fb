"""Shared fixtures: an office with a plan, and one user per role (plus an outsider from
another office). Factories live in tests/factories.py."""

import os

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from plans.models import Role
from tests import factories
from tests.seed import Seed


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """Tests hash passwords with a fast hasher: production's PBKDF2 takes a good part of a
    second per user, and the tests create and sign in hundreds of users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Tasks run in the caller (django-tasks' immediate backend), as on a machine without a
    worker; the tests of the real path (a worker process) set the database backend."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: a rolled-back test's data versions come round
    again in the next test (the seed's counters restart), and its cached figures with them."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def office(db):
    return factories.office()


@pytest.fixture
def plan(office):
    return factories.plan(office)


@pytest.fixture
def group(office):
    return factories.work_group(office, code="promotion", name="กลุ่มส่งเสริมการจัดการศึกษา")


@pytest.fixture
def other_group(office):
    return factories.work_group(office, code="audit", name="หน่วยตรวจสอบภายใน", kind="unit")


@pytest.fixture
def staff_user(office, group):
    return factories.member(office, "staff", Role.STAFF, group)


@pytest.fixture
def group_director(office, group):
    return factories.member(office, "groupdirector", Role.GROUP_DIRECTOR, group)


@pytest.fixture
def planner(office):
    return factories.member(office, "planner", Role.PLANNING)


@pytest.fixture
def director(office):
    return factories.member(office, "director", Role.DIRECTOR)


@pytest.fixture
def outsider(db):
    """A planner of another office: sees nothing of ours."""
    other = factories.office(code="other-office", name="สำนักงานเขตพื้นที่การศึกษาอื่น")
    return factories.member(other, "outsider", Role.PLANNING)


class SignInClient(Client):
    """Django's test client whose login() passes a request to authenticate(), as the
    portal's sign-in form does: the lockout backend (django-axes) refuses to authenticate
    without one. force_login() needs nothing."""

    def login(self, **credentials):
        credentials.setdefault("request", RequestFactory().post(reverse("login")))
        return super().login(**credentials)


@pytest.fixture
def client():
    return SignInClient()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite the tests use a database file of their own (under pytest's temporary
    directory, so parallel runs never share one), not Django's in-memory database: the
    concurrency tests need threads with connections of their own to one database, with the
    locking, WAL and timeout of the real thing."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        folder = tmp_path_factory.mktemp("sqlite")
        database.setdefault("TEST", {})["NAME"] = str(folder / "test.sqlite3")


@pytest.fixture(scope="session")
def fy2565_seed(django_db_setup, django_db_blocker) -> Seed:
    """The rows the whole FY2565 seed adds to an empty database, read once per session from a
    load that is rolled back at once: no test sees them unless it asks (fy2565_db)."""
    with django_db_blocker.unblock():
        return Seed.take()


@pytest.fixture
def fy2565_db(db, fy2565_seed):
    """The whole FY2565 seed, as load_demo leaves it (marked as its own, demo/guard.py), put
    into this test's database in a few milliseconds and gone with the test's transaction
    (or its flush): what one test changes, the next never sees."""
    return fy2565_seed.restore()


# -- browser tests (Playwright driving Debian's Chromium, never a downloaded browser) ------
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "th-TH", "viewport": {"width": 1280, "height": 900}}
