import pytest
from django.core.exceptions import ValidationError

from registry.orgnr import format_org_number, luhn_check_digit, normalise_org_number

# 556036-0793 is a well-known real organisation number with a valid check digit.
VALID = "5560360793"


@pytest.mark.parametrize(
    "raw",
    ["556036-0793", "5560360793", "165560360793", "16556036-0793", " 556036-0793 ", "556036 0793"],
)
def test_normalise_accepts_the_written_forms(raw):
    assert normalise_org_number(raw) == VALID


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("556036-0794", "org_number_checksum"),
        ("55603607", "org_number_format"),
        ("55603607931", "org_number_format"),
        ("abcdefghij", "org_number_format"),
        ("", "org_number_format"),
        ("١٢٣٤٥٦٧٨٩٠", "org_number_format"),  # Arabic-Indic digits are not ASCII digits
        ("811218-9876", "org_number_person"),  # third digit 1: a personal identity number
        ("175560360793", "org_number_format"),  # a century prefix other than 16
    ],
)
def test_normalise_rejects_bad_numbers_with_a_swedish_message(raw, code):
    with pytest.raises(ValidationError) as error:
        normalise_org_number(raw)
    assert error.value.code == code
    assert str(error.value.message).startswith(("Organisationsnumret", "Det här ser ut"))


def test_check_digit_makes_a_valid_number():
    assert luhn_check_digit("556036079") == "3"
    assert normalise_org_number("769000001" + luhn_check_digit("769000001"))


def test_format_writes_the_hyphen():
    assert format_org_number(VALID) == "556036-0793"
