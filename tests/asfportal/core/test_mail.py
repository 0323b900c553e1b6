"""asfportal.core.mail.send_templated_mail: the one way the site sends mail."""

from django.utils import translation

from asfportal.core.mail import send_templated_mail


def send(to: str) -> bool:
    return send_templated_mail(
        subject_template="guidance/mail/inquiry_receipt_subject.txt",
        body_template="guidance/mail/inquiry_receipt.txt",
        context={"inquiry": {"reference": "ASF-2026-00001", "name": "Sara"}, "municipality": "K"},
        to=to,
        what="receipt of inquiry ASF-2026-00001",
        reply_to="asf@example.se",
    )


def test_the_mail_is_rendered_in_swedish_whatever_the_page_language(mailoutbox):
    with translation.override("en"):
        assert send("sara@example.se") is True

    mail = mailoutbox[0]
    assert mail.to == ["sara@example.se"]
    assert mail.reply_to == ["asf@example.se"]
    assert "ASF-2026-00001" in mail.subject
    assert "\n" not in mail.subject
    assert mail.body.startswith("Hej!")
    assert "Tack för din förfrågan. Ditt referensnummer är ASF-2026-00001." in mail.body


def test_a_refused_mail_is_false_and_logged_without_the_address(
    mailoutbox, caplog, refusing_mail_server
):
    assert send("trasig@example.se") is False
    assert mailoutbox == []
    assert "receipt of inquiry ASF-2026-00001: SMTPRecipientsRefused" in caplog.text
    assert "trasig@example.se" not in caplog.text
