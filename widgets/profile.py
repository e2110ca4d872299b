"""Capstone: a cited profile of one state (or territory), and a policy-memo template.

The work is split by job: :mod:`.profile_data` assembles a place's profile from the
course tables (``state_profile``), :mod:`.profile_render` writes it as cited Markdown,
a memo template and HTML, :mod:`.profile_chart` draws its agreements by model, and this
module holds the view, ``explore_profile``. The names lessons and exercises use are
importable from here (``from immfed.widgets.profile import memo_template``).
"""

from __future__ import annotations

from html import escape

from .cache import per_catalog
from .figures import figure_widget, redraw
from .models import agreement_counts
from .profile_chart import figure_data, figure_json, figure_summary, profile_figure
from .profile_data import (DETAINER_CUSTODY, METRIC_LABELS, MODELS, OUTCOME_LIMITS, REFRESH_HINT, REQUESTS,
                           SECTION_TITLES, Fact, Profile, Section, refresh_folder, agency_table, state as _state,
                           state_choices, state_profile)
from .profile_render import memo_markdown, memo_template, profile_html, profile_markdown, references_markdown
from .text import alert_html

__all__ = ["DETAINER_CUSTODY", "METRIC_LABELS", "MODELS", "OUTCOME_LIMITS", "REFRESH_HINT", "REQUESTS",
           "SECTION_TITLES", "Fact", "Profile", "ProfileExplorer", "Section", "agency_table", "agreement_counts",
           "explore_profile", "figure_data", "figure_summary", "memo_template", "profile_figure", "profile_html",
           "profile_markdown", "references_markdown", "state_choices", "state_profile"]


@per_catalog
def _view(code: str, folder) -> tuple[dict, str, str, str]:
    """What the explorer shows for ``code``: the chart's data, the summary, the profile as
    HTML and the memo. Built on the first visit to a place and kept (a profile runs the
    detainer assessor three times); ``folder`` is the refresh in use, so a new refresh of
    the agency list is shown."""
    d = figure_data(code)
    p = state_profile(code)
    return d, f"<p role='status'>{escape(d['summary'])}</p>", profile_html(p), memo_markdown(p)


# -- the view -----------------------------------------------------------------------------

class ProfileExplorer:
    """Dropdown -> chart, summary, profile text and memo text area (all updated in place)."""

    def __init__(self, state: str = "TX"):
        import ipywidgets as w

        self.message = w.HTML()
        try:
            code = _state(state)
        except ValueError as exc:
            self.message.value = alert_html(exc)
            code = "TX"
        self.state = w.Dropdown(options=state_choices(), value=code, description="State",
                                style={"description_width": "initial"})
        self.fig = figure_widget(profile_figure(code, _view(code, refresh_folder())[0]))
        self.summary = w.HTML()
        self.profile = w.HTML()
        self.memo = w.Textarea(description="Memo (copy)", layout=w.Layout(width="95%", height="260px"),
                               style={"description_width": "initial"})
        self._show(code)
        self.state.observe(self._on_state, names="value")
        self.widget = w.VBox([self.state, self.message, self.summary, self.fig, self.profile,
                              w.HTML("<h4>Your memo</h4><p>Select all in the box (Ctrl+A / Cmd+A), copy it into a "
                                     "Markdown cell or a document, and fill in the blanks.</p>"), self.memo])
        self.widget.explorer = self

    def _show(self, code: str):
        d, summary, profile, memo = _view(code, refresh_folder())
        redraw(self.fig, figure_json(code, d))
        self.summary.value, self.profile.value, self.memo.value = summary, profile, memo

    def _on_state(self, change):
        if change["new"]:
            self.message.value = ""
            self._show(change["new"])


def explore_profile(state: str = "TX"):
    """Pick a state to see its 287(g) agreements by model over ICE's sheets, its cited
    profile (laws, detainers, operations, arrest rates, agencies) and a memo to copy.
    An unknown ``state`` shows what is accepted and starts on Texas."""
    return ProfileExplorer(state).widget
