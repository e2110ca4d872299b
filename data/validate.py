"""Check one CSV table against its Table Schema and turn it into typed Python values.

The course promises that every figure is sourced and dated, so a malformed table must
fail loudly and precisely: every error names the file, the data row (1 = first row
under the header), the CSV line and the column.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path


class DataError(ValueError):
    """A table is malformed or inconsistent.

    ``file``, ``row`` and ``column`` say where; ``row`` counts data rows from 1 (the
    header is not a row), and ``line`` is the line in the CSV file.
    """

    def __init__(self, message: str, *, file: str, row: int | None = None,
                 column: str | None = None, line: int | None = None):
        self.file, self.row, self.column = file, row, column
        self.line = line if line is not None else (row + 1 if row is not None else None)
        where = [file]
        if row is not None:
            where.append(f"row {row} (line {self.line})")
        if column is not None:
            where.append(f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {message}")


@dataclass
class ParsedTable:
    """A table's rows as typed Python values, keyed by field name, plus its schema."""

    name: str
    file: str
    fields: list[dict]
    rows: list[dict]


_TRUE, _FALSE = {"true", "True", "TRUE", "1"}, {"false", "False", "FALSE", "0"}


def _parse_value(raw: str, field: dict):
    """Convert one cell to the field's type; raise ValueError with a plain reason."""
    kind = field.get("type", "string")
    if kind == "string":
        return raw
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", raw):
            raise ValueError(f"'{raw}' is not a whole number")
        return int(raw)
    if kind == "number":
        try:
            return float(raw)
        except ValueError:
            raise ValueError(f"'{raw}' is not a number") from None
    if kind == "date":
        try:
            return dt.date.fromisoformat(raw) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw) else _bad_date(raw)
        except ValueError:
            raise ValueError(f"'{raw}' is not a date in YYYY-MM-DD form") from None
    if kind == "boolean":
        if raw in _TRUE:
            return True
        if raw in _FALSE:
            return False
        raise ValueError(f"'{raw}' is not true or false")
    raise ValueError(f"schema uses unsupported type '{kind}'")


def _bad_date(raw: str):
    raise ValueError(raw)


def _check_constraints(value, raw: str, field: dict) -> str | None:
    """Return a reason the value breaks a constraint, or None."""
    cons = field.get("constraints", {})
    if "enum" in cons and value not in cons["enum"]:
        return f"'{raw}' is not one of the allowed values: {', '.join(map(str, cons['enum']))}"
    if "pattern" in cons and not re.fullmatch(cons["pattern"], raw):
        return f"'{raw}' does not match the expected form {cons['pattern']}"
    if "minimum" in cons and value < cons["minimum"]:
        return f"{value} is below the minimum {cons['minimum']}"
    if "maximum" in cons and value > cons["maximum"]:
        return f"{value} is above the maximum {cons['maximum']}"
    return None


def parse_table(path: Path, resource: dict) -> ParsedTable:
    """Read ``path`` and check it against ``resource``'s schema, cell by cell.

    Checks the header (every schema field present, in any order, and no unknown
    columns), types, required values, enums, patterns, ranges, unique fields and the
    primary key. Foreign keys are checked by the catalog, which sees all tables.
    """
    file = path.name
    fields = resource["schema"]["fields"]
    names = [f["name"] for f in fields]
    try:
        handle = path.open(newline="", encoding="utf-8")
    except FileNotFoundError:
        raise DataError("file is missing", file=file) from None
    except OSError as exc:  # a folder where the file should be, or no permission to read it
        raise DataError(f"file cannot be read ({exc.strerror or exc})", file=file) from None
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            raise DataError("file is empty (no header row)", file=file, line=1) from None
        except UnicodeDecodeError:
            raise DataError("file is not UTF-8 text", file=file) from None
        header = [h.strip() for h in header]
        for name in names:
            if name not in header:
                raise DataError(f"required column is missing from the header (found: {', '.join(header)})",
                                file=file, column=name, line=1)
        extra = [h for h in header if h not in names]
        if extra:
            raise DataError(f"unknown column not in the schema (expected: {', '.join(names)})",
                            file=file, column=extra[0], line=1)
        rows: list[dict] = []
        uniques: dict[str, dict] = {f["name"]: {} for f in fields if f.get("constraints", {}).get("unique")}
        pk = resource["schema"].get("primaryKey", [])
        pk = [pk] if isinstance(pk, str) else pk
        seen_keys: dict[tuple, int] = {}
        try:
            for row_no, cells in enumerate(reader, start=1):
                line = reader.line_num
                if not cells or all(c == "" for c in cells):
                    continue  # blank line at the end of a file is harmless
                if len(cells) != len(header):
                    raise DataError(f"has {len(cells)} cells but the header has {len(header)} columns",
                                    file=file, row=row_no, line=line)
                record = {}
                for field in fields:
                    name = field["name"]
                    raw = cells[header.index(name)].strip()
                    if raw == "":
                        if field.get("constraints", {}).get("required"):
                            raise DataError("is required but empty", file=file, row=row_no,
                                            column=name, line=line)
                        record[name] = None
                        continue
                    try:
                        value = _parse_value(raw, field)
                    except ValueError as exc:
                        raise DataError(str(exc), file=file, row=row_no, column=name, line=line) from None
                    problem = _check_constraints(value, raw, field)
                    if problem:
                        raise DataError(problem, file=file, row=row_no, column=name, line=line)
                    if name in uniques:
                        if value in uniques[name]:
                            raise DataError(f"duplicate value '{raw}' (first used in row {uniques[name][value]})",
                                            file=file, row=row_no, column=name, line=line)
                        uniques[name][value] = row_no
                    record[name] = value
                if pk:
                    key = tuple(record[k] for k in pk)
                    if key in seen_keys:
                        raise DataError(f"duplicate primary key {key} (first used in row {seen_keys[key]})",
                                        file=file, row=row_no, column=pk[0], line=line)
                    seen_keys[key] = row_no
                rows.append(record)
        except csv.Error as exc:
            raise DataError(f"CSV syntax error: {exc}", file=file, line=reader.line_num) from None
        except UnicodeDecodeError as exc:
            # Text is decoded in 8 KB blocks, so a bad byte deep in the file shows up here,
            # after the header was read fine; line_num is the last line read whole.
            raise DataError(f"file is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} after line "
                            f"{reader.line_num})", file=file) from None
    return ParsedTable(resource["name"], file, fields, rows)
