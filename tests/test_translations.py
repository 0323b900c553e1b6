"""The English catalogue is complete and its compiled .mo matches the .po."""

import gettext
import re
from pathlib import Path

PO = Path(__file__).resolve().parent.parent / "locale/en/LC_MESSAGES/django.po"


def po_entries() -> dict[str, str]:
    """msgid -> msgstr (first form) for every non-header entry, parsed plainly;
    an entry with a context is keyed "context\x04msgid", as gettext keys it."""
    entries, text = {}, PO.read_text(encoding="utf-8")
    for block in text.split("\n\n")[1:]:
        if "#, fuzzy" in block:
            entries[f"FUZZY:{block[:60]}"] = ""
            continue
        msgid = _joined(block, "msgid")
        msgstr = _joined(block, "msgstr") or _joined(block, r"msgstr\[0\]")
        context = _joined(block, "msgctxt")
        if msgid:
            entries[f"{context}\x04{msgid}" if context else msgid] = msgstr
    return entries


def _joined(block: str, key: str) -> str:
    match = re.search(rf'^{key} ((?:".*"\n?)+)', block, re.M)
    if not match:
        return ""
    parts = re.findall(r'"(.*)"', match.group(1))
    return "".join(parts).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")


def test_every_interface_string_has_an_english_translation():
    missing = [msgid for msgid, msgstr in po_entries().items() if not msgstr]
    assert missing == []


def test_compiled_catalogue_matches_the_source():
    with PO.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for key, msgstr in po_entries().items():
        context, _sep, msgid = key.rpartition("\x04")
        if "%(" not in msgid:
            found = compiled.pgettext(context, msgid) if context else compiled.gettext(msgid)
            assert found == msgstr, key
