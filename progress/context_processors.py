"""The main menu's count of the user's work queue (progress.selectors.waiting_for_user)."""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from plans import caching
from plans.access import current_office
from progress.selectors import waiting_for_user


def waiting(request) -> dict:
    """Context processor: `waiting`, read only by pages that show the menu: one query, and
    only when the office's data changed since it was counted for the user (plans/caching.py)."""
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
        return caching.office_cached(  # per user: the user is part of the key
            "menu-waiting",
            office.pk,
            (user.pk, user.is_superuser, today),
            lambda: waiting_for_user(user, office_id=office.pk, today=today),
        )

    return {"waiting": SimpleLazyObject(read)}
