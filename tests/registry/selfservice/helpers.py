"""An enterprise with a working personal link, as a reminder would make it."""

from django.urls import reverse

from registry.models import LinkReason
from registry.selfservice import make_token
from registry.services.selfservice import link_create
from tests.factories import EnterpriseFactory, IndustryFactory, OfferingFactory, TargetGroupFactory


def enterprise_with_link(**fields):
    """(enterprise, link, page path): a published record with two offerings."""
    fields.setdefault("name", "Kafé Kornet")
    fields.setdefault("email", "info@kornet.se")
    fields.setdefault("phone", "08-12 34 56")
    fields.setdefault("street_address", "Storgatan 1")
    fields.setdefault("postal_code", "123 45")
    fields.setdefault("city", "Exempelby")
    enterprise = EnterpriseFactory(industries=[IndustryFactory(name="Café")], **fields)
    group = TargetGroupFactory(name="Unga vuxna")
    OfferingFactory(
        enterprise=enterprise,
        kind="arbetstraning",
        open_places=1,
        target_groups=[group],
        referrers=["arbetsformedlingen"],
    )
    OfferingFactory(enterprise=enterprise, kind="anstallning", open_places=None)
    link = link_create(enterprise=enterprise, reason=LinkReason.REMINDER, sent_to=enterprise.email)
    return enterprise, link, page_path(link)


def page_path(link, name: str = "page") -> str:
    token = make_token(link_id=link.pk, enterprise_id=link.enterprise_id)
    return reverse(f"selfservice:{name}", kwargs={"token": token})


def change_form_data(form) -> dict:
    """What the change form posts when nothing is edited."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list) else value
    return data
