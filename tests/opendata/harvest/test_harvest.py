"""harvest_hsds: portal A (this project, served for real with the demo
content) harvested into an empty portal B (the test database); a second run
changes nothing; changes at the source update an unreviewed draft and wait
after review; broken sources are reported, never a crash or a half record."""

import datetime
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from opendata.harvest.client import Client
from opendata.harvest.run import harvest
from registry.models import (
    EnterpriseReport,
    HarvestedRecord,
    HarvestSource,
    PublicationStatus,
    SocialEnterprise,
)
from registry.services.enterprises import enterprise_update
from registry.services.reports import report_approve
from tests.factories import IndustryFactory, TargetGroupFactory
from tests.opendata.harvest.portals import CannedSource, Portal, ok, page

pytestmark = pytest.mark.django_db

GARDEN = "Koloniträdgården ekonomisk förening"


@pytest.fixture(scope="module")
def portal_a(tmp_path_factory):
    portal = Portal(tmp_path_factory.mktemp("portal-a")).start()
    # One record of A is a draft there: it must not travel.
    portal.sql(
        "UPDATE registry_socialenterprise SET status = 'draft' WHERE name = 'Kretsloppsboden'"
    )
    yield portal
    portal.stop()


def _now_in_sqlite() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _a_record(portal, name: str) -> dict:
    columns = ("id", "uuid", "org_number", "phone", "street_address", "city", "status")
    select = f"SELECT {', '.join(columns)} FROM registry_socialenterprise"  # noqa: S608
    row = portal.sql(select + " WHERE name = ?", name)[0]
    return dict(zip(columns, row, strict=True))


def test_a_harvest_into_an_empty_portal_makes_drafts_to_review_and_a_rerun_changes_nothing(
    portal_a,
):
    # Portal B knows one of A's industries by code, one by name only.
    IndustryFactory(slug="cafe-och-restaurang", name="Café och restaurang")
    garden = IndustryFactory(slug="gronytor", name="Trädgård och grönyteskötsel")
    newcomers = TargetGroupFactory(slug="nyanlanda", name="Nyanlända")
    published_in_a = portal_a.sql(
        "SELECT count(*) FROM registry_socialenterprise WHERE status = 'published'"
    )[0][0]
    partners_in_a = portal_a.sql("SELECT count(*) FROM registry_partner")[0][0]
    assert not SocialEnterprise.objects.exists()

    first = harvest(portal_a.api)

    assert first.errors == [] and first.ok
    assert first.count("created") == published_in_a == SocialEnterprise.objects.count() == 54
    assert first.count("skipped") == partners_in_a  # partners have no organisationsnummer
    assert set(SocialEnterprise.objects.values_list("status", flat=True)) == {"draft"}
    assert not SocialEnterprise.objects.filter(name="Kretsloppsboden").exists()
    waiting = EnterpriseReport.objects.filter(reviewed_at__isnull=True)
    assert waiting.count() == published_in_a
    # One record in detail, against A's own database.
    there = _a_record(portal_a, GARDEN)
    here = SocialEnterprise.objects.get(name=GARDEN)
    assert (here.org_number, here.phone, here.street_address, here.city) == (
        there["org_number"], there["phone"], there["street_address"], there["city"],
    )  # fmt: skip
    assert here.harvested.remote_id == str(uuid.UUID(there["uuid"]))
    assert here.harvested.source.url == portal_a.api
    assert here.uuid != uuid.UUID(there["uuid"])  # our own ids, not A's
    assert list(here.industries.all()) == [garden]
    offerings_there = portal_a.sql(
        "SELECT kind, open_places FROM registry_offering WHERE enterprise_id = ?", there["id"]
    )
    assert sorted(here.offerings.values_list("kind", "open_places")) == sorted(offerings_there)
    assert newcomers in here.offerings.get(kind="arbetsprovning").target_groups.all()
    assert portal_a.api in here.report.reason
    assert here.history.first().history_change_reason == f"Hämtad från {portal_a.api}"
    stamp = HarvestSource.objects.get().last_complete_run_at
    history = SocialEnterprise.history.count()

    second = harvest(portal_a.api)

    assert second.since is not None  # only what changed since the first run
    assert second.count("unchanged") == published_in_a and second.count("created") == 0
    assert SocialEnterprise.history.count() == history
    assert SocialEnterprise.objects.count() == published_in_a
    assert HarvestSource.objects.get().last_complete_run_at > stamp


def test_a_change_at_the_source_updates_a_draft_and_waits_once_reviewed(portal_a, client, advisor):
    harvest(portal_a.api)
    draft = SocialEnterprise.objects.get(name="Cykelköket")
    reviewed = SocialEnterprise.objects.get(name="Stallet Hästhoven")
    edited = SocialEnterprise.objects.get(name="Ekrar & Kedjor")
    report_approve(report=reviewed.report, user=advisor)
    enterprise_update(
        enterprise=edited, expected_version=edited.version, fields={"phone": "08-111 11 11"}
    )
    for name in ("Cykelköket", "Stallet Hästhoven", "Ekrar & Kedjor"):
        portal_a.sql(
            "UPDATE registry_socialenterprise SET phone = '08-999 99 99', updated_at = ? "
            "WHERE name = ?",
            _now_in_sqlite(),
            name,
        )

    report = harvest(portal_a.api)

    outcomes = {line.name: line.outcome for line in report.lines}
    assert outcomes["Cykelköket"] == "updated"
    assert outcomes["Stallet Hästhoven"] == outcomes["Ekrar & Kedjor"] == "held"
    draft.refresh_from_db()
    assert (draft.phone, draft.status) == ("08-999 99 99", PublicationStatus.DRAFT)
    reviewed.refresh_from_db()
    assert reviewed.phone != "08-999 99 99" and reviewed.status == PublicationStatus.PUBLISHED
    held = HarvestedRecord.objects.get(enterprise=reviewed)
    assert held.held_changes["fields"]["phone"] == "08-999 99 99" and held.held_at
    edited.refresh_from_db()
    assert edited.phone == "08-111 11 11"
    assert harvest(portal_a.api).count("updated") == 0  # nothing new: all unchanged

    client.force_login(advisor)
    page_html = client.get(f"/handlaggare/anmalningar/{reviewed.report.pk}/").content.decode()
    assert "Källan har ändrat uppgifterna" in page_html
    assert "08-999 99 99" in page_html
    # The source writes 556…-…; ours has no dash: the same number, not listed.
    assert page_html.count(">Organisationsnummer</dt>") == 1  # the record's own, not a change


# --- broken sources ----------------------------------------------------------------

ROOT = ok({"version": "3.0", "profile": "https://openreferral.org"})


def _organization(remote_id: str, name: str, org_number: str = "556677-8899", **extra):
    identifiers = [{"identifier_scheme": "SE-BLV", "identifier": org_number}]
    return {"id": remote_id, "name": name, "organization_identifiers": identifiers} | extra


@pytest.mark.parametrize(
    ("routes", "client_options", "expected"),
    [
        ({"/api": (200, "text/html", b"<html>hej</html>", 0)}, {}, "not JSON"),
        ({"/api": ok({"hello": "world"})}, {}, "does not say it is an HSDS 3.x API"),
        ({"/api": (500, "application/json", b"{}", 0)}, {}, "answered 500"),
        ({"/api": (200, "application/json", b"{nope", 0)}, {}, "not JSON"),
        ({"/api": ROOT, "/api/organizations": ok({"items": []})}, {}, "no contents list"),
        ({"/api": ok({"version": "3.0"}, wait=3)}, {"timeout": 0.5}, "could not read"),
        (
            {"/api": ROOT, "/api/organizations": page([{"id": "x"}] * 400)},
            {"max_bytes": 5000},
            "larger than 5000 bytes",
        ),
        (
            {"/api": ROOT, "/api/organizations": page([{"id": "x", "name": "X"}], 10**6)},
            {"max_pages": 3},
            "more than 3 pages",
        ),
    ],
    ids=["html", "not-hsds", "500", "bad-json", "no-page", "slow", "huge", "endless"],
)
def test_a_broken_source_is_reported_and_nothing_is_written(routes, client_options, expected):
    with CannedSource(routes) as source:
        report = harvest(source.url, client=Client(source.url, **client_options))

    assert len(report.errors) == 1 and expected in report.errors[0]
    assert not report.ok
    assert not SocialEnterprise.objects.exists()
    assert HarvestSource.objects.get().last_complete_run_at is None


def test_a_source_nobody_answers_is_reported():
    with CannedSource({}) as source:
        url = source.url
    report = harvest(url, client=Client(url, timeout=2))
    assert "could not read" in report.errors[0]


def test_malformed_records_are_reported_one_by_one_and_never_half_written():
    organizations = [
        "not an object",
        {"name": "Utan id"},
        {"id": "no-name"},
        _organization("bad-number", "Fel nummer", org_number="123"),
        _organization("bad-mail", "Fel e-post", org_number="559012-3450", email="inte-en-adress"),
        _organization("long-name", "N" * 300, org_number="802480-1246"),
        _organization("script", "<script>alert(1)</script> AB", org_number="716407-2451"),
        _organization("no-services", "Tjänster saknas", org_number="556016-0680"),
        {"id": "partner", "name": "En partner"},
        _organization("good", "Bra Företaget", org_number="556677-8899", email="hej@bra.se"),
    ]

    def services(query):
        if query.get("organization_id") == "no-services":
            return (503, "application/json", b"{}", 0)
        return page([])

    with CannedSource(
        {"/api": ROOT, "/api/organizations": page(organizations), "/api/services": services}
    ) as source:
        report = harvest(source.url)

    outcomes = {line.remote_id: (line.outcome, line.detail) for line in report.lines}
    assert outcomes["good"] == ("created", "")
    assert outcomes["script"][0] == "created"  # text, kept as typed; templates escape it
    assert outcomes["partner"][0] == "skipped"
    for key in ("bad-number", "bad-mail", "long-name", "no-name"):
        assert outcomes[key][0] == "invalid", key
    assert "tio siffror" in outcomes["bad-number"][1]
    assert outcomes["no-services"][0] == "failed"
    assert report.count("invalid") == 6  # with the string and the one without an id
    assert sorted(SocialEnterprise.objects.values_list("name", flat=True)) == [
        "<script>alert(1)</script> AB",
        "Bra Företaget",
    ]
    assert HarvestedRecord.objects.count() == EnterpriseReport.objects.count() == 2
    # A record could not be read: the next run asks for everything again.
    assert not report.complete
    assert HarvestSource.objects.get().last_complete_run_at is None


def test_the_command_prints_each_record_and_fails_on_problems(capsys):
    organizations = [_organization("good", "Bra Företaget"), {"id": "x"}]
    with CannedSource(
        {"/api": ROOT, "/api/organizations": page(organizations), "/api/services": page([])}
    ) as source:
        with pytest.raises(CommandError) as failure:
            call_command("harvest_hsds", source.url)
        output = capsys.readouterr().out

    assert failure.value.returncode == 1
    assert "created: Bra Företaget [good]" in output
    assert "Done: 1 created, 0 updated, 0 unchanged" in output
    assert "1 invalid" in output
    with pytest.raises(CommandError, match="not an http"):
        call_command("harvest_hsds", "file:///etc/passwd")


def test_a_later_run_asks_only_for_changes_and_finds_an_organization_by_its_service():
    """The source's organization did not change, one of its services did."""
    HarvestSource.objects.create(
        url="http://127.0.0.1:1/api",
        last_complete_run_at=timezone.now() - datetime.timedelta(days=1),
    )
    owner = _organization("o/1", "Bara Tjänsten Ändrad")
    routes = {
        "/api": ROOT,
        "/api/organizations": page([]),
        "/api/services": page([{"id": "s1", "organization_id": "o/1", "name": "Praktik"}]),
        "/api/organizations/o%2F1": ok(owner),
    }
    with CannedSource(routes) as source:
        HarvestSource.objects.update(url=source.url)
        report = harvest(source.url)

    assert report.since is not None
    assert [(line.remote_id, line.outcome) for line in report.lines] == [("o/1", "created")]
    asked = [path.split("?")[0] for path in source.requests]
    assert "/api/organizations/o%2F1" in asked
    assert all(
        "modified_after=" in path
        for path in source.requests
        if path.startswith(("/api/organizations?", "/api/services?page"))
    )
