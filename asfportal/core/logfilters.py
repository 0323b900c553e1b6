"""Keep secrets and positions in URLs out of the logs.

An enterprise's personal link (/uppdatera/<token>/) works as a password for its
record, an alert's links (/bevakning/<token>/) for the alert, and the
directory's ``position=`` parameter carries where a person is (their
browser's location, for "nearest first"). Django logs request lines
(runserver's ``django.server``) and the paths of 4xx/5xx answers
(``django.request``); this filter rewrites such a token to ``[token]`` and
such a position to ``[position]`` before any handler sees the record.
"""

import logging
import re

TOKEN_IN_PATH = re.compile(r"(/uppdatera/|/bevakning/(?!ny/|skickat/))[^/\s\"?]+")
POSITION_IN_QUERY = re.compile(r"([?&]position=)[^&\s\"#]*")


def redact(text: str) -> str:
    return POSITION_IN_QUERY.sub(r"\1[position]", TOKEN_IN_PATH.sub(r"\1[token]", text))


class RedactTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "/uppdatera/" in message or "/bevakning/" in message or "position=" in message:
            record.msg, record.args = redact(message), ()
        return True
