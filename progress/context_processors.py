"""The main menu's count of the user's work queue (progress.selectors.waiting_for_user)."""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from plans import caching, versions
from plans.access import current_office
from progress.selectors import waiting_for_user


def waiting(request) -> dict:
    """Context processor: `waiting`, read only by pages that show the menu: one query, and
    only when what the user may read changed since it was counted for them
    (plans.versions.user_version, loaded with the user: plans/caching.py)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def read():
        try:
            office = current_office(request)
        except Http404:
            return None
        if office is None:
            return None
        today = timezone.localdate()
        return caching.cached(  # under what the user may read: loaded with the user
            "menu-waiting",
            versions.user_version(user),
            (office.pk, user.pk, user.is_superuser, today),
            lambda: waiting_for_user(user, office_id=office.pk, today=today),
        )

    return {"waiting": SimpleLazyObject(read)}
