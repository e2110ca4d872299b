"""Sourced, dated tables for the course, as typed pandas DataFrames.

Use it like this in a notebook::

    from immfed.data import load, tables, cite
    tables()                      # names of all tables
    laws = load("state_laws")     # a checked, typed DataFrame
    cite("usc_8_1357")            # a formatted citation with its URL

Every row of every table names a ``source_id`` in ``load("sources")``. A malformed or
inconsistent table raises :class:`DataError`, which names the file, row and column.
"""

from __future__ import annotations

import pandas as pd

from .catalog import SHIPPED_ROOT, Catalog
from .userdata import refreshed_tables
from .validate import DataError

__all__ = ["load", "tables", "cite", "describe", "catalog", "reset", "DataError", "Catalog"]

_catalog: Catalog | None = None


def catalog() -> Catalog:
    """The catalog the course uses: the shipped tables, with any refreshed ones on top."""
    global _catalog
    if _catalog is None:
        shipped = Catalog(SHIPPED_ROOT)
        overrides = refreshed_tables(shipped.tables())
        _catalog = Catalog(SHIPPED_ROOT, overrides) if overrides else shipped
    return _catalog


def reset() -> None:
    """Forget cached tables, so the next ``load`` reads the files again (after a refresh)."""
    global _catalog
    _catalog = None


def load(name: str) -> pd.DataFrame:
    """Return table ``name`` as a typed DataFrame (dates parsed, whole numbers as Int64).

    The table is checked against its schema the first time it is read and cached after
    that; each call returns a fresh copy, so changing it in a notebook cannot change
    what the next lesson sees.
    """
    return catalog().load(name)


def tables() -> list[str]:
    """Names of all tables, in the order the data package lists them."""
    return catalog().tables()


def describe(name: str) -> dict:
    """Title, description and column definitions of table ``name``."""
    return catalog().describe(name)


def cite(source_id: str) -> str:
    """A one-line citation (who, title, date, URL, date checked) for a source id."""
    return catalog().cite(source_id)
