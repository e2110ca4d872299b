"""Local Police and ICE: immigration federalism in practice.

A Jupyter course package. ``immfed.data`` holds the sourced tables, ``immfed.widgets``
the interactive tools, ``immfed.lessons`` the lesson notebooks and their helpers.
"""

__version__ = "0.1.0"
