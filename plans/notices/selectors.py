"""Reads of a user's notices: their list and the menu's count of the unread ones. Both show
the notices of the offices the user still belongs to, written to be seen in the portal."""

from __future__ import annotations

from django.db.models import QuerySet

from plans.models import Notice, Office


def notice_list_for_user(user) -> QuerySet[Notice]:
    """The user's notices, newest first, with their office (one query per page of them)."""
    return (
        Notice.objects.filter(
            recipient=user, in_portal=True, office__in=Office.objects.visible_to(user)
        )
        .select_related("office")
        .order_by("-created_at", "-pk")
    )


def unread_count(user) -> int:
    """The menu's number: the user's unread notices (one query)."""
    return notice_list_for_user(user).filter(read_at__isnull=True).count()
