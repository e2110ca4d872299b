"""From a police encounter to ICE custody: the steps under each regime, and a what-if funnel.

Pure parts (tested without a browser):
- ``pipeline(regime)`` returns the numbered steps for one regime from ``pipeline_steps``;
- ``funnel(n, rates)`` turns a number of bookings and a set of ASSUMED rates into stage counts;
- ``funnel_summary(result)`` says in one sentence what the funnel shows.

``explore_pipeline()`` is the thin ipywidgets view. The funnel is a teaching model, not data:
no source found gives these rates for one jail population, so every slider is labelled as an
assumption with an illustrative default.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from numbers import Integral, Real

import pandas as pd

from immfed.data import cite, load
from immfed.widgets.cache import per_catalog
from immfed.widgets.choices import check_choice
from immfed.widgets.figures import figure_widget, redraw
from immfed.widgets.style import PALETTE, apply_style
from immfed.widgets.text import alert_html

REGIMES = {
    "no_agreement": "No 287(g) agreement, no state rule",
    "jem": "287(g) Jail Enforcement Model",
    "wso": "287(g) Warrant Service Officer",
    "tfm": "287(g) Task Force Model",
    "state_mandates": "State mandates cooperation (e.g. Texas, Florida)",
    "state_restricts": "State restricts cooperation (e.g. California, Illinois)",
}

# Funnel stages in order; each rate takes the previous stage's count to the next one.
STAGES = ["Bookings", "Fingerprints checked by DHS", "ICE database match", "Detainer lodged",
          "Held or handed over at release", "Taken into ICE custody"]
RATE_KEYS = ["checked", "match", "detainer", "held", "custody"]
RATE_LABELS = {
    "checked": "Assumption: share of bookings whose fingerprints reach DHS",
    "match": "Assumption: share of checked bookings that produce an ICE database match",
    "detainer": "Assumption: share of matches on which ICE lodges a detainer",
    "held": "Assumption: share of detainers the jail honors (hold or transfer at release)",
    "custody": "Assumption: share of holds/hand-overs where ICE actually takes custody",
}
# No source gives these rates for a single booking population, so every default is a neutral
# round number and says so. Where a source exists, put its id here and it is shown by the slider.
DEFAULT_RATES = {"checked": 1.0, "match": 0.5, "detainer": 0.5, "held": 0.5, "custody": 0.5}
DEFAULT_SOURCES: dict[str, str] = {}
DEFAULT_NOTES = {
    "checked": ("Illustrative, not sourced. Secure Communities shares booking prints with DHS "
                "automatically, but no source here gives a measured share."),
    "match": "Illustrative, not sourced.",
    "detainer": "Illustrative, not sourced.",
    "held": ("Illustrative, not sourced. Law sets the ceiling in some states: California and Illinois "
             "bar holds on a detainer alone (try 0); Texas requires compliance, and Florida does for a detainer "
             "that comes with a warrant."),
    "custody": "Illustrative, not sourced.",
}
MAX_BOOKINGS = 1_000_000
MODEL_NOTE = "A model with assumed rates, not data"


def pipeline(regime: str) -> pd.DataFrame:
    """The steps from encounter to ICE custody for one regime, in order.

    Columns: step, stage, who, what_happens, authorities (names from ``authorities``),
    authority_ids and source_id. ``regime`` is one of the keys of ``REGIMES``.
    """
    check_choice(regime, REGIMES, "regime")
    steps = load("pipeline_steps")
    steps = steps[steps["regime"] == regime].sort_values("step").reset_index(drop=True)
    names = dict(zip(load("authorities")["authority_id"], load("authorities")["name"]))

    def to_names(ids) -> str:
        if not isinstance(ids, str) or not ids.strip():
            return ""
        return "; ".join(names.get(i.strip(), i.strip()) for i in ids.split(";"))

    steps["authorities"] = steps["authority_ids"].map(to_names)
    return steps[["step", "stage", "who", "what_happens", "authorities", "authority_ids", "source_id"]]


def _check_n(n) -> int:
    if isinstance(n, bool) or not isinstance(n, Integral) or not 0 <= int(n) <= MAX_BOOKINGS:
        raise ValueError(f"n must be a whole number of bookings from 0 to {MAX_BOOKINGS:,}; got {n!r}.")
    return int(n)


def _check_rates(rates: dict) -> dict:
    if not isinstance(rates, dict):
        raise ValueError(f"rates must be a dict with keys {', '.join(RATE_KEYS)}; got {type(rates).__name__}.")
    unknown = set(rates) - set(RATE_KEYS)
    missing = set(RATE_KEYS) - set(rates)
    if unknown or missing:
        raise ValueError(f"rates must have exactly the keys {', '.join(RATE_KEYS)}"
                         f" (missing: {', '.join(sorted(missing)) or 'none'}; unknown: {', '.join(sorted(unknown)) or 'none'}).")
    out = {}
    for key in RATE_KEYS:
        value = rates[key]
        if isinstance(value, bool) or not isinstance(value, Real) or not 0.0 <= float(value) <= 1.0:
            raise ValueError(f"Rate {key!r} must be a number from 0 to 1 (a share); got {value!r}.")
        out[key] = float(value)
    return out


def funnel(n: int, rates: dict) -> dict:
    """Expected count at each stage, starting from ``n`` bookings.

    Each stage is the previous stage times its rate (``rates`` keys: checked, match,
    detainer, held, custody; each a share from 0 to 1). The counts are expected values of a
    model, so they are not rounded. Raises ValueError listing the accepted ranges.
    """
    n = _check_n(n)
    rates = _check_rates(rates)
    counts = {STAGES[0]: float(n)}
    current = float(n)
    for stage, key in zip(STAGES[1:], RATE_KEYS):
        current = current * rates[key]
        counts[stage] = current
    return counts


def funnel_summary(counts: dict) -> str:
    """One sentence describing a funnel result, computed from it."""
    start, end = counts[STAGES[0]], counts[STAGES[-1]]
    if start == 0:
        return "With 0 bookings the model has nothing to follow; set a number of bookings above 0."
    drops = [(counts[a] - counts[b], b) for a, b in zip(STAGES, STAGES[1:])]
    biggest, where = max(drops)
    share = 100 * end / start
    text = (f"Under these assumed rates, about {end:,.0f} of {start:,.0f} bookings ({share:.1f}%) end in ICE custody")
    if biggest > 0:
        text += f"; the largest drop ({biggest:,.0f} people) comes before the stage \u201c{where}\u201d"
    return text + ". This is a model, not a measurement."


def funnel_figure(counts: dict, widget: bool = True):
    """Horizontal bar chart of the funnel; a FigureWidget when ``widget`` is True."""
    import plotly.graph_objects as go

    values = [counts[s] for s in STAGES]
    fig = go.Figure(data=[go.Bar(x=values, y=STAGES, orientation="h", marker_color=PALETTE["blue"],
                           text=[f"{v:,.0f}" for v in values], textposition="auto",
                           hovertemplate="%{y}: %{x:,.1f} people (model)<extra></extra>")])
    apply_style(fig, f"What-if funnel: people at each stage (count of people, model output). "
                     f"{MODEL_NOTE}")
    fig.update_layout(yaxis={"autorange": "reversed"}, xaxis_title="people (expected count under the assumptions)",
                      height=380, title_font_size=14)
    return figure_widget(fig) if widget else fig


def funnel_json(counts: dict) -> dict:
    """``funnel_figure(counts, widget=False).to_plotly_json()`` without building a Figure: the
    bar lengths and labels put into the frame every funnel shares. The explorer hands it to
    ``figures.redraw`` when a slider moves."""
    values = [counts[s] for s in STAGES]
    frame = _funnel_frame()
    (bar,) = frame["data"]
    return {"data": [{**bar, "x": values, "text": [f"{v:,.0f}" for v in values]}], "layout": frame["layout"]}


@lru_cache(maxsize=1)
def _funnel_frame() -> dict:
    """The funnel chart's parts that every set of rates shares (read-only)."""
    return funnel_figure({s: 0.0 for s in STAGES}, widget=False).to_plotly_json()


@per_catalog
def steps_html(regime: str) -> str:
    """The numbered steps of one regime as accessible HTML (an ordered list)."""
    steps = pipeline(regime)
    items = []
    for row in steps.itertuples():
        auth = f"<br><em>Authority:</em> {escape(row.authorities)}" if row.authorities else ""
        items.append(f"<li><strong>{escape(row.stage.replace('_', ' ').capitalize())}</strong> "
                     f"\u2014 <em>{escape(row.who)}</em>: {escape(row.what_happens)}{auth}"
                     f"<br><span style='font-size:0.85em'>Source: {escape(cite(row.source_id))}</span></li>")
    return (f"<h4>{escape(REGIMES[regime])}</h4><ol>{''.join(items)}</ol>")


@per_catalog
def compare_summary(a: str, b: str) -> str:
    """One sentence comparing the two regimes' paths, computed from the table."""
    pa, pb = pipeline(a), pipeline(b)
    sa, sb = list(pa["stage"]), list(pb["stage"])
    only_a = [s for s in dict.fromkeys(sa) if s not in sb]
    only_b = [s for s in dict.fromkeys(sb) if s not in sa]
    differ = sum(1 for s in set(sa) & set(sb)
                 if list(pa.loc[pa.stage == s, "who"]) != list(pb.loc[pb.stage == s, "who"]))
    parts = [f"{REGIMES[a]}: {len(sa)} steps; {REGIMES[b]}: {len(sb)} steps."]
    if only_a:
        parts.append(f"Only in the first: {', '.join(s.replace('_', ' ') for s in only_a)}.")
    if only_b:
        parts.append(f"Only in the second: {', '.join(s.replace('_', ' ') for s in only_b)}.")
    parts.append(f"At {differ} shared stage(s) a different actor is in charge.")
    return " ".join(parts)


def explore_pipeline(regime: str = "no_agreement", compare: str = "state_restricts", n: int = 1000):
    """Show the path from encounter to ICE custody for two regimes side by side, and a what-if funnel.

    Choose the regimes in the two menus; set a number of bookings and move the ASSUMPTION
    sliders to see how each assumed rate changes how many people reach ICE custody.
    """
    import ipywidgets as w

    # a bad argument is named with what is accepted, never silently replaced by a default
    check_choice(regime, list(REGIMES), "regime")
    check_choice(compare, list(REGIMES), "regime to compare with")
    if isinstance(n, bool) or not isinstance(n, Integral) or not 0 <= n <= MAX_BOOKINGS:
        raise ValueError(f"Bookings must be a whole number from 0 to {MAX_BOOKINGS:,}, not {n!r}.")
    options = [(label, key) for key, label in REGIMES.items()]
    first = w.Dropdown(options=options, value=regime, description="Regime", style={"description_width": "initial"})
    second = w.Dropdown(options=options, value=compare, description="Compare with",
                        style={"description_width": "initial"})
    left, right, diff = w.HTML(), w.HTML(), w.HTML()

    def show_steps(_=None):
        left.value = steps_html(first.value)
        right.value = steps_html(second.value)
        diff.value = f"<p role='status'><strong>Difference.</strong> {escape(compare_summary(first.value, second.value))}</p>"

    first.observe(show_steps, names="value")
    second.observe(show_steps, names="value")
    show_steps()

    bookings = w.BoundedIntText(value=int(n),
                                min=0, max=MAX_BOOKINGS, step=100,
                                description="Bookings to start from", style={"description_width": "initial"})
    sliders = {}
    rows = []
    for key in RATE_KEYS:
        sliders[key] = w.FloatSlider(value=DEFAULT_RATES[key], min=0.0, max=1.0, step=0.05,
                                     readout_format=".2f", continuous_update=False,
                                     description=RATE_LABELS[key], style={"description_width": "initial"},
                                     layout=w.Layout(width="95%"))
        note = (f"Default from {cite(DEFAULT_SOURCES[key])}" if key in DEFAULT_SOURCES
                else DEFAULT_NOTES[key])
        rows.append(w.VBox([sliders[key], w.HTML(f"<span style='font-size:0.85em'>{escape(note)}</span>")]))
    message = w.HTML()
    summary = w.HTML()
    state = {"fig": None}

    def current():
        return funnel(bookings.value, {k: s.value for k, s in sliders.items()})

    def update(_=None):
        try:
            counts = current()
        except ValueError as err:  # shown, never raised: students see what is accepted
            message.value = alert_html(err)
            return
        message.value = ""
        if state["fig"] is not None:
            redraw(state["fig"], funnel_json(counts))
        summary.value = f"<p role='status'>{escape(funnel_summary(counts))}</p>"

    for s in sliders.values():
        s.observe(update, names="value")
    bookings.observe(update, names="value")
    state["fig"] = funnel_figure(current())
    update()

    ui = w.VBox([
        w.HTML("<h3>1. The path, step by step</h3>"),
        w.HBox([first, second]), diff,
        w.HBox([w.Box([left], layout=w.Layout(width="50%")), w.Box([right], layout=w.Layout(width="50%"))]),
        w.HTML("<h3>2. What-if funnel (a model, not data)</h3><p>Every rate below is an "
               "<strong>assumption</strong> you set. No source found gives these rates for one jail "
               "population, so the defaults are round, illustrative numbers.</p>"),
        bookings, *rows, message, summary, state["fig"],
    ])
    ui.add_class("immfed-pipeline")
    # Handles for tests and for instructors scripting a demonstration.
    ui.controls = {"regime": first, "compare": second, "bookings": bookings, **sliders}
    ui.outputs = {"left": left, "right": right, "diff": diff, "message": message, "summary": summary}
    ui.figure = state["fig"]
    return ui
