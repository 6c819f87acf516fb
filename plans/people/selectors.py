"""Reads of the people pages."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from plans.models import Membership, Office


def member_list_for_office(office: Office, *, search: str = "") -> QuerySet[Membership]:
    """The office's memberships, by name, with each member's account and group (one query
    per page): only this office's membership of an account of several offices."""
    members = Membership.objects.filter(office=office).select_related("user", "work_group")
    for word in search.split():
        members = members.filter(
            Q(user__username__icontains=word)
            | Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(user__email__icontains=word)
            | Q(position__icontains=word)
            | Q(work_group__name__icontains=word)
        )
    return members.order_by("user__first_name", "user__last_name", "user__username", "pk")
