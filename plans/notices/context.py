"""The main menu's count of the user's unread notices (plans.notices.selectors.unread_count)."""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject

from plans.notices.selectors import unread_count


def unread_notices(request) -> dict:
    """Context processor: `unread_notices`, read only by pages that show the menu (one
    query)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notices": SimpleLazyObject(lambda: unread_count(user))}
