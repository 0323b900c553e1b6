"""Languages spoken at work and the premises' accessibility: the closed list,
and every way a record's facts are written or read out (advisors' form,
self-service proposal, CSV import and both exports)."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from registry.languages import LANGUAGES
from registry.models import ChangeProposal, Language, SocialEnterprise
from registry.selectors.imports import import_check
from registry.services.imports import import_apply
from tests.factories import EnterpriseFactory
from tests.registry.import_helpers import HEADER, csv_text, errors_of, make_batch, row
from tests.registry.selfservice.helpers import change_form_data, enterprise_with_link
from tests.registry.staff.helpers import enterprise_data

pytestmark = pytest.mark.django_db
ACCESS_HEADER = [*HEADER, "språk", "hiss", "hörslinga", "kollektivtrafik", "narmaste_hallplats"]


def test_the_closed_list_is_in_the_table_in_its_order_and_comes_back_after_a_flush():
    assert list(Language.objects.values_list("code", "name")) == [
        (code, name) for code, name, _slug in LANGUAGES
    ]
    Language.objects.all().delete()
    call_command("migrate", verbosity=0)  # the post_migrate receiver fills it again
    assert Language.objects.filter(code="swl").get().name == "svenskt teckenspråk"


def test_an_advisor_sets_languages_and_accessibility(advisor_client):
    enterprise = EnterpriseFactory()
    arabic, sign = Language.objects.get(code="ar"), Language.objects.get(code="swl")
    data = enterprise_data(enterprise) | {
        "languages": [arabic.pk, sign.pk],
        "lift": "on",
        "quiet_workplace": "on",
        "transit_stop": "Busshållplats Torget, 200 meter",
    }

    response = advisor_client.post(
        reverse("registry_staff:enterprise_edit", args=[enterprise.pk]), data
    )

    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert sorted(enterprise.languages.values_list("code", flat=True)) == ["ar", "swl"]
    assert (enterprise.lift, enterprise.quiet_workplace, enterprise.hearing_loop) == (
        True,
        True,
        False,
    )
    history = advisor_client.get(
        reverse("registry_staff:enterprise_history", args=[enterprise.pk])
    ).text
    assert "Språk på arbetsplatsen" in history and "svenskt teckenspråk" in history


def test_the_enterprise_proposes_them_and_an_advisor_approves(client, advisor_client):
    enterprise, _link, path = enterprise_with_link()
    form = client.get(path + "andra/?delar=sprak").context["form"]
    somali = Language.objects.get(code="so")
    data = change_form_data(form) | {
        "languages": [str(somali.pk)],
        "step_free_entrance": "on",
        "transit_stop": "Hållplats Skolan",
    }

    client.post(path + "andra/?delar=sprak", data)

    proposal = ChangeProposal.objects.get()
    assert proposal.changes == {
        "languages": {"old": [], "new": [somali.pk]},
        "step_free_entrance": {"old": False, "new": True},
        "transit_stop": {"old": "", "new": "Hållplats Skolan"},
    }
    enterprise.refresh_from_db()
    assert not enterprise.step_free_entrance  # waits for an advisor
    page = advisor_client.get(reverse("registry_staff:proposal_detail", args=[proposal.pk]))
    assert "somaliska" in page.text and "Ja" in page.text

    advisor_client.post(
        reverse("registry_staff:proposal_decide", args=[proposal.pk]),
        {
            "version": enterprise.version,
            "decision": "approve",
            "approve": ["languages", "step_free_entrance", "transit_stop"],
        },
    )

    enterprise.refresh_from_db()
    assert list(enterprise.languages.values_list("code", flat=True)) == ["so"]
    assert (enterprise.step_free_entrance, enterprise.transit_stop) == (True, "Hållplats Skolan")


def test_the_import_reads_languages_by_name_or_code_and_yes_or_no(advisor):
    text = csv_text(
        row(1, språk="svenska; Arabiska, swl", hiss="ja", hörslinga="x", kollektivtrafik="nej",
            narmaste_hallplats="Torget"),
        row(2, språk="klingonska", hiss="kanske"),
        header=ACCESS_HEADER,
    )  # fmt: skip

    report = import_check(text)

    assert errors_of(report) == {
        3: [
            "Språket ”klingonska” finns inte i listan över språk.",
            "Skriv ja eller nej i kolumnen hiss, inte ”kanske”.",
        ]
    }
    first = report.rows[0]
    assert first.languages == ["sv", "ar", "swl"]
    assert (first.fields["lift"], first.fields["hearing_loop"]) == (True, True)
    assert (first.fields["public_transport"], first.fields["transit_stop"]) == (False, "Torget")

    batch = make_batch(advisor, text=csv_text(row(1, språk="finska", hiss="ja"),
                                              header=ACCESS_HEADER))  # fmt: skip
    import_apply(batch=batch, user=advisor)
    created = SocialEnterprise.objects.get()
    assert list(created.languages.values_list("code", flat=True)) == ["fi"]
    assert created.lift is True


def test_both_exports_carry_them(client, advisor_client):
    enterprise = EnterpriseFactory(name="Kafé Tecken", lift=True, transit_stop="Torget")
    enterprise.languages.set(Language.objects.filter(code__in=["sv", "swl"]))

    public = b"".join(client.get(reverse("registry:enterprise_csv")).streaming_content)
    staff = b"".join(
        advisor_client.get(reverse("registry_staff:enterprise_export")).streaming_content
    )

    for body in (public.decode("utf-8-sig"), staff.decode("utf-8-sig")):
        header, line = body.splitlines()[:2]
        assert header.endswith(
            "Språk på arbetsplatsen,Lokalernas tillgänglighet,Närmaste hållplats"
        )
        assert line.endswith('"svenska, svenskt teckenspråk",Hiss,Torget')


def test_the_directory_filters_on_them_and_reports_an_unknown_language(client):
    lifted = EnterpriseFactory(name="Med hiss", lift=True)
    lifted.languages.set(Language.objects.filter(code="ar"))
    EnterpriseFactory(name="Utan hiss").languages.set(Language.objects.filter(code="ar"))

    response = client.get(reverse("registry:enterprise_list"), {"sprak": "arabiska", "hiss": "on"})
    bad = client.get(reverse("registry:enterprise_list"), {"sprak": "klingonska", "hiss": "on"})

    assert [e.name for e in response.context["page"].object_list] == ["Med hiss"]
    assert bad.status_code == 200
    assert bad.context["form"].problems  # said on the page, the rest of the query kept
    assert [e.name for e in bad.context["page"].object_list] == ["Med hiss"]


def test_an_unknown_language_is_a_form_error_and_nothing_is_saved(advisor_client, client):
    enterprise = EnterpriseFactory()
    data = enterprise_data(enterprise) | {"languages": ["999999"], "lift": "on"}

    response = advisor_client.post(
        reverse("registry_staff:enterprise_edit", args=[enterprise.pk]), data
    )

    assert response.status_code == 400
    assert "999999 finns inte bland tillgängliga alternativ." in response.text
    enterprise.refresh_from_db()
    assert (enterprise.lift, enterprise.languages.count()) == (False, 0)

    _linked, _link, path = enterprise_with_link(name="Kafé Fel")
    form = client.get(path + "andra/?delar=sprak").context["form"]
    response = client.post(
        path + "andra/?delar=sprak", change_form_data(form) | {"languages": ["999999"]}
    )
    assert response.status_code == 400
    assert not ChangeProposal.objects.exists()
