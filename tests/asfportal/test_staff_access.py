"""Every URL under /handlaggare/ and /admin/, walked for every role.

The list of URL patterns comes from the URL resolver, so a new staff page that
is missing from the expectations below fails ``test_every_staff_url_is_known``.
Expectations are written out by hand, not derived from the permissions the
code checks, so the test catches a view that checks the wrong permission.
"""

import uuid

import pytest
from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks_db.models import DBTaskResult

from asfportal.core.mail import queue_templated_mail
from guidance.models import Inquiry
from registry.models import ChangeProposal, EnterpriseImport, EnterpriseReport, SocialEnterprise
from registry.services.selfservice import link_create
from tests.factories import (
    AreaFactory,
    EnterpriseFactory,
    IndustryFactory,
    PageFactory,
    PartnerFactory,
    PlaceFactory,
    SessionFactory,
    TargetGroupFactory,
    build_flow,
)

pytestmark = pytest.mark.django_db

ADVISOR_PAGES = "advisor"  # advisors only
ACCOUNT = "account"  # any signed-in user
PUBLIC = "public"  # the login and password-reset pages

STAFF_URLS = {
    "staff:dashboard": ADVISOR_PAGES,
    "staff:login": PUBLIC,
    "staff:logout": ACCOUNT,
    "staff:password_change": ACCOUNT,
    "staff:password_change_done": ACCOUNT,
    "staff:password_reset": PUBLIC,
    "staff:password_reset_done": PUBLIC,
    "staff:password_reset_confirm": PUBLIC,
    "staff:password_reset_complete": PUBLIC,
}
POST_ONLY = {
    "staff:logout",
    "registry_staff:enterprise_status",
    "registry_staff:enterprise_checked",
    "registry_staff:enterprise_restore",
    "registry_staff:report_approve",
    "registry_staff:report_reject",
    "registry_staff:enterprise_send_link",
    "registry_staff:enterprise_revoke_links",
    "registry_staff:proposal_decide",
    "registry_staff:alert_export",
    "registry_staff:alert_erase",
    "inquiries:assign",
    "inquiries:add_note",
    "inquiries:set_status",
    "inquiries:remove_answers",
}

# What the editor group may do in the admin, per model: v(iew) a(dd) c(hange) d(elete).
EDITOR_ADMIN = {
    "guidance.page": "vacd",
    "guidance.adviceflow": "vacd",
    # Questions and choices of a published flow are removed on the flow's own
    # page, where the whole flow is checked; choices are added there too.
    "guidance.question": "vac",
    "guidance.choice": "vc",
    "registry.industry": "vacd",
    "registry.targetgroup": "vacd",
    "registry.area": "vacd",
}
EDITOR_APPS = {"guidance", "registry"}


def _walk(resolvers, prefix="", namespace=""):
    for entry in resolvers:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, route, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield route, namespace + entry.name, entry


def staff_patterns():
    return [
        (route, name, entry)
        for route, name, entry in _walk(get_resolver().url_patterns)
        if route.startswith(("handlaggare/", "admin/"))
    ]


def _expectation(name: str) -> str:
    if name in STAFF_URLS:
        return STAFF_URLS[name]
    if name.split(":")[0] in {"registry_staff", "inquiries"}:
        return ADVISOR_PAGES
    raise KeyError(name)


def test_every_staff_url_is_known():
    names = [name for _route, name, _entry in staff_patterns() if not name.startswith("admin:")]
    assert len(names) > 20
    for name in names:
        _expectation(name)  # raises for a page nobody thought about


@pytest.fixture
def objects(advisor, editor):
    enterprise = EnterpriseFactory()
    partner = PartnerFactory()
    place = PlaceFactory(partner=partner)
    draft = EnterpriseFactory(status="draft")
    report = EnterpriseReport.objects.create(
        enterprise=draft, reason="Sysselsätter", submission_token=uuid.uuid4()
    )
    inquiry = Inquiry.objects.create(
        reference="ASF-2026-00001", name="Sara", email="sara@example.se", topic="jobba"
    )
    batch = EnterpriseImport.objects.create(created_by=advisor, filename="a.csv", text="namn\n")
    link = link_create(enterprise=enterprise, reason="reminder", sent_to="a@example.se")
    proposal = ChangeProposal.objects.create(
        enterprise=enterprise, link=link, submission_token=uuid.uuid4(), base_version=1,
        changes={"name": {"old": enterprise.name, "new": "Nytt"}}, reply_to="a@example.se",
    )  # fmt: skip
    mail = queue_templated_mail(
        subject_template="guidance/mail/inquiry_receipt_subject.txt",
        body_template="guidance/mail/inquiry_receipt.txt",
        context={"inquiry": inquiry, "municipality": "K"},
        to="sara@example.se",
        what="receipt",
    )
    questions = build_flow()
    question = questions["situation"]
    return {
        "foretag": enterprise,
        "partner": partner,
        "anmalningar": report,
        "arenden": inquiry,
        "import": batch,
        "forslag": proposal,
        "history": enterprise.history.first(),
        "editor": editor,
        "models": {
            "registry.socialenterprise": enterprise,
            "registry.partner": partner,
            "registry.place": place,
            "registry.session": SessionFactory(place=place),
            "registry.industry": IndustryFactory(),
            "registry.targetgroup": TargetGroupFactory(),
            "registry.area": AreaFactory(),
            "guidance.page": PageFactory(),
            "guidance.adviceflow": question.flow,
            "guidance.question": question,
            "guidance.choice": question.choices.first(),
            "guidance.inquiry": inquiry,
            "auth.user": advisor,
            "auth.group": advisor.groups.first(),
            "core.outboundmail": mail,
            "django_tasks_database.dbtaskresult": DBTaskResult.objects.first(),
        },
    }


def _kwargs(route: str, name: str, entry, objects) -> dict:
    kwargs = {}
    for key in entry.pattern.converters or entry.pattern.regex.groupindex:
        if key == "pk":
            section = next(s for s in ("foretag/import", "foretag", "partner", "anmalningar",
                                        "arenden", "forslag") if f"{s}/" in route)  # fmt: skip
            kwargs[key] = objects["import" if section == "foretag/import" else section].pk
        elif key == "history_id":
            kwargs[key] = objects["history"].history_id
        elif key == "object_id" or key == "id":
            kwargs[key] = objects["models"][_admin_model(name)].pk
        elif key == "app_label":
            kwargs[key] = "guidance"
        elif key == "uidb64":
            kwargs[key] = urlsafe_base64_encode(force_bytes(objects["editor"].pk))
        elif key == "token":
            kwargs[key] = default_token_generator.make_token(objects["editor"])
        elif key == "content_type_id":
            kwargs[key] = 1
        else:
            raise KeyError(f"{name}: no sample value for {key}")
    return kwargs


_ADMIN_ACTIONS = {
    "_preview_existing": "c",
    "_simple_history": "v",
    "_password_change": None,
    "_changelist": "v",
    "_change": "v",
    "_history": "v",
    "_add": "a",
    "_delete": "d",
}


def _admin_split(name: str) -> tuple[str, str | None]:
    """admin:registry_socialenterprise_change → ("registry.socialenterprise", "v")."""
    base = name.split(":", 1)[1]
    suffix = next(s for s in _ADMIN_ACTIONS if base.endswith(s))
    stem = base.removesuffix(suffix)
    # App labels can hold underscores (django_tasks_database): take the longest.
    app = max((c.label for c in apps.get_app_configs() if stem.startswith(c.label + "_")), key=len)
    return f"{app}.{stem.removeprefix(app + '_')}", _ADMIN_ACTIONS[suffix]


def _admin_model(name: str) -> str:
    return _admin_split(name)[0]


def _url(route, name, entry, objects):
    if name in {"admin:view_on_site"}:
        return None  # a public redirect to the object's own page, not an admin page
    if name.endswith("_simple_history"):  # django-simple-history's regex pattern
        obj = objects["models"][_admin_model(name)]
        return reverse(name, args=[obj.pk, obj.history.first().history_id])
    return reverse(name, kwargs=_kwargs(route, name, entry, objects))


def _get(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url)


@pytest.mark.parametrize("role", ["anonymous", "no_role", "advisor", "editor"])
def test_staff_urls_answer_each_role_as_expected(
    client, role, objects, advisor, editor, no_role_user
):
    user = {"anonymous": None, "no_role": no_role_user, "advisor": advisor, "editor": editor}[role]
    problems = []
    for route, name, entry in staff_patterns():
        url = _url(route, name, entry, objects)
        if url is None:
            continue
        response = _get(client, user, url)
        expected = _expected_status(name, role)
        if response.status_code not in expected:
            problems.append(f"{role} GET {url} ({name}): {response.status_code}, want {expected}")
        if expected == {302} and response.status_code == 302 and name != "admin:logout":
            login = "/admin/login/" if name.startswith("admin:") else "/handlaggare/konto/logga-in/"
            if not response["Location"].startswith(login):
                problems.append(f"{url}: redirected to {response['Location']}")
    assert not problems, "\n".join(problems)


def _expected_status(name: str, role: str) -> set[int]:
    if name.startswith("admin:"):
        return _expected_admin(name, role)
    kind = _expectation(name)
    if name == "staff:logout":
        return {405}  # POST only, for anyone; signing out asks for no permission
    allowed = {200, 405} if name in POST_ONLY else {200}
    if kind == PUBLIC:
        return {200, 302}  # signed-in users are sent on from the login page
    if role == "anonymous":
        return {302}
    if kind == ACCOUNT or role == "advisor":
        return allowed
    return {403}


def _expected_admin(name: str, role: str) -> set[int]:
    if name in {"admin:login"}:
        return {200, 302}
    if role == "anonymous":
        return {302}
    if role != "editor":
        return {403}
    if name == "admin:logout":
        return {405}
    if name in {"admin:index", "admin:jsi18n", "admin:password_change",
                "admin:password_change_done", "admin:autocomplete"}:  # fmt: skip
        return {200, 403} if name == "admin:autocomplete" else {200}
    if name.endswith(("_preview", "_preview_existing")):
        return {405}  # the policy page preview is POST only
    if name == "admin:app_list":
        return {200}  # sample app is guidance, where editors work
    model, action = _admin_split(name)
    granted = EDITOR_ADMIN.get(model, "")
    return {200} if action and action in granted else {403}


@pytest.mark.parametrize("name", sorted(n for n in POST_ONLY if not n.startswith("staff:")))
def test_staff_writes_refuse_post_from_other_roles(client, name, objects, editor, no_role_user):
    route, _name, entry = next(p for p in staff_patterns() if p[1] == name)
    url = _url(route, name, entry, objects)
    for user in (no_role_user, editor):
        client.force_login(user)
        assert client.post(url, {"status": "published"}).status_code == 403
    client.logout()
    response = client.post(url, {"status": "published"})
    assert response.status_code == 302
    assert response["Location"].startswith("/handlaggare/konto/logga-in/")
    assert SocialEnterprise.objects.filter(status="published").count() == 1
