"""Writes of notices: `notify` (by the services that cause them, inside their transaction),
the e-mail of one notice (`send_notice_email`, after commit), marking read, preferences.

E-mail is sent by the task queue (plans/notices/tasks.py), queued after the writing
transaction commits, once per notice: the send first claims the notice (`emailed_at`, set by
one UPDATE where it is empty), so a retry, a second worker or the daily sweep
(`send_pending_emails`) never sends it again; a failed send gives the claim back and the
notice waits for the sweep.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from plans.models import Notice, NoticeKind, NoticePreference
from plans.models.notices import EMAILED_ELSEWHERE

logger = logging.getLogger(__name__)


def preferences_of(user) -> dict[str, tuple[bool, bool]]:
    """(in the portal, by e-mail) for every kind, defaults (both on) filled in. One query."""
    chosen = {p.kind: (p.in_portal, p.by_email) for p in NoticePreference.objects.filter(user=user)}
    return {kind: chosen.get(kind, (True, True)) for kind in NoticeKind.values}


def notify(
    *, recipients: Iterable, office_id: int, kind: str, text: str, link: str = ""
) -> list[Notice]:
    """One notice of `kind` to each active recipient (once each, however often listed), as
    their preferences want it: in their list, by e-mail (when they have an address), both,
    or not at all. Called inside the causing service's transaction; the e-mails go after it
    commits. Two queries."""
    people = {u.pk: u for u in recipients if u is not None and u.is_active}
    chosen = {p.user_id: p for p in NoticePreference.objects.filter(user_id__in=people, kind=kind)}
    notices = []
    for pk in sorted(people):
        user, preference = people[pk], chosen.get(pk)
        in_portal = preference.in_portal if preference else True
        by_email = (preference.by_email if preference else True) and bool(user.email)
        if kind in EMAILED_ELSEWHERE:
            by_email = False
        if not (in_portal or by_email):
            continue
        notice = Notice(
            recipient=user,
            office_id=office_id,
            kind=kind,
            text=text,
            link=link,
            in_portal=in_portal,
            by_email=by_email,
        )
        notice.full_clean(exclude=["recipient", "office"])
        notices.append(notice)
    Notice.objects.bulk_create(notices)
    for notice in notices:
        if notice.by_email:
            transaction.on_commit(lambda pk=notice.pk: enqueue_email(pk))
    return notices


def enqueue_email(notice_id: int) -> None:
    """Queues a committed notice's e-mail on the task queue (plans/notices/tasks.py). A
    failure to queue is logged, never raised into the request that caused the notice (it
    has succeeded): the notice stays pending for the daily sweep."""
    from plans.notices.tasks import notice_email_send  # the task module imports this one

    try:
        notice_email_send.enqueue(notice_id=notice_id)
    except Exception:
        logger.exception("notice %s: e-mail not queued, left for send_reminders", notice_id)


def absolute_url(path: str) -> str:
    """A portal path as a link that works from an e-mail (settings.PORTAL_BASE_URL)."""
    return f"{settings.PORTAL_BASE_URL.rstrip('/')}{path}" if path else ""


def notice_email(notice: Notice) -> EmailMessage:
    """The Thai e-mail of a notice (templates/notices/email_subject.txt, email_body.txt)."""
    context = {
        "notice": notice,
        "user": notice.recipient,
        "office": notice.office,
        "url": absolute_url(notice.link),
        "preferences_url": absolute_url(reverse("notices:preferences")),
    }
    subject = "".join(render_to_string("notices/email_subject.txt", context).splitlines())
    body = render_to_string("notices/email_body.txt", context)
    return EmailMessage(subject, body, to=[notice.recipient.email])


def send_notice_email(notice_id: int) -> bool:
    """E-mails one notice unless it was sent already (or is not to be e-mailed): True when
    this call sent it. The notice is first claimed by one UPDATE (`emailed_at` set where it
    was empty: of two senders at once, one gets it) and committed, so no lock is held while
    the mail server answers; a failed send gives the claim back for the sweep. A process
    killed between the claim and the send loses that e-mail rather than ever sending it
    twice."""
    claimed = timezone.now()
    with transaction.atomic():
        taken = Notice.objects.filter(pk=notice_id, by_email=True, emailed_at__isnull=True).update(
            emailed_at=claimed
        )
    if not taken:
        return False
    notice = Notice.objects.select_related("recipient", "office").get(pk=notice_id)
    if not notice.recipient.email or not notice.recipient.is_active:
        # Nobody to send it to any more: a notice of the portal only.
        Notice.objects.filter(pk=notice_id).update(by_email=False, emailed_at=None)
        return False
    try:
        notice_email(notice).send()
    except Exception:
        Notice.objects.filter(pk=notice_id, emailed_at=claimed).update(emailed_at=None)
        raise
    return True


# E-mails older than this still unsent are left for the sweep (newer ones may be on their way).
PENDING_AFTER = timedelta(minutes=10)


def send_pending_emails(*, now=None) -> int:
    """Sends the notices whose e-mail failed or was never handed over (written more than
    PENDING_AFTER ago, not yet sent); the daily `send_reminders` runs it. Returns how many
    were sent."""
    now = now or timezone.now()
    pending = Notice.objects.filter(
        by_email=True, emailed_at__isnull=True, created_at__lte=now - PENDING_AFTER
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(pending.order_by("pk")):
        try:
            sent += send_notice_email(pk)
        except Exception:
            logger.exception("notice %s: e-mail not sent", pk)
    return sent


@transaction.atomic
def notice_mark_read(*, user, notice: Notice | None = None) -> int:
    """Marks one of the user's notices read (None: all of them). Returns how many changed."""
    unread = Notice.objects.filter(recipient=user, read_at__isnull=True)
    if notice is not None:
        unread = unread.filter(pk=notice.pk)
    return unread.update(read_at=timezone.now())


@transaction.atomic
def notice_preferences_save(*, user, choices: Mapping[str, tuple[bool, bool]]) -> None:
    """Stores the user's (in the portal, by e-mail) per kind; a kind back at the default
    (both on) keeps no row. A kind e-mailed elsewhere (the password-reset link) is always
    e-mailed: only its place in the list is a choice."""
    for kind, (in_portal, by_email) in choices.items():
        if kind not in NoticeKind.values:
            raise ValueError(f"not a kind of notice: {kind!r}")
        if kind in EMAILED_ELSEWHERE:
            by_email = True
        if in_portal and by_email:
            NoticePreference.objects.filter(user=user, kind=kind).delete()
            continue
        NoticePreference.objects.update_or_create(
            user=user, kind=kind, defaults={"in_portal": in_portal, "by_email": by_email}
        )
