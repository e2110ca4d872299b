"""Downloading a file the user names by URL (ICE's sheet, for ``immfed data refresh-287g``)."""

from __future__ import annotations

import shutil
import urllib.request
from pathlib import Path

from .ice_sheet import RefreshError


def download(url: str, folder: Path) -> Path:
    """Download ``url`` into ``folder``; returns the file. Raises :class:`RefreshError`
    (naming the URL and the network's error) when it cannot be fetched."""
    target = folder / (Path(url.split("?")[0]).name or "participatingAgencies.xlsx")
    try:
        with urllib.request.urlopen(url, timeout=60) as resp, target.open("wb") as fh:
            shutil.copyfileobj(resp, fh)
    except OSError as exc:
        raise RefreshError(f"could not download {url}: {exc}") from None
    return target
