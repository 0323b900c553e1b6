"""Two people at one enterprise use the same link at the same moment (on
PostgreSQL, where rows are really locked): nothing is lost or half-saved."""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from registry.models import ChangeProposal, CheckSource, RecordCheck, SocialEnterprise
from registry.services.selfservice import enterprise_confirm, enterprise_self_update
from tests.registry.selfservice.helpers import enterprise_with_link

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def at_once(*calls):
    """Run the calls in threads released together; their results in order."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        try:
            return call()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def test_two_changes_from_one_link_both_count():
    enterprise, link, _path = enterprise_with_link()
    offering = enterprise.offerings.get(kind="arbetstraning")
    version = enterprise.version

    at_once(
        lambda: enterprise_self_update(
            link=link,
            submission_token=uuid.uuid4(),
            direct={"phone": "070-111 11 11"},
            places={},
            proposed={"name": "Kornet Bageri"},
        ),
        lambda: enterprise_self_update(
            link=link,
            submission_token=uuid.uuid4(),
            direct={"website": "https://kornet.se/"},
            places={offering.pk: 4},
            proposed={"city": "Nyby"},
        ),
    )

    enterprise = SocialEnterprise.objects.get(pk=enterprise.pk)
    assert (enterprise.phone, enterprise.website) == ("070-111 11 11", "https://kornet.se/")
    assert enterprise.offerings.get(pk=offering.pk).open_places == 4
    assert enterprise.name == "Kafé Kornet"  # proposals wait
    assert enterprise.version == version + 2
    proposals = ChangeProposal.objects.filter(enterprise=enterprise)
    assert sorted(list(p.changes) for p in proposals) == [["city"], ["name"]]
    assert RecordCheck.objects.filter(enterprise=enterprise).count() == 2


def test_all_correct_pressed_twice_at_once():
    enterprise, link, _path = enterprise_with_link()

    at_once(lambda: enterprise_confirm(link=link), lambda: enterprise_confirm(link=link))

    enterprise = SocialEnterprise.objects.get(pk=enterprise.pk)
    assert enterprise.last_checked_source == CheckSource.ENTERPRISE
    assert enterprise.history.filter(history_change_reason__startswith="Bekräftat").count() == 2
