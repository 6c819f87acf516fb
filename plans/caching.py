"""Figures and pages kept in Django's cache under the version of the data they were made from
(plans/versions.py), so that they are computed once per change, not once per view, and are
never stale: every write moves its office's version on in the write's own transaction, and a
key holds the version, so the first request after a change misses and computes again. Old
entries are never read again and leave the cache by its own rules (timeout, culling, LRU).

The cache is Django's (settings.CACHES: each process's memory on one server; Redis or the
database cache shared by several). Two kinds of entry:

- **Shared** (:func:`office_cached`): what every reader of an office sees alike (the
  dashboard's figures, the annual report's HTML), under the office's ``data_version``.
  The caller has already decided that the user may read it; the key says nothing of them.
- **Per user** (:func:`per_user_page`): a whole page, which shows the user's own menu, rights,
  work queue and notices, under ``user_version`` (every office they read, and their
  notices). Served only to the same user, in the same browser (its CSRF cookie: the page
  holds a form token made from it), with no message waiting to be shown.

Version first, data second: the version is read before the data is computed, so a write
that lands in between leaves an entry under the old version, which nobody asks for again.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from plans import versions

T = TypeVar("T")
PREFIX = "plan-cache"
_MISSING = object()


def _release() -> str:
    """What code makes the entries: DJANGO_RELEASE, else the checkout's commit. A deploy
    makes new keys, so a shared cache (Redis, the database) never serves a page or data
    the code before it kept."""
    if os.environ.get("DJANGO_RELEASE"):
        return os.environ["DJANGO_RELEASE"]
    try:
        found = subprocess.run(
            ["git", "rev-parse", "HEAD"],  # noqa: S607 -- the deploy's own git (docs/deploy.md)
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return found.stdout.strip() or "unknown"


RELEASE = _release()


def timeout() -> int | None:
    """Seconds an entry is kept at most (settings.PLAN_CACHE_SECONDS): entries of old
    versions are never read, this only bounds the memory they hold."""
    return settings.PLAN_CACHE_SECONDS


def _key(kind: str, version: str, parts: tuple) -> str:
    """Every entry's key: its kind, the data version it was made from, its other inputs and
    the release (a deploy never reads what the code before it kept, pages or data)."""
    return f"{PREFIX}:{kind}:{_digest(RELEASE, version, parts)}"


def _digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def cached(name: str, version: str, parts: tuple, compute: Callable[[], T]) -> T:
    """``compute()`` once per (``name``, ``version``, ``parts``); ``parts`` are the inputs
    besides the data (ids, filters, the day), compared by their repr."""
    key = _key(name, version, parts)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, timeout())
    return value


def office_cached(name: str, office_id: int, parts: tuple, compute: Callable[[], T]) -> T:
    """Shared by every reader of the office: kept under its ``data_version``."""
    return cached(name, versions.data_version(office_id), parts, compute)


# -- whole pages per user ---------------------------------------------------------------------


def _page_key(request: HttpRequest, params: frozenset[str]) -> str | None:
    """The page's key for this user and browser, or None when it must not come from the
    cache (not signed in, a message to show, no CSRF cookie yet, a query parameter the page
    does not read: any other would make a new entry for every value anyone types)."""
    user = request.user
    csrf = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    if not user.is_authenticated or not csrf or len(get_messages(request)):
        return None
    if not set(request.GET) <= params:
        return None
    from plans.access import OFFICE_PARAM, OFFICE_SESSION_KEY, current_office

    if OFFICE_PARAM in request.GET:
        current_office(request)  # the office chosen is remembered, as the page would have
    parts = (
        request.path,
        sorted(request.GET.lists()),
        # What the page header shows of the user, and the rights their account carries.
        (user.pk, user.get_username(), user.get_full_name(), user.is_staff, user.is_superuser),
        # The office chosen earlier in the session (plans.access.current_office).
        request.session.get(OFFICE_SESSION_KEY),
        csrf,
        translation.get_language(),
        timezone.localdate().isoformat(),  # what is overdue or due depends on the day
    )
    return _key("page", versions.user_version(user), parts)


def per_user_page(*params: str) -> Callable[[Callable[..., HttpResponse]], Callable]:
    """Keep a GET view's successful HTML page for the same user and browser while nothing
    they may read has changed (two queries on a hit: the session, and the user with their
    version: config.security.PortalBackend). The view reads the query parameters `params`
    (the office's too, plans.access) and nothing but the data of plans.versions (no clock
    finer than the day, nothing of another user's)."""
    from plans.access import OFFICE_PARAM

    allowed = frozenset((*params, OFFICE_PARAM))

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            return _page(view, allowed, request, *args, **kwargs)

        return wrapper

    return decorator


def _page(view, allowed: frozenset[str], request: HttpRequest, *args, **kwargs) -> HttpResponse:
    key = _page_key(request, allowed) if request.method == "GET" else None
    if key is None:
        return view(request, *args, **kwargs)
    found = cache.get(key)
    if found is not None:
        content, content_type = found
        return HttpResponse(content, content_type=content_type)
    response = view(request, *args, **kwargs)
    streaming = getattr(response, "streaming", False)
    if response.status_code == 200 and not streaming and not response.cookies:
        content_type = response.get("Content-Type", "")
        if content_type.startswith("text/html"):
            cache.set(key, (response.content, content_type), timeout())
    return response
