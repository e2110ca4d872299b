"""Sourced, dated tables for the course, as typed pandas DataFrames.

Use it like this in a notebook::

    from immfed.data import load, tables, cite
    tables()                      # names of all tables
    laws = load("state_laws")     # a checked, typed DataFrame
    cite("usc_8_1357")            # a formatted citation with its URL

Every row of every table names a ``source_id`` in ``load("sources")``. A malformed or
inconsistent table raises :class:`DataError`, which names the file, row and column; a
damaged user data folder raises :class:`UserDataError`, which names the folder and the fix.
"""

from __future__ import annotations

import pandas as pd

from .catalog import SHIPPED_ROOT, Catalog
from .userdata import UserDataError, current_folder, refreshed_tables
from .validate import DataError

__all__ = ["load", "tables", "cite", "describe", "catalog", "reset", "check_refreshed", "DataError",
           "UserDataError", "Catalog"]

_catalog: Catalog | None = None


def catalog() -> Catalog:
    """The catalog the course uses: the shipped tables, with any refreshed ones on top."""
    global _catalog
    if _catalog is None:
        shipped = Catalog(SHIPPED_ROOT)
        folder = current_folder()  # a damaged user folder raises UserDataError here
        overrides = refreshed_tables(shipped.tables(), folder)
        _catalog = Catalog(SHIPPED_ROOT, overrides, user_folder=folder) if overrides else shipped
    return _catalog


def check_refreshed() -> None:
    """Read every refreshed table once, so a damaged user data folder is reported (as a
    :class:`UserDataError` naming the folder and the fix) before long work starts."""
    cat = catalog()
    for name in cat.overrides:
        cat.parsed(name)


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
