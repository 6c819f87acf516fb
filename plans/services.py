"""Writes of the base app that other apps' writes share.

Idempotent forms: a form carries a one-time signed token (plans/forms.py `OnceForm`); the
view runs its write through `submit_once`, which uses the token up (`token_use`) inside the
same transaction as the write. The token's unique key makes the second post of the same
form, or a parallel one (on PostgreSQL it waits on the first's uncommitted row, then fails
the unique constraint), an `AlreadySubmitted` that records nothing: the view answers
ALREADY_SUBMITTED and shows the page the first post led to. When the write is refused the
transaction rolls back, the token stays unused and the user can correct and post again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from django.db import IntegrityError, transaction
from django.utils import timezone

from plans.models import SubmissionToken

T = TypeVar("T")

ALREADY_SUBMITTED = "รายการนี้บันทึกไปแล้ว"
# Used-up tokens are kept a little longer than a token lives (plans/forms.py TOKEN_MAX_AGE).
TOKEN_KEEP = timedelta(days=2)


class AlreadySubmitted(Exception):
    """The form's token was used by an earlier post: nothing was recorded this time."""


@transaction.atomic
def token_use(*, key: str, user) -> None:
    """Use up a form's token within the caller's transaction, or raise AlreadySubmitted.
    Also forgets this user's tokens older than TOKEN_KEEP (they can no longer be posted):
    only their own rows, so that writers of different users and offices never wait for
    one another here."""
    SubmissionToken.objects.filter(user=user, created_at__lt=timezone.now() - TOKEN_KEEP).delete()
    try:
        with transaction.atomic():
            SubmissionToken.objects.create(key=key, user=user)
    except IntegrityError as error:
        raise AlreadySubmitted from error


def submit_once(*, key: str, user, write: Callable[[], T]) -> T:
    """Run `write` (a service call) and use up the form's token in one transaction: both
    happen, or neither."""
    with transaction.atomic():
        token_use(key=key, user=user)
        return write()
