#!/usr/bin/env python3
"""Opens a workbook (and optionally a CSV file) written by lawkb with independent readers,
as a check that Excel and WPS will open them: openpyxl (from PyPI) for the .xlsx file,
Python's csv module for the .csv file.

For the workbook, prints each sheet's name, dimensions, frozen pane and rows; fails when
openpyxl cannot open it, when a sheet name breaks Excel's rules (more than 31 characters,
one of []:*?/\\, duplicates regardless of case), when a cell holds a formula, or when a
cell holds a character XML 1.0 forbids. For the CSV file, checks the UTF-8 byte-order
mark, CRLF record ends and a rectangular table, and prints its rows. Exits 1 on any
failure, 0 otherwise.

    python3 -m venv /tmp/wb-venv
    /tmp/wb-venv/bin/pip install openpyxl
    /tmp/wb-venv/bin/python Benchmarks/check-workbook.py FILE.xlsx [FILE.csv]

The tests keep the files they write (example.xlsx and example.csv, a progress table;
hostile.xlsx, hostile text; names.xlsx, sheet names made valid) when LAWKB_KEEP_WORKBOOK
names a directory:

    LAWKB_KEEP_WORKBOOK=/tmp/wb-example swift test --filter WorkbookWriter
    /tmp/wb-venv/bin/python Benchmarks/check-workbook.py /tmp/wb-example/example.xlsx /tmp/wb-example/example.csv
"""
import csv
import io
import re
import sys

import openpyxl

FORBIDDEN_IN_NAMES = set("[]:*?/\\")
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def utf16_length(text):
    """Characters as Excel counts them (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def check_workbook(path):
    """Problems found in the workbook at `path`, after printing what it holds."""
    problems = []
    try:
        workbook = openpyxl.load_workbook(path)
    except Exception as error:  # openpyxl raises many kinds; any of them is a failure here
        return [f"{path}: openpyxl cannot open it: {type(error).__name__}: {error}"]
    seen = set()
    for sheet in workbook.worksheets:
        name = sheet.title
        print(f"sheet {name!r}: dimensions {sheet.dimensions}, "
              f"{sheet.max_row} rows x {sheet.max_column} columns, frozen at {sheet.freeze_panes}")
        if utf16_length(name) > 31:
            problems.append(f"{path}: sheet name {name!r} is longer than 31 characters")
        if FORBIDDEN_IN_NAMES & set(name):
            problems.append(f"{path}: sheet name {name!r} holds one of []:*?/\\")
        if name.lower() in seen:
            problems.append(f"{path}: sheet name {name!r} is used twice")
        seen.add(name.lower())
        for row in sheet.iter_rows():
            values = []
            for cell in row:
                value = cell.value
                if cell.data_type == "f":
                    problems.append(f"{path}: {name}!{cell.coordinate} is a formula: {value!r}")
                if isinstance(value, str) and FORBIDDEN_CHARACTERS.search(value):
                    problems.append(f"{path}: {name}!{cell.coordinate} holds a control character")
                values.append("" if value is None else str(value))
            print("  " + " | ".join(values).replace("\n", "⏎"))
    return problems


def check_csv(path):
    """Problems found in the CSV file at `path`, after printing its rows."""
    with open(path, "rb") as handle:
        data = handle.read()
    problems = []
    if not data.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{path}: no UTF-8 byte-order mark")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return problems + [f"{path}: not UTF-8: {error}"]
    if not text.endswith("\r\n"):
        problems.append(f"{path}: the last record does not end with CRLF")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    widths = {len(row) for row in rows}
    print(f"csv {path}: {len(rows)} rows x {max(widths, default=0)} columns")
    if len(widths) > 1:
        problems.append(f"{path}: rows have different numbers of fields: {sorted(widths)}")
    for row in rows:
        print("  " + " | ".join(row).replace("\n", "⏎"))
    return problems


def main(arguments):
    if not 1 <= len(arguments) <= 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: check-workbook.py FILE.xlsx [FILE.csv]", file=sys.stderr)
        return 2
    problems = check_workbook(arguments[0])
    if len(arguments) == 2:
        problems += check_csv(arguments[1])
    for problem in problems:
        print("FAIL " + problem, file=sys.stderr)
    if problems:
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
