"""Work a tool does once per loaded copy of the course data, not on every redraw.

A control change should only look things up: the pandas work (filtering, sorting,
grouping, formatting) is done the first time a result is asked for and kept until the
data is reloaded. ``immfed.data.reset()`` (run after a refresh) replaces the catalog, so
keying the cache on the catalog object means a refresh still shows the new data.

Cached values are shared between callers: they are plain tuples, strings and dicts that
a caller must treat as read-only. Public functions that hand out a DataFrame or a list a
student may change build a fresh one from the cached value.
"""

from __future__ import annotations

import functools

from immfed.data import catalog


def per_catalog(fn):
    """Cache ``fn(*args)`` until the catalog is replaced.

    Only hashable positional arguments are cached; a call with an unhashable one runs
    ``fn`` uncached, so the function's own input check still gives its usual ValueError.
    """
    store: dict = {"catalog": None, "values": {}}

    @functools.wraps(fn)
    def cached(*args):
        cat = catalog()
        if store["catalog"] is not cat:
            store["catalog"], store["values"] = cat, {}
        values = store["values"]
        try:
            hit = args in values
        except TypeError:  # an unhashable argument (a list, say) is not cacheable:
            return fn(*args)  # let fn check it and name what it accepts
        if not hit:
            values[args] = fn(*args)
        return values[args]

    return cached
