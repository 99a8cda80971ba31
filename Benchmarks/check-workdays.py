#!/usr/bin/env python3
"""Checks Corpus/calendar/workdays.yaml day by day against the PyPI package chinese-calendar.

For every day of the years the file covers (2022-2026), compares whether it is a working day,
and for each day the file lists as a holiday or as an adjusted working day, the festival it
belongs to. Prints each difference; exits 1 if there is any, 0 otherwise.

    python3 -m venv /tmp/wd-venv
    /tmp/wd-venv/bin/pip install chinese-calendar==1.11.0 pyyaml
    /tmp/wd-venv/bin/python Benchmarks/check-workdays.py [Corpus/calendar/workdays.yaml]

chinese-calendar is used only here, to check the file; lawkb reads the YAML file alone.
"""
import datetime
import pathlib
import sys

import chinese_calendar
import yaml
from chinese_calendar import constants

YEARS = range(2022, 2027)


def as_date(value):
    """A YAML date, whether PyYAML read it as a date or as text."""
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def days(start, end):
    """Every day from start to end, both included."""
    day = start
    while day <= end:
        yield day
        day += datetime.timedelta(days=1)


def load(path):
    """The file's holidays and adjusted working days: {date: festival name} each."""
    document = yaml.safe_load(pathlib.Path(path).read_text(encoding="utf-8"))
    off, work = {}, {}
    for year in document["years"]:
        for holiday in year["holidays"]:
            start = as_date(holiday["from"])
            end = as_date(holiday.get("to", holiday["from"]))
            for day in days(start, end):
                off[day] = holiday["name"]
            for day in holiday.get("work", []) or []:
                work[as_date(day)] = holiday["name"]
    return off, work


def same_festival(name, english):
    """Whether the file's name (e.g. 中秋节、国庆节) names chinese-calendar's festival."""
    festival = next((h for h in constants.Holiday if h.value == english), None)
    if festival is None:
        return False
    return any(part.startswith(festival.chinese) for part in name.split("、"))


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "Corpus/calendar/workdays.yaml"
    off, work = load(path)
    differences = []
    for day in days(datetime.date(YEARS[0], 1, 1), datetime.date(YEARS[-1], 12, 31)):
        ours = day in work or (day.weekday() < 5 and day not in off)
        theirs = chinese_calendar.is_workday(day)
        if ours != theirs:
            word = {True: "工作日", False: "休息日"}
            differences.append(f"{day}: 本文件为{word[ours]}，chinese-calendar 为{word[theirs]}")
        if day in off:
            is_holiday, english = chinese_calendar.get_holiday_detail(day)
            if not (is_holiday and english and same_festival(off[day], english)):
                differences.append(f"{day}: 本文件为{off[day]}放假，chinese-calendar 为 {english}")
        if day in work:
            english = constants.workdays.get(day)
            if not (english and same_festival(work[day], english)):
                differences.append(f"{day}: 本文件为{work[day]}调休上班，chinese-calendar 为 {english}")
    for line in differences:
        print(line)
    checked = (datetime.date(YEARS[-1], 12, 31) - datetime.date(YEARS[0], 1, 1)).days + 1
    print(f"{checked} 天已核对（{YEARS[0]}—{YEARS[-1]}），{len(differences)} 处不同"
          f"（chinese-calendar {chinese_calendar.__version__}）")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
