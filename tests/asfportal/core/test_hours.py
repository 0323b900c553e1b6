"""Opening hours as rules (registry/hours.py): the Swedish input lines, their
errors, the public text, the dates they give, whether a session fits them, and
the HSDS schedule. No database."""

import datetime
import json
import zoneinfo

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from asfportal.core import hours
from asfportal.core.hours import HoursError

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
EXAMPLE = "Skriv till exempel"


def weekly(*days: str, opens="08:00", closes="16:30", dtstart=None, note="", interval=1):
    return {
        "freq": "WEEKLY",
        "interval": interval,
        "byday": list(days),
        "opens": opens,
        "closes": closes,
        "dtstart": dtstart,
        "note": note,
    }


def monthly(day: str, opens="13:00", closes="16:00", note=""):
    return {
        "freq": "MONTHLY",
        "interval": 1,
        "byday": [day],
        "opens": opens,
        "closes": closes,
        "dtstart": None,
        "note": note,
    }


def one(line: str) -> dict:
    (rule,) = hours.parse(line)
    return rule


def error_for(text: str) -> HoursError:
    with translation.override("sv"), pytest.raises(HoursError) as caught:
        hours.parse(text)
    return caught.value


def at(day: str, hhmm: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(f"{day}T{hhmm}")


# --- Parsing: the grammar -----------------------------------------------------


def test_parse_empty_text_gives_no_rules():
    assert hours.parse("") == []
    assert hours.parse("\n  \n") == []


def test_parse_weekly_range_gives_ordered_rule():
    rule = one("Måndag–torsdag 8–16.30")

    assert rule == weekly("MO", "TU", "WE", "TH")
    assert list(rule) == ["freq", "interval", "byday", "opens", "closes", "dtstart", "note"]


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("måndag", "MO"),
        ("mån", "MO"),
        ("måndagar", "MO"),
        ("måndagen", "MO"),
        ("måndagarna", "MO"),
        ("tisdag", "TU"),
        ("tis", "TU"),
        ("onsdagar", "WE"),
        ("ons", "WE"),
        ("torsdagen", "TH"),
        ("tor", "TH"),
        ("tors", "TH"),
        ("fredagarna", "FR"),
        ("fre", "FR"),
        ("lördag", "SA"),
        ("lör", "SA"),
        ("söndagar", "SU"),
        ("sön", "SU"),
        ("TISDAG", "TU"),
    ],
)
def test_parse_day_spelling_gives_day_code(word, code):
    assert one(f"{word} 9–12")["byday"] == [code]


@pytest.mark.parametrize(
    "line",
    ["mån–fre 8–16", "måndag-fredag 8–16", "Måndagar – fredagar 8–16", "mån - fre 8–16"],
)
def test_parse_range_with_dash_or_hyphen_gives_all_days(line):
    assert one(line)["byday"] == ["MO", "TU", "WE", "TH", "FR"]


@pytest.mark.parametrize(
    ("line", "days"),
    [
        ("tisdag och torsdag 9–16", ["TU", "TH"]),
        ("mån, ons och fre 9–16", ["MO", "WE", "FR"]),
        ("fre, mån 9–16", ["MO", "FR"]),
        ("Tisdagar OCH torsdagar 9–16", ["TU", "TH"]),
    ],
)
def test_parse_list_gives_days_in_week_order(line, days):
    assert one(line)["byday"] == days


@pytest.mark.parametrize(
    ("times", "opens", "closes"),
    [
        ("8–16", "08:00", "16:00"),
        ("8.00–16.30", "08:00", "16:30"),
        ("08:00-16:30", "08:00", "16:30"),
        ("kl. 8–16", "08:00", "16:00"),
        ("kl 8.15 - 9.45", "08:15", "09:45"),
        ("KL.8-12", "08:00", "12:00"),
        ("0–24", "00:00", "24:00"),
        ("18–24.00", "18:00", "24:00"),
    ],
)
def test_parse_time_forms_give_hh_mm(times, opens, closes):
    rule = one(f"Tisdag {times}")

    assert (rule["opens"], rule["closes"]) == (opens, closes)


def test_parse_every_week_word_is_same_as_none():
    assert one("Varje tisdag 9–12") == one("Tisdag 9–12")


def test_parse_note_after_comma_keeps_its_case_and_commas():
    rule = one("Tisdag och torsdag 9–16,  Efter bokning, ring först ")

    assert rule["note"] == "Efter bokning, ring först"


def test_parse_note_of_100_characters_is_allowed():
    assert one("Tisdag 9–16, " + "x" * 100)["note"] == "x" * 100


@pytest.mark.parametrize(
    ("line", "byday"),
    [
        ("Första tisdagen i månaden 13–16", ["1TU"]),
        ("första tisdag 13–16", ["1TU"]),
        ("Andra onsdagen i månaden 13–16", ["2WE"]),
        ("Tredje onsdagen 13–16", ["3WE"]),
        ("Fjärde fredagen i månaden 13–16", ["4FR"]),
        ("Sista torsdagen i månaden 13–16", ["-1TH"]),
    ],
)
def test_parse_ordinal_gives_monthly_rule(line, byday):
    rule = one(line)

    assert (rule["freq"], rule["interval"], rule["byday"]) == ("MONTHLY", 1, byday)


def test_parse_monthly_with_note_keeps_note():
    assert one("Första tisdagen i månaden 13–16, drop-in") == monthly("1TU", note="drop-in")


def test_parse_every_other_week_with_date_gives_interval_two():
    rule = one("Varannan onsdag 17–19 från 2026-12-16, drop-in")

    assert rule == weekly(
        "WE", opens="17:00", closes="19:00", dtstart="2026-12-16", note="drop-in", interval=2
    )


def test_parse_weekly_with_date_keeps_it_as_start():
    assert one("Torsdag 9–12 från 2026-12-17")["dtstart"] == "2026-12-17"


def test_parse_several_lines_skips_blank_ones():
    rules = hours.parse("Måndag 9–12\n\n  Första tisdagen 13–16  \n")

    assert [rule["byday"] for rule in rules] == [["MO"], ["1TU"]]


def test_parse_fourteen_lines_is_allowed():
    assert len(hours.parse("Tisdag 9–12\n" * 14)) == 14


def test_parse_result_is_json_serialisable():
    rules = hours.parse("Varannan onsdag 17–19 från 2026-12-16\nSista torsdagen 10–13")

    assert json.loads(json.dumps(rules)) == rules


# --- Parsing: errors ----------------------------------------------------------


def test_parse_unknown_day_names_word_line_and_example():
    error = error_for("Måndag 9–12\nTisdaggar 13–16")

    assert error.line == 2
    assert str(error) == (
        "Rad 2: vi förstår inte ”Tisdaggar”. Skriv till exempel: Tisdag 13–16, "
        "eller Första tisdagen i månaden 13–16."
    )


@pytest.mark.parametrize(
    ("line", "quoted"),
    [
        ("mån tis 9–12", "”mån tis”"),
        ("mån och 9–12", "”mån och”"),
        ("fre–mån 9–12", "”fre–mån”"),
        ("Drop-in tisdag 9–12", "”Drop”"),
        ("Varje tisdag i månaden 9–12", "”i månaden”"),
    ],
)
def test_parse_not_understood_head_quotes_it(line, quoted):
    error = error_for(line)

    assert error.line == 1
    assert quoted in str(error)
    assert EXAMPLE in str(error)


@pytest.mark.parametrize("line", ["Tisdag", "Tisdag 13", "Tisdag kl. 13", "Tisdag 13–"])
def test_parse_missing_times_says_so(line):
    error = error_for(line)

    assert error.line == 1
    assert "tiden saknas" in str(error)
    assert "Tisdag 13–16" in str(error)


def test_parse_missing_day_says_so():
    error = error_for("13–16")

    assert str(error).startswith("Rad 1: dagen saknas.")


@pytest.mark.parametrize("times", ["16–13", "13–13", "13.30–13.15"])
def test_parse_end_before_start_says_so(times):
    error = error_for(f"Tisdag {times}")

    assert "sluttiden måste vara senare än starttiden" in str(error)
    assert EXAMPLE in str(error)


@pytest.mark.parametrize(
    ("times", "bad"),
    [
        ("8–16.75", "16.75"),
        ("24–24", "24"),
        ("8–25", "25"),
        ("8–16.3", "16.3"),
        ("8–24.30", "24.30"),
    ],
)
def test_parse_impossible_time_names_it(times, bad):
    error = error_for(f"Tisdag {times}")

    assert f"”{bad}” är inte en tid som finns" in str(error)


def test_parse_every_other_week_without_date_asks_for_one():
    error = error_for("Tisdag 9–12\nVarannan onsdag 17–19")

    assert error.line == 2
    assert "varannan vecka" in str(error)
    assert "Varannan onsdag 17–19 från 2026-12-16" in str(error)


def test_parse_date_on_other_weekday_names_the_weekday():
    error = error_for("Varannan onsdag 17–19 från 2026-12-17")

    assert str(error).startswith("Rad 1: torsdag 2026-12-17 är inte en av dagarna på raden.")
    assert "Varannan onsdag 17–19 från 2026-12-16" in str(error)


def test_parse_monthly_date_on_second_tuesday_is_off_rule():
    error = error_for("Första tisdagen i månaden 13–16 från 2026-12-08")

    assert "tisdag 2026-12-08 är inte en av dagarna på raden" in str(error)


@pytest.mark.parametrize("date", ["2026-13-01", "16/12", "20261216"])
def test_parse_bad_date_names_it(date):
    error = error_for(f"Varannan onsdag 17–19 från {date}")

    assert f"”{date}” är inte ett datum vi förstår" in str(error)


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("Första tisdagen och torsdagen 13–16", "Första"),
        ("sista mån–fre 13–16", "sista"),
        ("Varannan tisdag och onsdag 17–19 från 2026-12-15", "Varannan"),
    ],
)
def test_parse_several_days_with_one_day_frequency_says_one_day(line, word):
    error = error_for(line)

    assert f"”{word}” kan bara gälla en dag" in str(error)
    assert "Första tisdagen i månaden 13–16" in str(error)


def test_parse_text_after_times_without_comma_asks_for_comma():
    error = error_for("Tisdag 13–16 drop-in")

    assert "”drop-in” efter tiden" in str(error)
    assert "efter ett kommatecken" in str(error)


def test_parse_note_over_100_characters_gives_length():
    error = error_for("Tisdag 9–16, " + "x" * 101)

    assert "101 tecken" in str(error)
    assert "högst 100 tecken" in str(error)


def test_parse_fifteen_lines_names_the_fifteenth():
    error = error_for("\n" + "Tisdag 9–12\n" * 15)

    assert error.line == 16
    assert "högst 14 rader" in str(error)
    assert "till exempel: Måndag–torsdag 8–16.30" in str(error)


def test_hours_error_is_value_error():
    assert issubclass(HoursError, ValueError)


# --- to_text and the round trip -----------------------------------------------


def test_to_text_gives_canonical_lines():
    rules = hours.parse(
        "mån-tors 8-16.30\nförsta tisdag kl 13-16 ,drop-in\nvarannan ons 17-19 från 2026-12-16"
    )

    assert hours.to_text(rules) == (
        "Måndag–torsdag 8.00–16.30\n"
        "Första tisdagen i månaden 13.00–16.00, drop-in\n"
        "Varannan onsdag 17.00–19.00 från 2026-12-16"
    )


def test_to_text_then_parse_gives_same_rules():
    rules = hours.parse(
        "Måndag–torsdag 8–16.30\n"
        "Tisdag och torsdag 9–16, efter bokning, ring först\n"
        "mån, ons och fre 08:00-12:00\n"
        "måndag, tisdag, onsdag och fredag 7–9\n"
        "Lördag-söndag 10–24\n"
        "Första tisdagen i månaden 13–16, drop-in\n"
        "Andra måndagen 9–10\n"
        "Sista torsdagen i månaden 10–13\n"
        "Varannan onsdag 17–19 från 2026-12-16\n"
        "Torsdag 0.30–1 från 2026-12-17, nattöppet\n"
    )

    assert hours.parse(hours.to_text(rules)) == rules


# --- describe -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("Måndag–torsdag 8–16.30", "Måndag–torsdag 8.00–16.30"),
        ("tis och tors 9–16, efter bokning", "Tisdag och torsdag 9.00–16.00 (efter bokning)"),
        ("mån, ons och fre 9–12", "Måndag, onsdag och fredag 9.00–12.00"),
        ("mån och tis 9–12", "Måndag och tisdag 9.00–12.00"),
        ("mån, tis, ons och fre 9–12", "Måndag, tisdag, onsdag och fredag 9.00–12.00"),
        ("Första tisdagen i månaden 13–16", "Första tisdagen i månaden 13.00–16.00"),
        ("Sista torsdagen 10–13", "Sista torsdagen i månaden 10.00–13.00"),
        ("Tredje onsdagen 10–13", "Tredje onsdagen i månaden 10.00–13.00"),
        ("Varannan onsdag 17–19 från 2026-12-16", "Varannan onsdag 17.00–19.00"),
    ],
)
def test_describe_in_swedish_gives_interface_text(line, text):
    rule = one(line)

    with translation.override("sv"):
        assert hours.describe(rule) == text


def test_describe_in_english_uses_colon_times():
    rules = hours.parse(
        "Måndag–torsdag 8–16.30\nFörsta tisdagen 13–16\nVarannan onsdag 17–19 från 2026-12-16"
    )

    with translation.override("en"):
        texts = hours.describe_all(rules)

    assert texts[0].startswith("Monday–Thursday")
    assert [text.rsplit(" ", 1)[1] for text in texts] == [
        "8:00–16:30",
        "13:00–16:00",
        "17:00–19:00",
    ]


def test_describe_all_keeps_order():
    rules = [monthly("-1TH"), weekly("MO")]

    with translation.override("sv"):
        texts = hours.describe_all(rules)

    assert texts == ["Sista torsdagen i månaden 13.00–16.00", "Måndag 8.00–16.30"]


# --- occurrences --------------------------------------------------------------


def test_occurrences_first_tuesday_gives_one_a_month():
    days = hours.occurrences(monthly("1TU"), datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))

    assert days == [datetime.date(2026, 1, 6), datetime.date(2026, 2, 3), datetime.date(2026, 3, 3)]


def test_occurrences_last_thursday_gives_last_of_each_month():
    days = hours.occurrences(
        monthly("-1TH"), datetime.date(2026, 1, 29), datetime.date(2026, 3, 26)
    )

    assert days == [
        datetime.date(2026, 1, 29),
        datetime.date(2026, 2, 26),
        datetime.date(2026, 3, 26),
    ]


def test_occurrences_every_other_wednesday_starts_at_its_date():
    rule = one("Varannan onsdag 17–19 från 2026-12-16")

    days = hours.occurrences(rule, datetime.date(2026, 12, 1), datetime.date(2027, 1, 31))

    assert days == [
        datetime.date(2026, 12, 16),
        datetime.date(2026, 12, 30),
        datetime.date(2027, 1, 13),
        datetime.date(2027, 1, 27),
    ]


def test_occurrences_every_other_week_counts_from_date_not_from_start():
    rule = one("Varannan onsdag 17–19 från 2026-12-16")

    days = hours.occurrences(rule, datetime.date(2026, 12, 21), datetime.date(2027, 1, 10))

    assert days == [datetime.date(2026, 12, 30)]


def test_occurrences_weekly_mon_to_thu_gives_four_days_a_week():
    rule = one("Måndag–torsdag 8–16.30")

    days = hours.occurrences(rule, datetime.date(2026, 12, 13), datetime.date(2026, 12, 20))

    assert days == [datetime.date(2026, 12, day) for day in (14, 15, 16, 17)]


def test_occurrences_range_is_inclusive_and_empty_when_reversed():
    rule = weekly("TU")
    tuesday = datetime.date(2026, 12, 15)

    assert hours.occurrences(rule, tuesday, tuesday) == [tuesday]
    assert hours.occurrences(rule, tuesday, tuesday - datetime.timedelta(days=1)) == []


# --- next_occurrences ---------------------------------------------------------


def test_next_occurrences_merges_rules_in_date_order():
    first_tuesday = monthly("1TU")
    fridays = weekly("FR", opens="09:00", closes="12:00")

    pairs = hours.next_occurrences([first_tuesday, fridays], datetime.date(2026, 12, 1), 4)

    assert pairs == [
        (datetime.date(2026, 12, 1), first_tuesday),
        (datetime.date(2026, 12, 4), fridays),
        (datetime.date(2026, 12, 11), fridays),
        (datetime.date(2026, 12, 18), fridays),
    ]


def test_next_occurrences_same_day_sorts_by_opening():
    late, early = weekly("TU", opens="13:00", closes="16:00"), monthly("1TU", "09:00", "10:00")

    pairs = hours.next_occurrences([late, early], datetime.date(2026, 12, 1), 2)

    assert pairs == [(datetime.date(2026, 12, 1), early), (datetime.date(2026, 12, 1), late)]


def test_next_occurrences_stops_400_days_ahead():
    after = datetime.date(2026, 12, 1)
    last_day = weekly("WE", dtstart="2028-01-05")  # after + 400 days
    beyond = weekly("WE", dtstart="2028-01-12")

    pairs = hours.next_occurrences([last_day, beyond], after, 3)

    assert pairs == [(datetime.date(2028, 1, 5), last_day)]


# --- fits ---------------------------------------------------------------------


TUESDAYS = [weekly("TU", opens="13:00", closes="16:00")]


def test_fits_no_rules_is_true():
    assert hours.fits([], at("2026-12-16", "03:00"), at("2026-12-16", "04:00"))


def test_fits_session_within_hours_is_true():
    assert hours.fits(TUESDAYS, at("2026-12-15", "13:00"), at("2026-12-15", "16:00"))


def test_fits_right_day_wrong_time_is_false():
    assert not hours.fits(TUESDAYS, at("2026-12-15", "15:00"), at("2026-12-15", "17:00"))


def test_fits_wrong_day_right_time_is_false():
    assert not hours.fits(TUESDAYS, at("2026-12-16", "13:00"), at("2026-12-16", "16:00"))


def test_fits_second_tuesday_for_first_tuesday_rule_is_false():
    rules = [monthly("1TU")]

    assert hours.fits(rules, at("2026-12-01", "13:30"), at("2026-12-01", "15:00"))
    assert not hours.fits(rules, at("2026-12-08", "13:30"), at("2026-12-08", "15:00"))


def test_fits_every_other_week_off_week_is_false():
    rules = [one("Varannan onsdag 17–19 från 2026-12-16")]

    assert hours.fits(rules, at("2026-12-30", "17:00"), at("2026-12-30", "19:00"))
    assert not hours.fits(rules, at("2026-12-23", "17:00"), at("2026-12-23", "19:00"))
    assert not hours.fits(rules, at("2026-12-02", "17:00"), at("2026-12-02", "19:00"))


def test_fits_any_of_several_rules_is_enough():
    rules = [*TUESDAYS, weekly("WE", opens="09:00", closes="12:00")]

    assert hours.fits(rules, at("2026-12-16", "10:00"), at("2026-12-16", "11:00"))


def test_fits_aware_times_compare_in_stockholm_wall_clock():
    starts = datetime.datetime(2026, 12, 15, 12, 0, tzinfo=datetime.UTC)  # 13.00 in Stockholm
    ends = datetime.datetime(2026, 12, 15, 15, 0, tzinfo=datetime.UTC)  # 16.00 in Stockholm

    assert hours.fits(TUESDAYS, starts, ends)
    assert not hours.fits(TUESDAYS, starts.replace(hour=13), ends.replace(hour=16))


def test_fits_aware_summer_time_uses_summer_offset():
    starts = datetime.datetime(2026, 6, 16, 13, 0, tzinfo=STOCKHOLM)

    assert hours.fits(TUESDAYS, starts.astimezone(datetime.UTC), starts.replace(hour=16))


def test_fits_session_over_midnight_is_false():
    rules = [weekly("TU", opens="00:00", closes="24:00")]

    assert not hours.fits(rules, at("2026-12-15", "23:00"), at("2026-12-16", "01:00"))


def test_fits_session_ending_at_midnight_fits_24():
    rules = [weekly("TU", opens="18:00", closes="24:00")]

    assert hours.fits(rules, at("2026-12-15", "22:00"), at("2026-12-16", "00:00"))


def test_fits_end_before_start_is_false():
    assert not hours.fits(TUESDAYS, at("2026-12-15", "15:00"), at("2026-12-15", "14:00"))


# --- hsds_schedule ------------------------------------------------------------


def test_hsds_schedule_weekly_gives_schema_fields():
    rule = one("Tisdag och torsdag 9–16.30, efter bokning")

    with translation.override("en"):
        schedule = hours.hsds_schedule(rule)

    assert schedule == {
        "wkst": "MO",
        "freq": "WEEKLY",
        "interval": 1,
        "byday": "TU,TH",
        "description": "Tisdag och torsdag 9.00–16.30 (efter bokning)",
        "opens_at": "09:00",
        "closes_at": "16:30",
    }


def test_hsds_schedule_monthly_gives_ordinal_byday():
    schedule = hours.hsds_schedule(one("Sista torsdagen i månaden 10–13"))

    assert (schedule["freq"], schedule["byday"]) == ("MONTHLY", "-1TH")
    assert schedule["description"] == "Sista torsdagen i månaden 10.00–13.00"
    assert "dtstart" not in schedule


def test_hsds_schedule_every_other_week_gives_interval_and_dtstart():
    schedule = hours.hsds_schedule(one("Varannan onsdag 17–19 från 2026-12-16"))

    assert (schedule["interval"], schedule["dtstart"], schedule["byday"]) == (
        2,
        "2026-12-16",
        "WE",
    )


@pytest.mark.parametrize(
    ("text", "byday"),
    [
        ("Tisdag - 13–16", ["TU"]),
        ("Tisdagar – kl. 13–16", ["TU"]),
        ("Mån– 9–16", ["MO"]),
        ("Tisdag: 13-16", ["TU"]),
    ],
)
def test_a_dash_or_colon_between_the_day_and_the_time_is_read_as_written(text, byday):
    assert hours.parse(text)[0]["byday"] == byday


@pytest.mark.parametrize("text", ["– 9–16", "mån–tis–ons 9–16", "- - 9-16", ": 13–16"])
def test_a_range_of_three_days_or_no_day_at_all_is_a_plain_error(text):
    with pytest.raises(HoursError):
        hours.parse(text)


ALPHABET = "månditsofrelöäå –-:,.0123456789kl iförstasistavarannan\n"


WORDS = ["mån", "tisdag", "onsdagar", "fre", "–", "-", ":", ",", "och", "kl.", "9", "13.30",
         "16", "24", "första", "sista", "varannan", "i", "månaden", "från", "2026-12-16",
         "efter bokning", "\n"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(alphabet=ALPHABET, max_size=60), st.lists(st.sampled_from(WORDS)).map(" ".join)
    )
)
def test_any_text_gives_rules_or_a_plain_error_never_a_crash(text):
    """What an advisor types into the form can only be read or refused."""
    try:
        rules = hours.parse(text)
    except HoursError as problem:
        assert problem.message.startswith("Rad ")
    else:
        assert hours.parse(hours.to_text(rules)) == rules
