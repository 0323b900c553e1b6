"""The advisors' enterprise pages: list, create, edit, status, check, verify, export."""

import csv
import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from registry.models import (
    CriterionState,
    CriterionVerification,
    Offering,
    PublicationStatus,
    SocialEnterprise,
)
from registry.services.common import RecordChanged
from registry.services.enterprises import criterion_set, enterprise_update
from tests.factories import EnterpriseFactory, IndustryFactory, OfferingFactory
from tests.registry.staff.helpers import enterprise_data

pytestmark = pytest.mark.django_db


def edit_url(enterprise) -> str:
    return reverse("registry_staff:enterprise_edit", kwargs={"pk": enterprise.pk})


# --- list ---------------------------------------------------------------------


def test_list_finds_by_name_and_org_number(advisor_client):
    EnterpriseFactory(name="Kaféet Gemenskap", org_number="7699999996")
    EnterpriseFactory(name="Cykelköket")

    by_name = advisor_client.get(reverse("registry_staff:enterprise_list"), {"q": "kafé"})
    by_number = advisor_client.get(reverse("registry_staff:enterprise_list"), {"q": "769999-9996"})

    assert [e.name for e in by_name.context["page"].object_list] == ["Kaféet Gemenskap"]
    assert [e.name for e in by_number.context["page"].object_list] == ["Kaféet Gemenskap"]


def test_list_filters_records_due_for_review(advisor_client):
    today = timezone.localdate()
    EnterpriseFactory(name="Färsk", last_checked=today)
    EnterpriseFactory(name="Gammal", last_checked=today.replace(year=today.year - 2))
    EnterpriseFactory(name="Aldrig", last_checked=None)

    response = advisor_client.get(reverse("registry_staff:enterprise_list"), {"freshness": "due"})

    assert [e.name for e in response.context["page"].object_list] == ["Aldrig", "Gammal"]
    assert "Behöver kontrolleras" in response.content.decode()


def test_list_ignores_unknown_filter_values_with_a_message(advisor_client):
    EnterpriseFactory(name="Kvar")

    response = advisor_client.get(
        reverse("registry_staff:enterprise_list"), {"status": "bogus", "area": "x", "sida": "999"}
    )

    assert response.status_code == 200
    assert [e.name for e in response.context["page"].object_list] == ["Kvar"]
    assert "Något filter hade ett värde som inte finns" in response.content.decode()


@pytest.mark.parametrize("rows", [3, 40])
def test_list_query_count_does_not_grow_with_rows(
    advisor_client, django_assert_max_num_queries, rows
):
    EnterpriseFactory.create_batch(rows)
    advisor_client.get(reverse("registry_staff:enterprise_list"))  # session and permission caches

    with django_assert_max_num_queries(8):
        response = advisor_client.get(reverse("registry_staff:enterprise_list"))

    assert len(response.context["page"].object_list) == rows


# --- create and edit --------------------------------------------------------------


def test_create_saves_a_draft_with_an_offering(advisor_client, advisor):
    industry = IndustryFactory(name="Café")
    data = enterprise_data(
        industries=[industry.pk],
        **{"offerings-0-kind": "arbetstraning", "offerings-0-open_places": "3"},
    )

    response = advisor_client.post(reverse("registry_staff:enterprise_create"), data)

    enterprise = SocialEnterprise.objects.get(name="Kaféet Gemenskap")
    assert response.status_code == 302
    assert response["Location"] == edit_url(enterprise)
    assert enterprise.status == PublicationStatus.DRAFT
    assert enterprise.org_number == "7699999996"
    assert list(enterprise.industries.all()) == [industry]
    assert enterprise.offerings.get().open_places == 3
    assert "arbetsträning" in enterprise.search_document
    assert enterprise.history.first().history_user == advisor


def test_create_with_bad_input_keeps_what_was_typed(advisor_client):
    data = enterprise_data(org_number="123456-7890", name="x" * 201, short_description="")

    response = advisor_client.post(reverse("registry_staff:enterprise_create"), data)

    body = response.content.decode()
    assert response.status_code == 400
    assert not SocialEnterprise.objects.exists()
    assert "Något behöver rättas" in body
    assert "Skriv högst 200 tecken" in body
    assert 'value="123456-7890"' in body


def test_edit_changes_fields_adds_and_deletes_offerings(advisor_client):
    enterprise = EnterpriseFactory(name="Gamla namnet")
    kept = OfferingFactory(enterprise=enterprise, kind="praktik")
    removed = OfferingFactory(enterprise=enterprise, kind="anstallning")
    enterprise.refresh_from_db()
    data = enterprise_data(enterprise, name="Nya namnet")
    id_key = next(k for k, v in data.items() if k.endswith("-id") and v == str(removed.pk))
    index = id_key.split("-")[1]
    data |= {f"offerings-{index}-DELETE": "on", "offerings-2-kind": "rehabilitering"}

    response = advisor_client.post(edit_url(enterprise), data)

    enterprise.refresh_from_db()
    assert response.status_code == 302
    assert enterprise.name == "Nya namnet"
    assert enterprise.version == 2
    kinds = set(enterprise.offerings.values_list("kind", flat=True))
    assert kinds == {"praktik", "rehabilitering"}
    assert Offering.objects.filter(pk=kept.pk).exists()
    assert not Offering.objects.filter(pk=removed.pk).exists()


def test_second_of_two_simultaneous_edits_is_refused(advisor_client, client, other_advisor):
    enterprise = EnterpriseFactory(name="Original")
    first = enterprise_data(enterprise, name="Först sparat")
    second = enterprise_data(enterprise, name="Sparat sedan")  # read at the same version
    client.force_login(other_advisor)
    client.post(edit_url(enterprise), first)

    response = advisor_client.post(edit_url(enterprise), second)

    enterprise.refresh_from_db()
    body = response.content.decode()
    assert response.status_code == 400
    assert enterprise.name == "Först sparat"
    assert "Ali sparade ändringar i företaget efter att du öppnade sidan" in body
    assert 'value="Sparat sedan"' in body  # what was typed is still there to copy


def test_service_refuses_a_stale_version_and_saves_nothing():
    enterprise = EnterpriseFactory(name="Original")
    enterprise_update(enterprise=enterprise, expected_version=1, fields={"name": "Ett"})

    with pytest.raises(RecordChanged):
        enterprise_update(enterprise=enterprise, expected_version=1, fields={"name": "Två"})

    enterprise.refresh_from_db()
    assert (enterprise.name, enterprise.version) == ("Ett", 2)


def test_missing_enterprise_is_404(advisor_client):
    assert (
        advisor_client.get(reverse("registry_staff:enterprise_edit", args=[999])).status_code == 404
    )


# --- status, check, verify -----------------------------------------------------------


def test_publish_unpublish_archive(advisor_client):
    enterprise = EnterpriseFactory(status="draft")
    url = reverse("registry_staff:enterprise_status", args=[enterprise.pk])

    statuses = []
    for status in ("published", "draft", "archived"):
        advisor_client.post(url, {"status": status})
        enterprise.refresh_from_db()
        statuses.append(enterprise.status)

    assert statuses == ["published", "draft", "archived"]


def test_unknown_status_changes_nothing(advisor_client):
    enterprise = EnterpriseFactory(status="draft")

    response = advisor_client.post(
        reverse("registry_staff:enterprise_status", args=[enterprise.pk]), {"status": "deleted"}
    )

    enterprise.refresh_from_db()
    assert response.status_code == 302
    assert enterprise.status == "draft"


def test_checked_today_stamps_date_and_advisor_in_one_post(advisor_client, advisor):
    enterprise = EnterpriseFactory(last_checked=None)

    response = advisor_client.post(
        reverse("registry_staff:enterprise_checked", args=[enterprise.pk])
    )

    enterprise.refresh_from_db()
    assert response["Location"] == edit_url(enterprise)
    assert enterprise.last_checked == timezone.localdate()
    assert enterprise.last_checked_by == advisor
    followed = advisor_client.get(response["Location"])
    assert "är markerat som kontrollerat i dag" in followed.content.decode()


def test_checked_today_does_not_block_an_open_edit_form(advisor_client):
    enterprise = EnterpriseFactory(last_checked=None)
    data = enterprise_data(enterprise, name="Ändrat")
    advisor_client.post(reverse("registry_staff:enterprise_checked", args=[enterprise.pk]))

    advisor_client.post(edit_url(enterprise), data)

    enterprise.refresh_from_db()
    assert enterprise.name == "Ändrat"
    assert enterprise.last_checked == timezone.localdate()


def test_checked_today_is_post_only(advisor_client):
    enterprise = EnterpriseFactory()
    url = reverse("registry_staff:enterprise_checked", args=[enterprise.pk])

    assert advisor_client.get(url).status_code == 405


def test_verify_records_three_states_and_stamps_only_changed_criteria(
    advisor_client, advisor, other_advisor
):
    enterprise = EnterpriseFactory()
    earlier = criterion_set(enterprise=enterprise, criterion=1, verified=True, user=other_advisor)
    criterion_set(enterprise=enterprise, criterion=4, verified=False, user=other_advisor)
    url = reverse("registry_staff:enterprise_verify", args=[enterprise.pk])
    data = {
        "version": "1",
        "criterion_1": "uppfyllt",
        "criterion_2": "inte_bedomt",
        "criterion_3": "inte_uppfyllt",
        "criterion_4": "inte_bedomt",
        "skoopi_certified_on": "2025-03-01",
        "skoopi_valid_until": "2027-03-01",
        "lou_share_percent": "45",
        "lou_checked_on": "2026-11-01",
    }

    response = advisor_client.post(url, data)

    enterprise.refresh_from_db()
    rows = {v.criterion: v for v in CriterionVerification.objects.filter(enterprise=enterprise)}
    assert response.status_code == 302
    assert rows[1].verified_by == other_advisor and rows[1].verified_at == earlier.verified_at
    assert rows[3].verified is False and rows[3].verified_by == advisor
    # Set back to "not assessed": the row stays, with who did it.
    assert rows[4].verified is None and rows[4].verified_by == advisor
    assert rows[4].state == CriterionState.NOT_ASSESSED
    assert 2 not in rows  # never assessed, still not: no row
    assert enterprise.lou_share_percent == 45
    assert str(enterprise.skoopi_valid_until) == "2027-03-01"


def test_verify_form_offers_the_three_states_with_the_current_one_chosen(advisor_client, advisor):
    enterprise = EnterpriseFactory()
    criterion_set(enterprise=enterprise, criterion=2, verified=False, user=advisor)
    url = reverse("registry_staff:enterprise_verify", args=[enterprise.pk])

    html = advisor_client.get(url).content.decode()

    for label in ("Uppfyllt", "Inte uppfyllt", "Inte bedömt ännu"):
        found = re.findall(rf'for="id_criterion_\d_\d"[^>]*>\s*{label}\s*<', html)
        assert len(found) == 4, label
    assert re.search(r'name="criterion_2" value="inte_uppfyllt"[^>]*checked', html)
    assert re.search(r'name="criterion_1" value="inte_bedomt"[^>]*checked', html)


def test_verify_refuses_an_unknown_state(advisor_client):
    enterprise = EnterpriseFactory()
    url = reverse("registry_staff:enterprise_verify", args=[enterprise.pk])

    response = advisor_client.post(url, {"version": "1", "criterion_1": "kanske"})

    assert response.status_code == 400
    assert "Välj ett av de tre alternativen." in response.content.decode()
    assert not CriterionVerification.objects.filter(enterprise=enterprise).exists()


def test_verify_refuses_bad_evidence(advisor_client):
    enterprise = EnterpriseFactory()
    url = reverse("registry_staff:enterprise_verify", args=[enterprise.pk])

    response = advisor_client.post(
        url,
        {"version": "1", "lou_share_percent": "140", "skoopi_certified_on": "2025-03-01",
         "skoopi_valid_until": "2024-01-01"},
    )  # fmt: skip

    enterprise.refresh_from_db()
    assert response.status_code == 400
    assert enterprise.lou_share_percent is None
    assert "Något behöver rättas" in response.content.decode()


# --- export ------------------------------------------------------------------------------


def test_staff_export_has_non_public_fields_and_neutralises_formulas(advisor_client):
    EnterpriseFactory(
        name='=HYPERLINK("http://evil.example","Klicka")',
        contact_name="Kim Kontakt",
        status="draft",
    )

    response = advisor_client.get(reverse("registry_staff:enterprise_export"))

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header, row = rows[0], rows[1]
    assert response["Content-Type"].startswith("text/csv")
    assert "Kontaktperson" in header and "Status" in header
    assert row[header.index("Namn")] == '\'=HYPERLINK("http://evil.example","Klicka")'
    assert row[header.index("Kontaktperson")] == "Kim Kontakt"
    assert row[header.index("Status")] == "Utkast"


def test_staff_export_gives_each_criterions_state(advisor_client, advisor):
    enterprise = EnterpriseFactory()
    criterion_set(enterprise=enterprise, criterion=1, verified=True, user=advisor)
    criterion_set(enterprise=enterprise, criterion=2, verified=False, user=advisor)
    criterion_set(enterprise=enterprise, criterion=3, verified=None, user=advisor)

    response = advisor_client.get(reverse("registry_staff:enterprise_export"))

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    header, row = rows[0], rows[1]
    states = [row[header.index(f"Kriterium {n}")] for n in (1, 2, 3, 4)]
    assert states == ["Uppfyllt", "Inte uppfyllt", "Inte bedömt ännu", "Inte bedömt ännu"]
    assert row[header.index("Kriterier uppfyllda")] == "1/4"


def test_public_csv_keeps_only_public_fields(client):
    EnterpriseFactory(contact_name="Kim Kontakt")

    response = client.get(reverse("registry:enterprise_csv"))

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Kim Kontakt" not in text
    assert "Kontaktperson" not in text


@pytest.mark.parametrize("offerings", [1, 6])
def test_edit_page_query_count_does_not_grow_with_offerings(
    advisor_client, offerings, django_assert_max_num_queries
):
    enterprise = EnterpriseFactory()
    for _ in range(offerings):
        OfferingFactory(enterprise=enterprise, referrers=["egen_anmalan"])
    advisor_client.get(edit_url(enterprise))

    with django_assert_max_num_queries(18):  # 16, + the record's languages and the list
        response = advisor_client.get(edit_url(enterprise))

    checked = re.findall(r'value="egen_anmalan"\s+id="[^"]+" checked', response.content.decode())
    assert len(checked) == offerings


def test_due_tag_follows_the_review_setting_and_skips_archived(advisor_client, settings):
    settings.FRESH_MONTHS = 12
    settings.REVIEW_NOTICE_DAYS = 30
    today = timezone.localdate()
    EnterpriseFactory(name="Gammal", last_checked=today - datetime.timedelta(days=400))
    EnterpriseFactory(name="Arkiverad", last_checked=None, status="archived")
    EnterpriseFactory(name="Färsk", last_checked=today)
    EnterpriseFactory(name="Snart", last_checked=today - datetime.timedelta(days=345))

    response = advisor_client.get(reverse("registry_staff:enterprise_list"))
    settings.FRESH_MONTHS = 24
    later = advisor_client.get(reverse("registry_staff:enterprise_list"))

    due = {e.name: e.is_due for e in response.context["page"].object_list}
    assert due == {"Gammal": True, "Arkiverad": False, "Färsk": False, "Snart": True}
    assert response.content.decode().count("tag tag--due") == 2
    assert not any(e.is_due for e in later.context["page"].object_list)
