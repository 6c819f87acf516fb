"""The main menu's count of the user's work queue (progress.selectors.waiting_for_user)."""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from plans.access import current_office
from progress.selectors import waiting_for_user


def waiting(request) -> dict:
    """Context processor: `waiting`, read only by pages that show the menu (one query)."""
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
        return waiting_for_user(user, office_id=office.pk, today=timezone.localdate())

    return {"waiting": SimpleLazyObject(read)}
