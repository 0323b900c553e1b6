"""Staff accounts: groups and their permissions, sign in and out, passwords,
the idle timeout and the commands that make accounts."""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from asfportal.core.middleware import StaffIdleTimeoutMiddleware
from tests.conftest import ensure_staff_groups
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db

PASSWORD = "korrekt-hast-batteri-42"
LOGIN = "/handlaggare/konto/logga-in/"


@pytest.fixture(autouse=True)
def staff_groups(db):
    """The groups the data migration makes: a transactional test that ran
    before this one in the same process (or test worker) emptied them."""
    ensure_staff_groups()


def permissions(group: str) -> set[str]:
    ensure_staff_groups()  # emptied by an earlier transactional test, if any
    rows = Group.objects.get(name=group).permissions.select_related("content_type")
    return {f"{p.content_type.app_label}.{p.codename}" for p in rows}


def test_advisor_group_has_exactly_the_registry_and_inquiry_permissions():
    expected = {
        *(f"registry.{a}_socialenterprise" for a in ("view", "add", "change")),
        "registry.publish_socialenterprise",
        "registry.verify_socialenterprise",
        "registry.import_socialenterprise",
        "registry.export_socialenterprise",
        *(f"registry.{a}_offering" for a in ("view", "add", "change", "delete")),
        *(f"registry.{a}_partner" for a in ("view", "add", "change")),
        *(f"registry.{a}_place" for a in ("view", "add", "change", "delete")),
        *(f"registry.{a}_session" for a in ("view", "add", "change", "delete")),
        "registry.view_enterprisereport",
        "registry.change_enterprisereport",
        "registry.view_industry",
        "registry.view_targetgroup",
        "registry.view_area",
        "registry.view_changeproposal",
        "registry.change_changeproposal",
        "registry.view_selfservicelink",
        "registry.view_alertsubscription",
        "registry.delete_alertsubscription",
        "guidance.view_inquiry",
        "guidance.change_inquiry",
        "guidance.delete_inquiry",
        "guidance.view_inquirynote",
        "guidance.add_inquirynote",
    }
    assert permissions("Rådgivare") == expected


def test_editor_group_has_exactly_content_and_taxonomy_permissions():
    crud = ("view", "add", "change", "delete")
    expected = {
        *(f"guidance.{a}_{m}" for m in ("page", "adviceflow", "question", "choice",
                                         "recommendation") for a in crud),
        "guidance.view_pagerevision",
        *(f"registry.{a}_{m}" for m in ("industry", "targetgroup", "area") for a in crud),
    }  # fmt: skip
    assert permissions("Redaktör") == expected
    assert not any(p.startswith("auth.") for p in permissions("Redaktör"))


def test_login_with_the_sites_own_page_lands_on_the_dashboard(client, advisor):
    page = client.get(LOGIN)
    response = client.post(LOGIN, {"username": "rut", "password": PASSWORD})

    assert "Bara kommunens rådgivare och redaktörer kan logga in här." in page.content.decode()
    assert response["Location"] == reverse("staff:dashboard")


def test_login_sends_an_editor_to_the_admin(client, editor):
    response = client.post(LOGIN, {"username": "eva", "password": PASSWORD})

    assert response["Location"] == reverse("admin:index")


def test_login_follows_next_and_refuses_another_host(client, advisor):
    credentials = {"username": "rut", "password": PASSWORD}
    inside = client.post(LOGIN, {**credentials, "next": "/handlaggare/foretag/"})
    client.logout()
    outside = client.post(LOGIN, {**credentials, "next": "https://evil.example/"})

    assert inside["Location"] == "/handlaggare/foretag/"
    assert outside["Location"] == reverse("staff:dashboard")


def test_wrong_password_gives_a_swedish_message_and_keeps_the_username(client, advisor):
    response = client.post(LOGIN, {"username": "rut", "password": "fel"})

    body = response.content.decode()
    assert response.status_code == 200
    assert "Inloggningen misslyckades" in body
    assert 'value="rut"' in body
    assert "_auth_user_id" not in client.session


def test_anonymous_visit_to_a_staff_page_goes_to_login_with_next(client):
    response = client.get("/handlaggare/foretag/")

    assert response["Location"] == LOGIN + "?next=/handlaggare/foretag/"


def test_logout_is_post_only_and_says_so(advisor_client):
    assert advisor_client.get(reverse("staff:logout")).status_code == 405

    response = advisor_client.post(reverse("staff:logout"), follow=True)

    assert "_auth_user_id" not in advisor_client.session
    assert "Du är utloggad." in response.content.decode()


def test_password_change_validates_and_saves(advisor_client, advisor):
    url = reverse("staff:password_change")
    weak = advisor_client.post(
        url, {"old_password": PASSWORD, "new_password1": "123", "new_password2": "123"}
    )
    new = "blå-tåg-över-ån-7"
    strong = advisor_client.post(
        url, {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )

    advisor.refresh_from_db()
    assert "Något behöver rättas" in weak.content.decode()
    assert strong["Location"] == reverse("staff:password_change_done")
    assert advisor.check_password("blå-tåg-över-ån-7")


def test_password_reset_mails_a_link_that_sets_a_new_password(client, advisor, mailoutbox):
    client.post(reverse("staff:password_reset"), {"email": advisor.email})

    assert mailoutbox == []  # queued like every mail
    assert run_tasks() == 1
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    assert mailoutbox[0].subject == "Nytt lösenord till ASF-portalen"
    link = re.search(r"http://testserver(/handlaggare/konto/aterstall/\S+)", body).group(1)
    form_page = client.get(link, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "blå-tåg-över-ån-7", "new_password2": "blå-tåg-över-ån-7"},
    )
    advisor.refresh_from_db()
    assert response["Location"] == reverse("staff:password_reset_complete")
    assert advisor.check_password("blå-tåg-över-ån-7")


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, mailoutbox):
    response = client.post(reverse("staff:password_reset"), {"email": "okand@example.se"})
    run_tasks()

    assert response["Location"] == reverse("staff:password_reset_done")
    assert mailoutbox == []


def test_session_ends_after_the_idle_time(advisor_client, settings):
    settings.STAFF_IDLE_MINUTES = 30
    advisor_client.get(reverse("staff:dashboard"))
    session = advisor_client.session
    session[StaffIdleTimeoutMiddleware.KEY] = int(time.time()) - 31 * 60
    session.save()

    response = advisor_client.get(reverse("staff:dashboard"), follow=True)

    assert response.redirect_chain[0][0].startswith(LOGIN)
    assert "inte hade gjort något på 30 minuter" in response.content.decode()
    assert "_auth_user_id" not in advisor_client.session


def test_session_stays_while_active(advisor_client):
    advisor_client.get(reverse("staff:dashboard"))
    session = advisor_client.session
    session[StaffIdleTimeoutMiddleware.KEY] = int(time.time()) - 10 * 60
    session.save()

    response = advisor_client.get(reverse("staff:dashboard"))

    assert response.status_code == 200
    assert advisor_client.session.get_expiry_age() == 30 * 60


def test_create_staff_makes_an_advisor_in_the_group(monkeypatch, capsys):
    answers = iter(["blå-tåg-över-ån-7", "blå-tåg-över-ån-7"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))

    call_command("create_staff", "sara", role="advisor", email="sara@kommun.se")

    user = get_user_model().objects.get(username="sara")
    assert [g.name for g in user.groups.all()] == ["Rådgivare"]
    assert not user.is_staff
    assert user.check_password("blå-tåg-över-ån-7")
    assert "Created sara (Rådgivare)." in capsys.readouterr().out


def test_create_staff_editor_without_password_and_refuses_weak_ones(monkeypatch):
    call_command("create_staff", "erik", role="editor", email="erik@kommun.se", no_password=True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: "123")

    with pytest.raises(CommandError, match=r"too short|för kort"):
        call_command("create_staff", "svag", role="advisor", email="s@kommun.se")

    erik = get_user_model().objects.get(username="erik")
    assert erik.is_staff and not erik.has_usable_password()
    assert [g.name for g in erik.groups.all()] == ["Redaktör"]
    assert not get_user_model().objects.filter(username="svag").exists()


def test_demo_staff_are_refused_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("create_demo_staff")

    assert not get_user_model().objects.exists()


def test_demo_staff_are_made_once_with_printed_credentials(settings, capsys):
    settings.DEBUG = True

    call_command("create_demo_staff")
    call_command("create_demo_staff")

    out = capsys.readouterr().out
    users = get_user_model().objects
    assert users.count() == 2
    assert users.get(username="radgivare").check_password("demo-radgivare")
    assert "Demo advisor: radgivare / demo-radgivare" in out
    assert "Demo editor: redaktor / demo-redaktor" in out
