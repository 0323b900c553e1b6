"""Policy pages: list, page with history, diff, Atom feed, editing in the admin."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from guidance.models import Issuer, Page, PageRevision, PageStatus
from guidance.services import page_save
from tests.factories import PageFactory, UserFactory, publish_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_with_history():
    page = PageFactory(title="Kommunens policy", slug="kommunens-policy")
    publish_page(
        page, body="## Stöd\n\nSKL stöttar sociala företag.", change_summary="Första versionen."
    )
    publish_page(
        page,
        body="## Stöd\n\nSKR stöttar sociala företag.\n\nNytt stycke om rådgivning.",
        change_summary="Uppdaterade namnet till SKR.",
    )
    return page


def test_policy_list_groups_published_pages_by_issuer_and_hides_drafts(client):
    PageFactory(title="Regeringens plan", issuer=Issuer.GOVERNMENT)
    PageFactory(title="Kommunens policy", issuer=Issuer.MUNICIPALITY)
    PageFactory(title="Hemligt utkast", status=PageStatus.DRAFT)
    response = client.get(reverse("guidance:policy_list"))
    groups = response.context["groups"]
    assert [label for label, _pages in groups] == ["Kommunen", "Regeringen"]
    assert "Hemligt utkast" not in response.text
    assert "Regeringens plan" in response.text


def test_policy_list_query_count_does_not_grow(client, django_assert_max_num_queries):
    for index in range(12):
        PageFactory(issuer=list(Issuer)[index % 8])
    with django_assert_max_num_queries(3):
        client.get(reverse("guidance:policy_list"))


def test_policy_detail_shows_facts_body_and_change_history(client, page_with_history):
    response = client.get(page_with_history.get_absolute_url())
    text = response.text
    assert "<h2>Stöd</h2>" in text
    assert "Version 2" in text and "Version 1" in text
    assert "Uppdaterade namnet till SKR." in text
    assert "Första versionen." in text
    assert "Kommunen" in text  # the issuer
    assert reverse("guidance:policy_diff", args=["kommunens-policy"]) + "?fran=1&amp;till=2" in text


def test_policy_detail_query_count(client, page_with_history, django_assert_max_num_queries):
    for n in range(10):
        publish_page(page_with_history, body=f"Text {n}", change_summary=f"Ändring {n}")
    with django_assert_max_num_queries(4):
        client.get(page_with_history.get_absolute_url())


def test_policy_detail_draft_is_404(client):
    page = PageFactory(status=PageStatus.DRAFT)
    assert client.get(page.get_absolute_url()).status_code == 404


def test_policy_detail_missing_is_404(client):
    assert client.get(reverse("guidance:policy_detail", args=["finns-inte"])).status_code == 404


def test_policy_body_never_renders_script_from_the_source(client):
    page = PageFactory(body='Hej <script>alert("x")</script> [länk](javascript:alert(1))')
    text = client.get(page.get_absolute_url()).text
    assert "<script>alert" not in text
    assert "javascript:alert" not in text


def test_policy_diff_between_two_revisions(client, page_with_history):
    url = reverse("guidance:policy_diff", args=[page_with_history.slug])
    response = client.get(url, {"fran": "1", "till": "2"})
    text = response.text
    assert "<del>SKL</del>" in text
    assert "<ins>SKR</ins>" in text
    assert "<ins>Nytt stycke om rådgivning.</ins>" in text
    assert response.context["old"].number == 1


@pytest.mark.parametrize(
    "params", [{"fran": "x", "till": "2"}, {"fran": "9", "till": "1"}, {"fran": "1", "till": "1"},
               {"fran": "1" * 30, "till": "2"}]
)  # fmt: skip
def test_policy_diff_bad_numbers_fall_back_to_the_newest_two(client, page_with_history, params):
    response = client.get(reverse("guidance:policy_diff", args=[page_with_history.slug]), params)
    assert response.status_code == 200
    assert (response.context["old"].number, response.context["new"].number) == (1, 2)
    assert "Vi kunde inte jämföra de versionerna" in response.text


def test_policy_diff_escapes_markup_in_the_text(client):
    page = PageFactory()
    publish_page(page, body="Ett.", change_summary="v1")
    publish_page(page, body="Ett.\n\n<b>fet</b>", change_summary="v2")
    text = client.get(reverse("guidance:policy_diff", args=[page.slug])).text
    assert "&lt;b&gt;fet&lt;/b&gt;" in text
    assert "<b>fet</b>" not in text


def test_policy_diff_single_revision_says_there_is_nothing_to_compare(client):
    page = PageFactory()
    publish_page(page, body="Ett.", change_summary="v1")
    text = client.get(reverse("guidance:policy_diff", args=[page.slug])).text
    assert "Sidan har bara en version" in text


def test_policy_feed_lists_revisions_of_published_pages(client, page_with_history):
    draft = PageFactory(title="Utkastet", status=PageStatus.PUBLISHED)
    publish_page(draft, body="x", change_summary="Hemlig ändring")
    Page.objects.filter(pk=draft.pk).update(status=PageStatus.DRAFT)
    response = client.get(reverse("guidance:policy_feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    text = response.content.decode()
    assert "Kommunens policy – Uppdaterade namnet till SKR." in text
    assert "#version-2" in text
    assert "Hemlig ändring" not in text


def test_page_save_records_a_revision_only_when_published_text_changes():
    page = PageFactory.build(status=PageStatus.DRAFT)
    assert page_save(page=page) is None
    page.status = PageStatus.PUBLISHED
    first = page_save(page=page, change_summary="Publicerad.")
    assert first.number == 1 and first.change_summary == "Publicerad."
    page.menu_order = 5
    assert page_save(page=page) is None  # no new text for the public
    page.body = "Ny text."
    assert page_save(page=page, change_summary="Ny text.").number == 2


# Admin ---------------------------------------------------------------------


def _admin_data(page=None, **overrides):
    data = {
        "title": "Ny policy",
        "slug": "ny-policy",
        "issuer": Issuer.MUNICIPALITY,
        "summary": "Kort.",
        "body": "## Rubrik\n\nText.",
        "valid_from": "",
        "last_reviewed": "",
        "status": PageStatus.PUBLISHED,
        "menu_order": "10",
        "change_summary": "Första versionen.",
        "revisions-TOTAL_FORMS": "0",
        "revisions-INITIAL_FORMS": str(page.revisions.count() if page else 0),
        "revisions-MIN_NUM_FORMS": "0",
        "revisions-MAX_NUM_FORMS": "1000",
    }
    return data | overrides


def test_admin_publishing_creates_a_revision_with_the_summary(admin_client, admin_user):
    response = admin_client.post(reverse("admin:guidance_page_add"), _admin_data())
    assert response.status_code == 302
    revision = PageRevision.objects.get(page__slug="ny-policy")
    assert revision.change_summary == "Första versionen."
    assert revision.published_by == admin_user


def test_admin_publishing_new_text_requires_a_change_summary(admin_client):
    response = admin_client.post(reverse("admin:guidance_page_add"), _admin_data(change_summary=""))
    assert response.status_code == 200
    assert "Skriv kort vad som har ändrats" in response.text
    assert not Page.objects.exists()


def test_admin_preview_renders_the_unsaved_text_and_saves_nothing(admin_client):
    page = PageFactory(title="Gammal rubrik", body="Gammal text.")
    response = admin_client.post(
        reverse("admin:guidance_page_preview_existing", args=[page.pk]),
        _admin_data(
            page, title="Ny rubrik", slug=page.slug, body="## Ny\n\nNy text <script>x</script>"
        ),
    )
    assert response.status_code == 200
    assert "Förhandsgranskning" in response.text
    assert "<h2>Ny</h2>" in response.text
    assert "<script>x" not in response.text
    page.refresh_from_db()
    assert (page.title, page.body) == ("Gammal rubrik", "Gammal text.")


def test_admin_preview_of_a_new_page(admin_client):
    response = admin_client.post(reverse("admin:guidance_page_preview"), _admin_data())
    assert "Ny policy" in response.text
    assert not Page.objects.exists()


def test_admin_preview_is_post_only(admin_client):
    assert admin_client.get(reverse("admin:guidance_page_preview")).status_code == 405


def test_admin_preview_needs_the_permission(client):
    user = UserFactory(is_staff=True)
    client.force_login(user)
    url = reverse("admin:guidance_page_preview")
    assert client.post(url, _admin_data()).status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="add_page"))
    assert client.post(url, _admin_data()).status_code == 200


def test_admin_preview_anonymous_is_sent_to_login(client):
    response = client.post(reverse("admin:guidance_page_preview"), _admin_data())
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_policy_diff_unicode_digits_are_not_numbers(client, page_with_history):
    url = reverse("guidance:policy_diff", args=[page_with_history.slug])
    response = client.get(url, {"fran": "²", "till": "1"})
    assert response.status_code == 200
    assert response.context["old"].number == 1


def test_admin_preview_of_a_non_numeric_id_is_404(admin_client):
    # Not a preview URL: the admin's own "no such object" redirect, never a 500.
    response = admin_client.post("/admin/guidance/page/abc/preview/", _admin_data())
    assert response.status_code == 302
    assert not Page.objects.exists()
