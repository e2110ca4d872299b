"""The catalog of course tables: find, check, load and cite them.

A :class:`Catalog` reads ``datapackage.json`` in one folder, checks each CSV against its
schema and the foreign keys into ``sources``, and hands back typed pandas DataFrames.
The shipped catalog lives inside the installed package and is never written to; a
refreshed 287(g) snapshot (``immfed data refresh-287g``) lives in the user's data folder
and, when present, takes the place of the shipped table of the same name.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .userdata import UserDataError
from .validate import DataError, ParsedTable, parse_table

SHIPPED_ROOT = Path(__file__).resolve().parent

_DTYPES = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "string": "string"}


class Catalog:
    """All tables described by one ``datapackage.json``.

    ``root`` is the folder holding ``datapackage.json`` and ``tables/``. ``overrides``
    maps a table name to a CSV path that replaces the file named in the package (used
    for refreshed ICE snapshots); the schema stays the shipped one, so a refreshed file
    is held to the same rules.
    """

    def __init__(self, root: Path | str = SHIPPED_ROOT, overrides: dict[str, Path] | None = None,
                 user_folder: Path | None = None):
        self.root = Path(root)
        self.overrides = {k: Path(v) for k, v in (overrides or {}).items()}
        # Set when the overrides come from the user data folder, so a damaged refreshed
        # table is reported with that folder and the command that repairs it.
        self.user_folder = Path(user_folder) if user_folder else None
        descriptor = self.root / "datapackage.json"
        try:
            self.package = json.loads(descriptor.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise DataError("datapackage.json is missing", file=str(descriptor)) from None
        except json.JSONDecodeError as exc:
            raise DataError(f"is not valid JSON: {exc}", file="datapackage.json", line=exc.lineno) from None
        self.resources = {r["name"]: r for r in self.package["resources"]}
        self._parsed: dict[str, ParsedTable] = {}
        self._frames: dict[str, pd.DataFrame] = {}

    # -- discovery -------------------------------------------------------------
    def tables(self) -> list[str]:
        """Names of every table, in the order datapackage.json lists them."""
        return list(self.resources)

    def path(self, name: str) -> Path:
        """Where the CSV for table ``name`` is read from."""
        self._resource(name)
        return self.overrides.get(name, self.root / self.resources[name]["path"])

    def describe(self, name: str) -> dict:
        """The datapackage.json entry (title, description, schema) for table ``name``."""
        return self._resource(name)

    def _resource(self, name: str) -> dict:
        if name not in self.resources:
            raise KeyError(f"No table called '{name}'. Tables: {', '.join(self.resources)}")
        return self.resources[name]

    # -- checking --------------------------------------------------------------
    def parsed(self, name: str) -> ParsedTable:
        """The checked rows of ``name`` (schema and foreign keys), cached."""
        if name not in self._parsed:
            resource = self._resource(name)
            try:
                table = parse_table(self.path(name), resource)
            except DataError as exc:
                if self.user_folder is None or name not in self.overrides:
                    raise
                folder = self.user_folder
                raise UserDataError(folder.parent, f"has a damaged refreshed table ({folder.name}/{exc})") from None
            self._parsed[name] = table  # cache before FK checks so self-references work
            try:
                self._check_foreign_keys(table, resource)
                self._check_vocabularies(table, resource)
            except DataError:
                del self._parsed[name]
                raise
        return self._parsed[name]

    def _check_foreign_keys(self, table: ParsedTable, resource: dict) -> None:
        for fk in resource["schema"].get("foreignKeys", []):
            field = fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]
            ref = fk["reference"]
            ref_field = ref["fields"] if isinstance(ref["fields"], str) else ref["fields"][0]
            target = self.parsed(ref["resource"])
            known = {row[ref_field] for row in target.rows}
            for row_no, row in enumerate(table.rows, start=1):
                value = row.get(field)
                if value is not None and value not in known:
                    raise DataError(f"'{value}' is not a {ref_field} in {target.file}",
                                    file=table.file, row=row_no, column=field)

    def _check_vocabularies(self, table: ParsedTable, resource: dict) -> None:
        # A field naming a vocabulary takes its allowed codes from vocabulary.csv, so each
        # list of codes is written once (not as an enum here and a dict in the code).
        for field in resource["schema"]["fields"]:
            name = field.get("vocabulary")
            if not name:
                continue
            vocab = self.parsed("vocabulary")
            known = [row["code"] for row in vocab.rows if row["vocabulary"] == name]
            if not known:
                raise DataError(f"vocabulary '{name}' has no codes in {vocab.file}", file=table.file,
                                row=0, column=field["name"])
            for row_no, row in enumerate(table.rows, start=1):
                value = row.get(field["name"])
                if value is not None and value not in known:
                    raise DataError(f"'{value}' is not a code of vocabulary '{name}' ({', '.join(known)})",
                                    file=table.file, row=row_no, column=field["name"])

    def check(self) -> list[dict]:
        """Check every table; return one summary dict per table (name, rows, file).

        Raises :class:`DataError` at the first problem found.
        """
        return [{"name": n, "rows": len(self.parsed(n).rows), "file": str(self.path(n)),
                 "title": self.resources[n].get("title", n)} for n in self.tables()]

    # -- loading ---------------------------------------------------------------
    def load(self, name: str) -> pd.DataFrame:
        """Table ``name`` as a typed DataFrame (a fresh copy; the checked original is cached)."""
        if name not in self._frames:
            table = self.parsed(name)
            columns = {}
            for field in table.fields:
                values = [row[field["name"]] for row in table.rows]
                if field["type"] == "date":
                    columns[field["name"]] = pd.to_datetime(pd.Series(values, dtype="object"))
                else:
                    columns[field["name"]] = pd.Series(values, dtype=_DTYPES.get(field["type"], "object"))
            frame = pd.DataFrame(columns)
            frame.attrs["table"] = name
            frame.attrs["title"] = self.resources[name].get("title", name)
            self._frames[name] = frame
        return self._frames[name].copy()

    # -- citing ----------------------------------------------------------------
    def source(self, source_id: str) -> dict:
        """The row of sources.csv for ``source_id`` as a dict."""
        for row in self.parsed("sources").rows:
            if row["source_id"] == source_id:
                return row
        raise KeyError(f"No source with id '{source_id}' in sources.csv")

    def cite(self, source_id: str) -> str:
        """A one-line citation: who, title, date, URL and when the project checked it."""
        s = self.source(source_id)
        who = s["author"] or s["publisher"]
        parts = [f"{who}.", f"\u201c{s['title']}.\u201d"]
        if s["author"] and s["publisher"]:
            parts.append(f"{s['publisher']},")
        parts.append(f"{s['published']}.")
        parts.append(f"{s['url']} (checked {s['checked'].isoformat()}).")
        return " ".join(parts)
