"""Swedish organisation numbers (organisationsnummer).

Ten digits written NNNNNN-NNNN. The last digit is a Luhn check digit, and for
legal persons the third digit is at least 2. People also write the number
without the hyphen, or with the century prefix 16 that the tax agency uses for
legal persons ("16" + ten digits).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[\s\-+]")


def luhn_checksum_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def luhn_check_digit(first_nine: str) -> str:
    """The digit that makes ``first_nine`` + digit pass the Luhn check."""
    for candidate in "0123456789":
        if luhn_checksum_ok(first_nine + candidate):
            return candidate
    raise AssertionError("unreachable: one of ten digits always fits")


def normalise_org_number(raw: str) -> str:
    """Return the number as ten digits, or raise ValidationError in Swedish."""
    digits = _SEPARATORS.sub("", raw or "")
    if len(digits) == 12 and digits.startswith("16"):
        digits = digits[2:]
    if not digits.isascii() or not digits.isdigit() or len(digits) != 10:
        raise ValidationError(
            _("Organisationsnumret ska ha tio siffror, till exempel 556677-8899."),
            code="org_number_format",
        )
    if int(digits[2]) < 2:
        raise ValidationError(
            _(
                "Det här ser ut som ett personnummer. Ett organisationsnummer har "
                "en tvåa eller högre som tredje siffra."
            ),
            code="org_number_person",
        )
    if not luhn_checksum_ok(digits):
        raise ValidationError(
            _("Organisationsnumret stämmer inte. Kontrollera att alla siffror är rätt."),
            code="org_number_checksum",
        )
    return digits


def format_org_number(digits: str) -> str:
    """Ten stored digits as NNNNNN-NNNN."""
    return f"{digits[:6]}-{digits[6:]}" if len(digits) == 10 else digits


def validate_org_number(value: str) -> None:
    if normalise_org_number(value) != value:
        raise ValidationError(
            _("Organisationsnumret ska sparas som tio siffror utan bindestreck."),
            code="org_number_not_normalised",
        )
