"""Times and dates as English and French Canadian readers write them (Babel).

French: ``9 h``, ``10 h 30`` (Babel's ``fr_CA`` gives ``09 h 00``), ``HAE``;
English: ``10:30 a.m.``, ``EDT``. Zone abbreviations follow Canadian usage.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_interval, format_time, get_timezone_name

LOCALES = {"en": "en_CA", "fr": "fr_CA"}
NBSP = "\u00a0"

# (strings key, zone), west to east; the event's own zone (Eastern) is shown apart.
CANADIAN_ZONES: tuple[tuple[str, str], ...] = (
    ("zone_pacific", "America/Vancouver"),
    ("zone_mountain", "America/Edmonton"),
    ("zone_saskatchewan", "America/Regina"),
    ("zone_central", "America/Winnipeg"),
    ("zone_atlantic", "America/Halifax"),
    ("zone_newfoundland", "America/St_Johns"),
)

# Babel's CLDR data differs from Canadian usage here (research note, schedule.md).
_ABBREVIATION_FIXES = {"fr": {"HEA": "HAA"}}


def aware(local: datetime, zone: str) -> datetime:
    """An event time (naive, in ``zone``) as an aware datetime."""
    return local.replace(tzinfo=ZoneInfo(zone)) if local.tzinfo is None else local


def time_text(moment: datetime, lang: str) -> str:
    """``10:30 a.m.`` / ``10 h 30``, ``9 h``."""
    if lang == "fr":
        pattern = "H' h'" if moment.minute == 0 else "H' h 'mm"
        return format_time(moment, pattern, locale=LOCALES[lang]).replace(" ", NBSP)
    return format_time(moment, "short", locale=LOCALES[lang])


def zone_abbreviation(moment: datetime, lang: str) -> str:
    """``EDT``/``HAE``, ``NDT``/``HAT``, ``CST``/``HNC`` (Saskatchewan), ``ADT``/``HAA``…"""
    name = get_timezone_name(moment, "short", locale=LOCALES[lang])
    return _ABBREVIATION_FIXES.get(lang, {}).get(name, name)


def range_text(start: datetime, end: datetime, lang: str) -> str:
    """``10:30 a.m. – 11:15 a.m. EDT`` / ``10 h 30 – 11 h 15 HAE`` (aware datetimes)."""
    return f"{time_text(start, lang)} – {time_text(end, lang)}{NBSP}{zone_abbreviation(start, lang)}"


def date_text(day: date, lang: str) -> str:
    """``Saturday, May 8, 2021`` / ``samedi 8 mai 2021``."""
    return format_date(day, "full", locale=LOCALES[lang])


def short_date_text(day: date, lang: str) -> str:
    """``May 8, 2021`` / ``8 mai 2021``."""
    return format_date(day, "long", locale=LOCALES[lang])


def other_zones(start: datetime, end: datetime, lang: str) -> list[tuple[str, str]]:
    """``(strings key, range)`` of a session in the other Canadian zones, west to east."""
    return [
        (key, range_text(start.astimezone(ZoneInfo(zone)), end.astimezone(ZoneInfo(zone)), lang))
        for key, zone in CANADIAN_ZONES
    ]


def reader_table(days: list[date], lang: str) -> dict[str, dict[str, str]]:
    """Babel's words for any time a reader elsewhere may see, for ``agenda.js``.

    ``times``: every quarter hour, keyed ``H:MM`` (``7:30`` → ``7 h 30`` / ``7:30 a.m.``);
    ``dates``: the event days and the day either side (a reader far away may be a day off);
    ``zones``: the Canadian zones' abbreviations (``HAP``, ``HAA``…); other zones are named.
    """
    times = {
        f"{hour}:{minute:02d}": time_text(datetime(2000, 1, 1, hour, minute), lang)
        for hour in range(24)
        for minute in range(0, 60, 15)
    }
    near = sorted({day + timedelta(days=d) for day in days for d in (-1, 0, 1)})
    noon = datetime.combine(days[0], datetime.min.time()).replace(hour=12)
    return {
        "times": times,
        "dates": {day.isoformat(): date_text(day, lang) for day in near},
        "zones": {zone: zone_abbreviation(aware(noon, zone), lang) for _, zone in CANADIAN_ZONES},
    }


def days_text(days: list[date], lang: str) -> str:
    """``May 8–9, 2021`` / ``8 et 9 mai 2021`` (Babel's interval; French writes two days with « et »)."""
    first, last = min(days), max(days)
    if first == last:
        return short_date_text(first, lang)
    text = format_interval(first, last, "yMMMMd", locale=LOCALES[lang])
    if lang == "fr" and (last - first).days == 1:
        text = text.replace("–", " et ", 1)
    return text
