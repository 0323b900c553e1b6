"""The one way the site sends a mail: Swedish templates, rendered and sent.

Every mail (inquiry notices and receipts, review reminders and digests) goes
through ``send_templated_mail``, so how mail leaves the process (today: at
once, through Django's mail API) can change in one place.
"""

import logging

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def send_templated_mail(
    *,
    subject_template: str,
    body_template: str,
    context: dict,
    to: str,
    what: str,
    reply_to: str | None = None,
) -> bool:
    """Render the subject and the body in Swedish and send them to ``to``.

    Returns False when the mail server refuses, after logging an error that
    names ``what`` and the error's class only: SMTP errors can carry the
    recipient's address, and ``what`` must not hold personal data either.
    """
    with translation.override("sv"):
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context)
    message = EmailMessage(subject, body, to=[to], reply_to=[reply_to] if reply_to else None)
    try:
        message.send()
    except Exception as error:  # any failure: the caller decides what it means
        logger.error("Could not send the %s: %s", what, type(error).__name__)
        return False
    return True
