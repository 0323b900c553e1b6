"""Writes for alerts: subscribe (double opt-in), confirm, update, unsubscribe,
the digest run, the retention purge and an address's erasure.

The digest run is the task queue's (``alert_digests_task``): ``manage.py
send_alert_digests`` only enqueues it. Each subscription is handled under a
row lock and stamped with its period, so at most one digest goes out per
subscription and period, whether the scheduler runs once or twice.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models.functions import Coalesce
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation

from asfportal.core import dates
from asfportal.core.mail import mail_forget, queue_templated_mail
from registry.alerts import (
    CONFIRM,
    MANAGE,
    canonical_filters,
    describe_filters,
    filters_key,
    period_start,
    token_for,
)
from registry.alerts.forms import directory_form
from registry.forms import DirectoryForm
from registry.models import AlertFrequency, AlertSubscription
from registry.selectors.alerts import (
    Matches,
    bitmap,
    digest_enterprises,
    directory_matches,
    due_subscriptions,
    normalise_email,
)

# A pending subscription's confirmation mail is sent again, when asked for
# again, at most this often.
RESEND_AFTER = datetime.timedelta(hours=1)


def absolute(name: str, **kwargs) -> str:
    """An absolute address of a Swedish page, for a mail."""
    with translation.override("sv"):
        return settings.SITE_URL + reverse(name, kwargs=kwargs or None)


def link(name: str, subscription: AlertSubscription, purpose: str) -> str:
    """An absolute Swedish address with a signed token for this row."""
    return absolute(name, token=token_for(subscription, purpose))


@transaction.atomic
def alert_subscribe(
    *, email: str, filters: str, frequency: str, now: datetime.datetime | None = None
) -> AlertSubscription | None:
    """Ask ``email`` to confirm an alert for ``filters`` (canonical, see
    ``canonical_filters``). One subscription per address and filter set: a
    pending one is mailed again at most once per ``RESEND_AFTER``, a confirmed
    one is left as it is (the page says the same in every case, so nobody
    learns what another address has). Returns the row mailed, or None."""
    now = now or timezone.now()
    email = normalise_email(email)
    key = filters_key(filters)
    subscription = (
        AlertSubscription.objects.select_for_update().filter(email=email, filters_key=key).first()
    )
    if subscription is None:
        try:
            with transaction.atomic():
                subscription = AlertSubscription(
                    email=email, filters=filters, filters_key=key, frequency=frequency
                )
                # The constraint is the database's to check: a race is an IntegrityError.
                subscription.full_clean(validate_constraints=False)
                subscription.save()
        except IntegrityError:  # the same request twice at once: the other one mails
            return None
    elif subscription.is_confirmed or (
        subscription.confirmation_sent_at and now - subscription.confirmation_sent_at < RESEND_AFTER
    ):
        return None
    else:
        subscription.frequency = frequency
    subscription.confirmation_sent_at = now
    subscription.save(update_fields=["frequency", "confirmation_sent_at"])
    _queue(
        subscription,
        "confirm",
        {
            "confirm_url": link("alerts:confirm", subscription, CONFIRM),
            # Not the search text: the address is not confirmed yet, and
            # nobody may make the municipality mail words of their choosing.
            "filters": describe_filters(directory_form(filters), with_text=False),
            "frequency": subscription.get_frequency_display().lower(),
            "days": settings.ALERT_CONFIRM_DAYS,
            "municipality": settings.MUNICIPALITY_NAME,
            "unsubscribe_url": link("alerts:unsubscribe", subscription, MANAGE),
        },
    )
    return subscription


def _snapshot(subscription: AlertSubscription, matches: Matches) -> None:
    subscription.known = matches.known.serialize()
    subscription.open = matches.open.serialize()


def _locked(subscription: AlertSubscription) -> AlertSubscription | None:
    """The row again under a lock; None when it was erased meanwhile (ended,
    or purged) after its link was read."""
    return AlertSubscription.objects.select_for_update().filter(pk=subscription.pk).first()


@transaction.atomic
def alert_confirm(*, subscription: AlertSubscription) -> AlertSubscription | None:
    """The address is confirmed: from now on, what is new is mailed. What the
    filters match now is noted, so the first digest holds only news. None when
    the row is gone."""
    current = _locked(subscription)
    if current is None or current.is_confirmed:
        return current
    form = directory_form(current.filters)
    _snapshot(current, directory_matches(form.query()))
    current.confirmed_at = timezone.now()
    current.save(update_fields=["confirmed_at", "known", "open"])
    return current


@transaction.atomic
def alert_update_filters(*, subscription: AlertSubscription) -> AlertSubscription | None:
    """Keep only the filters that still validate (after a taxonomy change) and
    start again from what they match now. If the address already has an alert
    for the remaining filters, this one is erased and that one returned. None
    when the row is gone."""
    current = _locked(subscription)
    if current is None:
        return None
    form = directory_form(current.filters)
    if not form.problems:
        return current  # nothing to update: what it has seen stays
    filters = canonical_filters(form)
    same = AlertSubscription.objects.filter(email=current.email, filters_key=filters_key(filters))
    if twin := same.exclude(pk=current.pk).first():
        if twin.is_confirmed:  # the address follows these filters already
            _erase(AlertSubscription.objects.filter(pk=current.pk))
            return twin
        _erase(AlertSubscription.objects.filter(pk=twin.pk))  # a pending ask gives way
    current.filters, current.filters_key = filters, filters_key(filters)
    current.needs_update = False
    _snapshot(current, directory_matches(form.query()))
    current.save(update_fields=["filters", "filters_key", "needs_update", "known", "open"])
    return current


@transaction.atomic
def alert_set_frequency(
    *, subscription: AlertSubscription, frequency: str
) -> AlertSubscription | None:
    current = _locked(subscription)
    if current is None:
        return None
    current.frequency = frequency
    current.full_clean()
    current.save(update_fields=["frequency"])
    return current


def _mail_ending(pk: int) -> str:
    """How every alert mail's ``what`` ends (see ``_queue``)."""
    return f" for subscription {pk}"


@transaction.atomic
def _erase(subscriptions) -> int:
    """Erase these subscriptions and their mails in the outbox (sent ones,
    and queued ones, which then are not sent). How many subscriptions."""
    rows = list(subscriptions.select_for_update().values_list("pk", "email"))
    AlertSubscription.objects.filter(pk__in=[pk for pk, _email in rows]).delete()
    for email in {email for _pk, email in rows}:
        endings = [_mail_ending(pk) for pk, owner in rows if owner == email]
        mail_forget(to=email, what_endings=endings)
    return len(rows)


def alert_unsubscribe(*, subscription: AlertSubscription) -> None:
    """End the alert: the row and its mails are erased at once (the privacy
    notice says so). Idempotent: a second click finds nothing to erase."""
    _erase(AlertSubscription.objects.filter(pk=subscription.pk))


def alerts_erase_address(*, email: str) -> int:
    """Erase every alert of an address and their mails (a request to be
    forgotten). How many alerts."""
    return _erase(AlertSubscription.objects.filter(email=normalise_email(email)))


def alerts_purge(*, now: datetime.datetime | None = None) -> int:
    """Erase subscriptions not confirmed within ``ALERT_CONFIRM_DAYS`` of
    their last confirmation mail (its link works that long). Idempotent. How
    many were erased."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.ALERT_CONFIRM_DAYS)
    last_asked = Coalesce("confirmation_sent_at", "created_at")
    stale = AlertSubscription.objects.alias(last_asked=last_asked).filter(
        confirmed_at__isnull=True, last_asked__lt=cutoff
    )
    return _erase(stale)


@dataclass
class DigestRun:
    """What one run of the digests did: erased pending rows, and how many
    subscriptions ended each way ("sent", "nothing new", "told to update",
    "not due")."""

    purged: int = 0
    outcomes: Counter = field(default_factory=Counter)


def alert_digests_run(*, today: datetime.date | None = None) -> DigestRun:
    """Erase stale pending subscriptions, then handle every confirmed one whose
    period has not been handled yet, each in its own transaction. A filter set
    shared by several subscriptions is matched once."""
    today = today or dates.today()
    run = DigestRun(purged=alerts_purge())
    starts = {frequency: period_start(today, frequency) for frequency in AlertFrequency.values}
    matched: dict[str, Matches] = {}
    for pk in list(due_subscriptions(starts)):
        run.outcomes[alert_digest(subscription_id=pk, today=today, matched=matched)] += 1
    return run


@transaction.atomic
def alert_digest(*, subscription_id: int, today: datetime.date, matched: dict[str, Matches]) -> str:
    """One subscription's digest for the period ``today`` is in: compare what
    its filters match now with what they matched at the last run, mail what is
    new, note the period. ``matched`` keeps each filter set's matches for the run."""
    subscription = AlertSubscription.objects.select_for_update().filter(pk=subscription_id).first()
    start = period_start(today, subscription.frequency) if subscription else None
    if (
        subscription is None
        or not subscription.is_confirmed
        or (subscription.last_period and subscription.last_period >= start)
    ):
        return "not due"
    subscription.last_period = start
    fields = ["last_period"]
    form = directory_form(subscription.filters)
    if form.problems:
        outcome = "not due"
        if not subscription.needs_update:
            _queue_update_notice(subscription, form)
            subscription.needs_update = True
            fields.append("needs_update")
            outcome = "told to update"
        subscription.save(update_fields=fields)
        return outcome
    if subscription.needs_update:  # valid again (the term came back)
        subscription.needs_update = False
        fields.append("needs_update")
    if subscription.filters not in matched:
        matched[subscription.filters] = directory_matches(form.query())
    now = matched[subscription.filters]
    new = now.known - bitmap(subscription.known)
    opened = now.open - bitmap(subscription.open) - new
    _snapshot(subscription, now)
    fields += ["known", "open"]
    if not (new or opened):
        subscription.save(update_fields=fields)
        return "nothing new"
    subscription.last_sent_at = timezone.now()
    subscription.save(update_fields=[*fields, "last_sent_at"])
    _queue_digest(subscription, form, new, opened)
    return "sent"


def _list_headers(subscription: AlertSubscription) -> dict[str, str]:
    """RFC 8058: the mail program's own "unsubscribe" does a POST to this
    address, which ends the alert without a login or another click."""
    return {
        "List-Unsubscribe": f"<{link('alerts:unsubscribe', subscription, MANAGE)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _common_context(subscription: AlertSubscription, form: DirectoryForm) -> dict:
    return {
        "filters": describe_filters(form),
        "manage_url": link("alerts:manage", subscription, MANAGE),
        "unsubscribe_url": link("alerts:unsubscribe", subscription, MANAGE),
        "frequency": subscription.get_frequency_display().lower(),
        "municipality": settings.MUNICIPALITY_NAME,
    }


def _queue_digest(subscription, form, new, opened) -> None:
    limit = settings.ALERT_DIGEST_MAX_ITEMS
    filters = subscription.filters
    _queue(
        subscription,
        "digest",
        _common_context(subscription, form)
        | {
            "new": digest_enterprises(new, limit),
            "new_more": max(len(new) - limit, 0),
            "opened": digest_enterprises(opened, limit),
            "opened_more": max(len(opened) - limit, 0),
            "site_url": settings.SITE_URL,
            "directory_url": absolute("registry:enterprise_list")
            + (f"?{filters}" if filters else ""),
        },
    )


def _queue_update_notice(subscription, form) -> None:
    _queue(
        subscription, "update", _common_context(subscription, form) | {"problems": form.problems}
    )


def _queue(subscription: AlertSubscription, kind: str, context: dict) -> None:
    """Queue ``registry/mail/alert_<kind>.txt``, with the one-click unsubscribe."""
    queue_templated_mail(
        subject_template=f"registry/mail/alert_{kind}_subject.txt",
        body_template=f"registry/mail/alert_{kind}.txt",
        context=context,
        to=subscription.email,
        what=f"alert {kind}{_mail_ending(subscription.pk)}",
        headers=_list_headers(subscription),
    )


@task()
def alert_digests_task(day: str) -> str:
    """The worker's task: the digests for ``day`` (YYYY-MM-DD)."""
    run = alert_digests_run(today=datetime.date.fromisoformat(day))
    counts = ", ".join(f"{count} {outcome}" for outcome, count in sorted(run.outcomes.items()))
    return f"{counts or 'none due'}; {run.purged} unconfirmed erased"
