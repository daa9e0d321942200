"""Times as English and French Canadian readers write them."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from datajam.agenda.times import aware, date_text, other_zones, range_text, reader_table, time_text, zone_abbreviation

NB = "\u00a0"
NNB = "\u202f"
TORONTO = "America/Toronto"


def at(hour: int, minute: int = 0, day: int = 8, month: int = 5) -> datetime:
    return aware(datetime(2021, month, day, hour, minute), TORONTO)


@pytest.mark.parametrize(
    ("moment", "en", "fr"),
    [
        (at(9), f"9:00{NNB}a.m.", f"9{NB}h"),
        (at(10, 30), f"10:30{NNB}a.m.", f"10{NB}h{NB}30"),
        (at(12), f"12:00{NNB}p.m.", f"12{NB}h"),
        (at(16, 5), f"4:05{NNB}p.m.", f"16{NB}h{NB}05"),
    ],
)
def test_clock_times(moment: datetime, en: str, fr: str) -> None:
    assert time_text(moment, "en") == en
    assert time_text(moment, "fr") == fr  # not Babel's "09 h 00"


def test_may_2021_is_daylight_time() -> None:
    assert at(10, 30).utcoffset().total_seconds() == -4 * 3600  # type: ignore[union-attr]
    assert zone_abbreviation(at(10, 30), "en") == "EDT"
    assert zone_abbreviation(at(10, 30), "fr") == "HAE"
    winter = at(10, 30, day=8, month=2)
    assert (zone_abbreviation(winter, "en"), zone_abbreviation(winter, "fr")) == ("EST", "HNE")


def test_ranges_and_dates() -> None:
    assert range_text(at(10, 30), at(11, 15), "en") == f"10:30{NNB}a.m. – 11:15{NNB}a.m.{NB}EDT"
    assert range_text(at(10, 30), at(11, 15), "fr") == f"10{NB}h{NB}30 – 11{NB}h{NB}15{NB}HAE"
    assert date_text(date(2021, 5, 8), "en") == "Saturday, May 8, 2021"
    assert date_text(date(2021, 5, 9), "fr") == "dimanche 9 mai 2021"


def test_other_canadian_zones_west_to_east_with_canadian_abbreviations() -> None:
    start, end = at(15), at(16, 30)
    en = dict(other_zones(start, end, "en"))
    fr = dict(other_zones(start, end, "fr"))
    assert list(en) == ["zone_pacific", "zone_mountain", "zone_saskatchewan", "zone_central", "zone_atlantic", "zone_newfoundland"]
    assert en["zone_pacific"] == f"12:00{NNB}p.m. – 1:30{NNB}p.m.{NB}PDT"
    assert fr["zone_pacific"] == f"12{NB}h – 13{NB}h{NB}30{NB}HAP"
    assert en["zone_mountain"].endswith("MDT") and fr["zone_mountain"].endswith("HAR")
    assert en["zone_central"].endswith("CDT") and fr["zone_central"].endswith("HAC")
    assert en["zone_atlantic"].endswith("ADT") and fr["zone_atlantic"].endswith("HAA")  # Babel says HEA


def test_saskatchewan_keeps_standard_time() -> None:
    start, end = at(15), at(16, 30)
    assert dict(other_zones(start, end, "en"))["zone_saskatchewan"] == f"1:00{NNB}p.m. – 2:30{NNB}p.m.{NB}CST"
    assert dict(other_zones(start, end, "fr"))["zone_saskatchewan"] == f"13{NB}h – 14{NB}h{NB}30{NB}HNC"


def test_newfoundland_is_half_an_hour_ahead_of_atlantic() -> None:
    start, end = at(10, 30), at(11, 15)
    assert dict(other_zones(start, end, "en"))["zone_newfoundland"] == f"12:00{NNB}p.m. – 12:45{NNB}p.m.{NB}NDT"
    assert dict(other_zones(start, end, "fr"))["zone_newfoundland"] == f"12{NB}h – 12{NB}h{NB}45{NB}HAT"
    assert start.astimezone(ZoneInfo("America/St_Johns")).utcoffset().total_seconds() == -2.5 * 3600  # type: ignore[union-attr]


def test_reader_table_gives_babel_words_for_every_quarter_hour_and_near_day() -> None:
    fr = reader_table([date(2021, 5, 8), date(2021, 5, 9)], "fr")
    assert len(fr["times"]) == 96
    assert (fr["times"]["8:15"], fr["times"]["9:00"], fr["times"]["0:45"]) == (f"8{NB}h{NB}15", f"9{NB}h", f"0{NB}h{NB}45")
    assert fr["zones"]["America/Vancouver"] == "HAP" and fr["zones"]["America/Halifax"] == "HAA"
    assert list(fr["dates"]) == ["2021-05-07", "2021-05-08", "2021-05-09", "2021-05-10"]
    en = reader_table([date(2021, 5, 8)], "en")
    assert en["times"]["7:30"] == f"7:30{NNB}a.m." and en["zones"]["America/Regina"] == "CST"
