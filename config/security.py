"""Sign-in lockout and the headers of signed-in pages (settings: "Sign-in and headers").

django-axes counts failed sign-ins and locks a username from an address; the pieces here
are the portal's: where the client's address comes from behind the reverse proxy, the Thai
lockout page, and `Cache-Control: no-store` on every response to a signed-in user.
"""

import time
from collections.abc import Callable

from axes.helpers import get_cool_off, get_failure_limit
from axes.utils import reset as reset_lockout
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from plans import versions

LOCKOUT_STATUS = 429  # Too Many Requests, as django-axes answers by default


def forwarded_client_ip(request: HttpRequest) -> str | None:
    """The client's address behind the portal's reverse proxy (DJANGO_BEHIND_PROXY): the
    last address in X-Forwarded-For, the one the proxy itself appended. Earlier entries are
    whatever the client sent and could be forged to dodge the lockout."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
    return addresses[-1] if addresses else request.META.get("REMOTE_ADDR")


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """The Thai page shown instead of signing in once a username has failed too often from
    this address (settings.AXES_LOCKOUT_CALLABLE)."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "minutes": round(cool_off.total_seconds() / 60) if cool_off else None,
    }
    return render(request, "registration/lockout.html", context, status=LOCKOUT_STATUS)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's page behind a set-password link (a reset or an invitation): a password set
    there also lifts a sign-in lockout, so the member signs in with it at once instead of
    waiting out the cool-off their forgotten password caused."""

    def form_valid(self, form):
        response = super().form_valid(form)
        reset_lockout(username=self.user.get_username())
        return response


class NoStoreForSignedInMiddleware:
    """Nothing shown to a signed-in user may be kept by the browser or a proxy: an office's
    plan and money would otherwise come back with the back button after signing out, or to
    the next person at a shared computer. Adds what Django's `never_cache` adds
    (`Cache-Control: max-age=0, no-cache, no-store, must-revalidate, private`)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response


SESSION_REFRESH_SECONDS = 60
SESSION_SEEN_KEY = "_seen"


class IdleSessionMiddleware:
    """Moves a signed-in session's expiry on (SESSION_COOKIE_AGE from now) when it was last
    moved more than a minute ago: the idle timeout holds to the minute, and a page with its
    images and downloads is one session write, not one per request (on SQLite every write
    waits its turn)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is not None and user is not None and user.is_authenticated:
            now = int(time.time())
            if now - session.get(SESSION_SEEN_KEY, 0) >= SESSION_REFRESH_SECONDS:
                session[SESSION_SEEN_KEY] = now  # marks the session modified: saved, expiry on
        return response


class PortalBackend(ModelBackend):
    """Django's ModelBackend (the portal's passwords), whose signed-in user is loaded with
    the version of what they may read (plans.versions.user_version) in the same query, in
    SQL written once here: a page kept for them in the cache (plans/caching.py) is answered
    after two queries (the session and this one), and building them through the ORM cost
    more than running them (bench/dashboard_load.py)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        """ModelBackend's check, said once: when it fails, no backend after this one
        (Django's ModelBackend, listed for sessions signed in before) hashes the password a
        second time. Django then answers the failure as it would have, one
        `user_login_failed` for the lockout's count."""
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            raise PermissionDenied
        return user

    def get_user(self, user_id):
        model = get_user_model()
        table = connection.ops.quote_name(model._meta.db_table)
        version = versions.user_version_sql(model._meta.db_table)  # no user text in it
        key = connection.ops.quote_name(model._meta.pk.column)
        sql = (
            f"SELECT {table}.*, {version} AS {versions.USER_VERSION} FROM {table} WHERE {key} = %s"  # noqa: S608
        )
        user = next(iter(model._default_manager.raw(sql, [user_id])), None)
        return user if user is not None and self.user_can_authenticate(user) else None
