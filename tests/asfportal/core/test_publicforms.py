"""asfportal.core.publicforms: the steps every public form shares."""

import uuid

import pytest
from django import forms
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from asfportal.core import publicforms
from asfportal.core.publicforms import PublicForm, PublicFormMixin

pytestmark = pytest.mark.django_db

RECEIPT = PublicForm(
    scope="test", receipt_key="test:receipt", receipt_url="home", too_many="För många."
)


class NameForm(PublicFormMixin, forms.Form):
    autocomplete = {"name": "name", "phone": "tel"}
    name = forms.CharField()
    phone = forms.CharField(required=False)


def posted(**data):
    request = RequestFactory().post("/", data, REMOTE_ADDR="192.0.2.1")
    request.session = SessionStore()
    return request, NameForm(request.POST)


def test_a_valid_send_is_saved_and_its_receipt_kept_in_the_session():
    request, form = posted(name="Sara", token=str(uuid.uuid4()))
    saved = []

    response = publicforms.submit(request, form, RECEIPT, save=lambda d: saved.append(d) or "R1")

    assert response.status_code == 302 and response.url == "/"
    assert [d["name"] for d in saved] == ["Sara"]
    assert isinstance(saved[0]["token"], uuid.UUID)
    assert publicforms.receipt(request, RECEIPT) == "R1"


def test_a_bot_is_thanked_and_nothing_is_saved(caplog):
    request, form = posted(name="Bot", hemsida="http://spam.example")
    saved = []

    response = publicforms.submit(request, form, RECEIPT, save=saved.append)

    assert response.status_code == 302
    assert saved == []
    assert publicforms.receipt(request, RECEIPT) == ""
    assert "Honeypot filled in on the test form" in caplog.text


def test_a_send_over_the_hourly_limit_is_refused_with_429(settings):
    settings.PUBLIC_FORM_RATE_PER_HOUR = 1
    publicforms.submit(*posted(name="Ett"), RECEIPT, save=lambda d: "1")
    request, form = posted(name="Två")

    response = publicforms.submit(request, form, RECEIPT, save=lambda d: "2")

    assert response is None
    assert form.status == 429
    assert form.non_field_errors() == ["För många."]


def test_an_invalid_form_or_a_refusing_save_shows_the_form_again():
    request, invalid = posted(name="")
    assert publicforms.submit(request, invalid, RECEIPT, save=lambda d: "x") is None
    request, form = posted(name="Sara")
    assert publicforms.submit(request, form, RECEIPT, save=lambda d: None) is None
    assert publicforms.receipt(request, RECEIPT) is None


def test_a_mangled_token_gets_a_fresh_one_so_the_form_can_still_be_sent():
    _request, form = posted(name="Sara", token="inte-en-uuid")
    assert form.is_valid()
    assert isinstance(form.cleaned_data["token"], uuid.UUID)


def test_fields_get_their_autocomplete_tokens_and_a_phone_keyboard():
    html = str(NameForm())
    assert 'name="name" autocomplete="name"' in html
    assert 'type="tel" name="phone" autocomplete="tel"' in html
    assert 'name="hemsida"' in html and 'type="hidden" name="token"' in html
