"""Detainers and jails: must, may or may not a jail keep someone for ICE, and how long is 48 hours?

The answer comes from the course's legal engine (:func:`immfed.law.analyze`, rules in the cited
``law_rules`` table): a local jail asked to keep a person charged with a crime past release,
on the paperwork chosen. The engine's words map to this tool's: allowed -> "permitted",
not allowed -> "prohibited", required -> "required", and "depends" -> "unsettled", with the
fact or open question it turns on named in the first reason. (The older ``detainer_rules``
table is kept as a record for exercise 04 but no longer decides answers.)

The 48-hour clock follows 8 C.F.R. 287.7(d): at most 48 hours beyond the time the person
would otherwise be released, "excluding Saturdays, Sundays, and holidays". ICE's guidance for
completing the 2017 Form I-247A describes the form's request as a hold "not to exceed 48 hours
beyond the time he or she would otherwise have been released", without repeating that exclusion.
The clock follows the regulation and, for comparison, also reports where 48 straight clock hours
would end (see :data:`CLOCK_NOTE`).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from html import escape

import pandas as pd

from immfed.data import load
from immfed.data.states import ALL_CODES, STATES, TERRITORIES, state_code
from immfed.data.vocabulary import codes, labels
from immfed.widgets.assessment import Assessment
from immfed.widgets.cache import per_catalog
from immfed.widgets.choices import check_choice
from immfed.widgets.figures import figure_widget, redraw
from immfed.widgets.style import PALETTE, apply_style, chart_title
from immfed.widgets.text import unique
from immfed.law import legacy
from immfed.law.rules import IN_FORCE_STATUSES as _IN_FORCE_STATUSES, in_force

REQUESTS: dict[str, str] = labels("detainer_request")
"""Accepted request codes and their readable labels (vocabulary ``detainer_request``)."""

CUSTODY: dict[str, str] = labels("custody")
"""Accepted custody codes and their readable labels (vocabulary ``custody``)."""

ANSWERS: tuple[str, ...] = codes("detainer_answer")

# "In force" is defined once, in immfed.law.rules; re-exported here for older imports.
IN_FORCE_STATUSES: tuple[str, ...] = _IN_FORCE_STATUSES

DETAINER_MECHANISMS: tuple[str, ...] = ("detainer_limit", "detainer_mandate")

SYMBOLS = {"required": "\u25b2", "permitted": "\u2714", "prohibited": "\u2716", "unsettled": "?"}
"""Text symbol shown with each answer, so the answer never relies on colour alone."""

_COLOURS = {"required": PALETTE["blue"], "permitted": PALETTE["green"],
            "prohibited": PALETTE["vermillion"], "unsettled": PALETTE["orange"]}

# Cases shown beside every answer because they frame the Fourth Amendment risk of any hold.
RISK_CASES: tuple[str, ...] = ("case_galarza_2014", "case_miranda_olivares_2014", "case_santos_2013",
                               "case_gonzalez_2020", "case_el_cenizo_2018", "case_lunn_2017",
                               "case_wells_demarco_2018")

HOLD_HOURS = 48
"""The regulation's limit: 48 hours beyond release, not counting Saturdays, Sundays and holidays."""

CLOCK_NOTE = ("Two texts describe the 48 hours. The regulation, 8 C.F.R. 287.7(d), excludes Saturdays, Sundays "
              "and holidays. ICE's guidance for completing the 2017 detainer form (I-247A) describes the request "
              "as up to 48 hours beyond the time the person would otherwise have been released, without repeating "
              "that exclusion. This clock follows the regulation, so across a weekend or holiday its window is "
              "longer than 48 straight hours; the sentence under the chart gives both end times. The course found "
              "no ruling on which text controls when they differ.")
"""Shown above the clock: which text the clock follows, and that the other text exists."""

AS_OF = "2026-11-28"

STATE_CLOCKS: dict[str, dict] = {
    # N.C.G.S. 162-62(b1): a hold a judicial official orders ends no later than 48 hours after the
    # person would otherwise be released; the text excludes no weekends or holidays.
    "NC": {"hours": 48, "cite": "N.C.G.S. 162-62(b1)",
           "words": "North Carolina sets its own count: 48 straight hours, with no weekend or holiday exclusion"},
}
"""States whose own law sets the length of the hold; their clock counts every hour."""


def assess_detainer(state: str, request: str, custody: str) -> Assessment:
    """Must, may or may not a jail in ``state`` keep a person in custody for ICE on ``request``?

    ``state`` is a two-letter postal code (any of ``immfed.data.states.ALL_CODES``; lower case
    is accepted); ``request`` one of ``REQUESTS``; ``custody`` one of ``CUSTODY``. Unknown
    values raise ``ValueError`` listing what is accepted.

    The answer ("required", "permitted", "prohibited" or "unsettled") is the legal engine's
    answer for a local jail holding someone charged with a crime past release. A state with
    no detainer law in force gets the federal baseline: honoring a detainer is permitted, not
    required, because detainers are requests (8 C.F.R. 287.7(a), (d); Galarza), and the Fourth
    Amendment risk is flagged. "unsettled" means the answer turns on a fact or open question
    named in the first reason. ``authority_ids`` holds ids from ``authorities.csv`` and law ids
    from ``state_laws.csv``.
    """
    code = state_code(state)
    check_choice(request, REQUESTS, "request")
    check_choice(custody, CUSTODY, "custody")

    result = legacy.detainer_question(code, request, custody)
    reasons = legacy.reasons(result, legacy.DETAINER_WORDS)
    law_ids = legacy.law_ids(result)
    law_sources = _law_sources()
    source_ids = legacy.rule_source_ids(result) + [law_sources[i] for i in law_ids]
    # Bills and vetoed or enjoined laws are named, so nobody mistakes them for law.
    for law in _detainer_law_rows(code):
        if not in_force(law["status"], law["effective"]):
            reasons.append(f"Not counted: {law['name']} ({law['bill'] if isinstance(law['bill'], str) else law['citation']}) "
                           f"has status '{law['status'].replace('_', ' ')}', so it does not change the answer.")
            source_ids.append(law["source_id"])
    if code in TERRITORIES:
        reasons.append("The course data record no territorial detainer law; the federal baseline is shown.")
    return Assessment(answer=legacy.DETAINER_WORDS[result.answer], reasons=reasons,
                      authority_ids=unique([*result.authority_ids, *law_ids]), law_ids=law_ids,
                      rule_ids=legacy.rule_ids(result), source_ids=unique(source_ids))


@per_catalog
def _law_sources() -> dict:
    """The source id of each state law (read-only)."""
    return load("state_laws").set_index("law_id")["source_id"].to_dict()


def _detainer_law_rows(code: str) -> tuple[dict, ...]:
    """The ``state_laws`` rows on detainers (limits or mandates) for a state code, in force or
    not, as plain rows (read-only)."""
    return _detainer_law_rows_by_state().get(code, ())


@per_catalog
def _detainer_law_rows_by_state() -> dict[str, tuple[dict, ...]]:
    laws = load("state_laws")
    out: dict = {}
    for r in laws[laws["mechanism"].isin(DETAINER_MECHANISMS)].to_dict("records"):
        out.setdefault(r["state_code"], []).append(r)
    return {code: tuple(rows) for code, rows in out.items()}


def describe_ids(ids) -> list[dict]:
    """For each id, a dict with its kind ("authority" or "state law"), name and citation."""
    known = _described()
    return [dict(known[i]) for i in ids if i in known]


@per_catalog
def _described() -> dict:
    """``describe_ids``'s entry for every authority and state law (an authority wins a shared id)."""
    out = {}
    for r in load("state_laws").to_dict("records"):
        out[r["law_id"]] = {"id": r["law_id"], "kind": "state law", "name": f"{r['state']}: {r['name']}",
                            "citation": r["citation"]}
    for i, r in _authorities().items():
        out[i] = {"id": i, "kind": "authority", "name": r["name"], "citation": r["citation"]}
    return out


def _risk_case_rows(result: Assessment) -> list[dict]:
    """Court decisions that bear on the risk of a hold: those the answer cites, then the
    standard set, as ``authorities`` rows (read-only), without pandas work per call."""
    auth = _authorities()
    ids = [i for i in result.authority_ids if i in auth and auth[i]["kind"] == "case"]
    return [auth[i] for i in unique(ids + [i for i in RISK_CASES if i in auth])]


@per_catalog
def _authorities() -> dict:
    return {r["authority_id"]: r for r in load("authorities").to_dict("records")}


# ---- the 48-hour clock ---------------------------------------------------------------------

def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _last_weekday(year: int, month: int, weekday: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def federal_holidays(year: int) -> dict[dt.date, str]:
    """The eleven federal public holidays of 5 U.S.C. 6103(a) for ``year``, on their observed days.

    A holiday on a Saturday is observed the Friday before, on a Sunday the Monday after (the rule
    for most federal employees). 8 C.F.R. 287.7(d) says only "holidays"; the course uses federal
    holidays as its default, which is an assumption a state could read differently.
    """
    fixed = {dt.date(year, 1, 1): "New Year's Day", dt.date(year, 6, 19): "Juneteenth National Independence Day",
             dt.date(year, 7, 4): "Independence Day", dt.date(year, 11, 11): "Veterans Day",
             dt.date(year, 12, 25): "Christmas Day"}
    days = {}
    for day, name in fixed.items():
        shift = {5: -1, 6: 1}.get(day.weekday(), 0)
        days[day + dt.timedelta(days=shift)] = name
    days[_nth_weekday(year, 1, 0, 3)] = "Birthday of Martin Luther King, Jr."
    days[_nth_weekday(year, 2, 0, 3)] = "Washington's Birthday"
    days[_last_weekday(year, 5, 0)] = "Memorial Day"
    days[_nth_weekday(year, 9, 0, 1)] = "Labor Day"
    days[_nth_weekday(year, 10, 0, 2)] = "Columbus Day"
    days[_nth_weekday(year, 11, 3, 4)] = "Thanksgiving Day"
    return dict(sorted(days.items()))


def _excluded(day: dt.date, holidays) -> str | None:
    if day.weekday() == 5:
        return "Saturday"
    if day.weekday() == 6:
        return "Sunday"
    if holidays is None:
        holidays = {**federal_holidays(day.year - 1), **federal_holidays(day.year), **federal_holidays(day.year + 1)}
    if day in holidays:
        return holidays[day] if isinstance(holidays, dict) else "holiday"
    return None


def _as_datetime(value) -> dt.datetime:
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"Unknown release time {value!r}. Accepted: a date and time such as "
                             "'2026-11-27 17:00'.") from None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if not isinstance(value, dt.datetime):
        raise ValueError(f"Unknown release time {value!r}. Accepted: a datetime or an ISO text such as "
                         "'2026-11-27 17:00'.")
    return value.replace(tzinfo=None)


def _clock_title(state) -> str:
    own = _state_clock(state)
    if own is not None:
        return f"Hold window under {own['cite']} (48 straight hours)"
    return "Detainer hold window under 8 C.F.R. 287.7(d)"


def _state_clock(state):
    if state is None:
        return None
    return STATE_CLOCKS.get(state_code(state))


def clock_segments(release_time, hours: float = HOLD_HOURS, holidays=None, *, state: str | None = None) -> list[dict]:
    """The hold window split into day pieces: each dict has start, end, counted (bool) and label.

    Counted pieces add up to ``hours``; Saturdays, Sundays and holidays are listed but not
    counted. ``holidays`` is a set or dict of dates (default: federal holidays). With ``state``
    set to a state that fixes its own count (:data:`STATE_CLOCKS`, e.g. "NC"), every hour counts.
    """
    start = _as_datetime(release_time)
    own = _state_clock(state)
    if own is not None:
        end = start + dt.timedelta(hours=hours)
        return [{"start": start, "end": end, "counted": True, "label": f"counted ({own['cite']})"}] if hours else []
    if not (isinstance(hours, (int, float)) and 0 <= hours <= 24 * 30):
        raise ValueError(f"Unknown hours {hours!r}. Accepted: a number of hours from 0 to 720.")
    left = dt.timedelta(hours=hours)
    pieces, t = [], start
    while left > dt.timedelta(0):
        day_end = dt.datetime.combine(t.date() + dt.timedelta(days=1), dt.time())
        why = _excluded(t.date(), holidays)
        if why:
            pieces.append({"start": t, "end": day_end, "counted": False, "label": why})
        else:
            end = min(day_end, t + left)
            pieces.append({"start": t, "end": end, "counted": True, "label": "counted"})
            left -= end - t
        t = pieces[-1]["end"]
    return pieces


def detainer_clock(release_time, hours: float = HOLD_HOURS, holidays=None, *, state: str | None = None) -> dt.datetime:
    """When the detainer hold must end: ``hours`` (48) counted from ``release_time``, skipping
    Saturdays, Sundays and holidays as 8 C.F.R. 287.7(d) says. ``release_time`` is when the person
    would otherwise go free (a datetime or ISO text). ``holidays``: a set or dict of dates to skip
    (default: federal holidays, see :func:`federal_holidays`; pass ``set()`` to skip weekends only).
    ``state``: where a state sets its own count (North Carolina, N.C.G.S. 162-62(b1): 48 hours with
    no weekend exclusion), that count is used instead.
    """
    pieces = clock_segments(release_time, hours, holidays, state=state)
    return pieces[-1]["end"] if pieces else _as_datetime(release_time)


def _fmt(t: dt.datetime) -> str:
    return t.strftime("%a %d %b %Y, %H:%M")


def clock_summary(release_time, hours: float = HOLD_HOURS, holidays=None, answer: str | None = None,
                  request: str = "detainer", *, state: str | None = None) -> str:
    """One sentence describing the window, computed from :func:`clock_segments`."""
    start = _as_datetime(release_time)
    own = _state_clock(state)
    if own is not None:
        end = start + dt.timedelta(hours=hours)
        text = (f"Release due {_fmt(start)}: {own['words']} ({own['cite']}), so the hold must end by {_fmt(end)}. "
                f"Under the federal regulation alone (8 C.F.R. 287.7(d)) it would end "
                f"{_fmt(detainer_clock(start, hours, holidays))}.")
        if request == "judicial_warrant":
            text += " A judge-signed warrant is not a detainer, so this window does not govern it."
        return text
    pieces = clock_segments(start, hours, holidays)
    end = pieces[-1]["end"] if pieces else start
    skipped = [p for p in pieces if not p["counted"]]
    elapsed = (end - start).total_seconds() / 3600
    text = (f"Release due {_fmt(start)}: {hours:g} countable hours end {_fmt(end)}, "
            f"{elapsed:g} hours of clock time later")
    if skipped:
        names = unique(p["label"] for p in skipped)
        text += f", because {len(skipped)} day(s) do not count ({', '.join(names)})"
    text += " (8 C.F.R. 287.7(d))."
    straight = start + dt.timedelta(hours=hours)
    if straight != end:
        text += (f" Read as {hours:g} straight clock hours, as ICE's guidance for the 2017 form words the request, "
                 f"the window would end {_fmt(straight)}.")
    if request == "judicial_warrant":
        text += " A judge-signed warrant is not a detainer, so this window does not govern it."
    elif answer == "prohibited":
        text += " Here state law forbids the hold, so the window shows only what the federal regulation would allow."
    return text


def clock_figure_data(release_time, hours: float = HOLD_HOURS, holidays=None, *, state: str | None = None) -> dict:
    """x/y data for the timeline: counted and not-counted pieces as line segments, plus markers."""
    pieces = clock_segments(release_time, hours, holidays, state=state)
    data = {"counted": {"x": [], "y": [], "text": []}, "skipped": {"x": [], "y": [], "text": []}}
    for p in pieces:
        key = "counted" if p["counted"] else "skipped"
        data[key]["x"] += [p["start"], p["end"], None]
        data[key]["y"] += ["Hold window", "Hold window", None]
        data[key]["text"] += [p["label"], p["label"], None]
    start = _as_datetime(release_time)
    end = pieces[-1]["end"] if pieces else start
    data["marks"] = {"x": [start, end], "y": ["Hold window", "Hold window"],
                     "text": [f"Release due {_fmt(start)}", f"Window ends {_fmt(end)}"]}
    data["range"] = [start - dt.timedelta(hours=6), end + dt.timedelta(hours=6)]
    return data


def assessment_html(result: Assessment, state: str, request: str, custody: str) -> str:
    """The assessment as HTML: answer (symbol + words), reasons, citations and risk cases."""
    code = state_code(state)
    place = STATES.get(code) or TERRITORIES.get(code, code)
    items = "".join(f"<li>{escape(r)}</li>" for r in result.reasons)
    cited = "".join(f"<li><strong>{escape(d['name'])}</strong>, {escape(str(d['citation']))} "
                    f"<small>({escape(d['kind'])}: {escape(d['id'])})</small></li>"
                    for d in describe_ids(result.authority_ids))
    cases = "".join(f"<li><strong>{escape(r['name'])}</strong>, {escape(r['citation'])}"
                    f"{' [' + escape(r['status'].replace('_', ' ')) + ']' if r['status'] != 'good_law' else ''}: "
                    f"{escape(r['holding'])}</li>" for r in _risk_case_rows(result))
    return (f"<div role='region' aria-label='Detainer assessment'>"
            f"<p>{escape(place)} &middot; {escape(REQUESTS[request])} &middot; {escape(CUSTODY[custody])}</p>"
            f"<p style='font-size:1.3em;border-left:6px solid {_COLOURS[result.answer]};padding-left:8px'>"
            f"<span aria-hidden='true'>{SYMBOLS[result.answer]}</span> "
            f"<strong>Keeping the person for ICE: {escape(result.answer.upper())}</strong></p>"
            f"<p><strong>Why</strong></p><ul>{items}</ul>"
            f"<p><strong>Law cited</strong></p><ul>{cited}</ul>"
            f"<details><summary>Cases that bear on the risk of a hold</summary><ul>{cases}</ul></details>"
            f"<p><small>Law as recorded in the course tables, current to {AS_OF}; not legal advice.</small></p>"
            f"</div>")


# Release times offered in the explorer: two fixed weeks (so the notebook is deterministic) that
# include a weekend and Thanksgiving 2026 (Thursday 26 November).
RELEASE_DAYS: tuple[str, ...] = tuple((dt.date(2026, 11, 23) + dt.timedelta(days=i)).isoformat() for i in range(14))


def clock_figure(release: dt.datetime, state: str | None = None):
    """The 48-hour hold window after ``release`` as a complete plotly Figure (title, axis
    title, height): the hours that count, the hours that do not, and the two end points.
    ``state`` picks a state's own count where it sets one (North Carolina: 48 straight hours)."""
    import plotly.graph_objects as go

    data = clock_figure_data(release, state=state)
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=data["counted"]["x"], y=data["counted"]["y"], text=data["counted"]["text"],
                             mode="lines", name="Hours that count", line={"color": PALETTE["blue"], "width": 26},
                             hovertemplate="%{text}: %{x}<extra></extra>"))
    fig.add_trace(go.Scatter(x=data["skipped"]["x"], y=data["skipped"]["y"], text=data["skipped"]["text"],
                             mode="lines", name="Not counted (Saturday, Sunday, holiday)",
                             line={"color": PALETTE["grey"], "width": 26, "dash": "dot"},
                             hovertemplate="%{text}: %{x}<extra></extra>"))
    fig.add_trace(go.Scatter(x=data["marks"]["x"], y=data["marks"]["y"], text=data["marks"]["text"],
                             mode="markers", name="Release due / window ends",
                             marker={"color": PALETTE["black"], "size": 14, "symbol": ["circle", "diamond"]},
                             hovertemplate="%{text}<extra></extra>"))
    apply_style(fig, chart_title(_clock_title(state), "date and hour", AS_OF))
    fig.update_layout(height=320, xaxis={"title": "Date and hour (local time)", "range": data["range"]},
                      yaxis={"showticklabels": False}, legend={"orientation": "h", "y": -0.75, "x": 0},
                      margin={"b": 120})
    return fig


def clock_json(release: dt.datetime, state: str | None = None) -> dict:
    """``clock_figure(release, state).to_plotly_json()`` without building a Figure: the window's
    pieces, end points, date range and title put into the frame (styles, legend, axes) every
    release time shares. The explorer hands it to ``figures.redraw`` on each change."""
    data = clock_figure_data(release, state=state)
    frame = _clock_frame()
    traces = [{**trace, "x": list(data[key]["x"]), "y": list(data[key]["y"]), "text": list(data[key]["text"])}
              for trace, key in zip(frame["data"], ("counted", "skipped", "marks"))]
    layout = frame["layout"]
    return {"data": traces,
            "layout": {**layout, "title": {**layout["title"], "text": chart_title(_clock_title(state), "date and hour", AS_OF)},
                       "xaxis": {**layout["xaxis"], "range": list(data["range"])}}}


@lru_cache(maxsize=1)
def _clock_frame() -> dict:
    """The clock chart's parts that are the same for every release time and state (read-only)."""
    return clock_figure(dt.datetime(2026, 11, 23, 17)).to_plotly_json()


def explore_detainers(state: str = "TX", request: str = "detainer_with_admin_warrant",
                      custody: str = "release_due", release_day: str = "2026-11-27", release_hour: int = 17):
    """Dropdowns (state, request, custody, release day and hour), the answer with its reasons and
    law, the cases that bear on the risk, and a timeline of the 48-hour window. Arguments are
    checked as ``assess_detainer`` checks them (a lower-case state code is accepted)."""
    import ipywidgets as w

    # checked before the dropdowns exist, so a bad value names what is accepted (not a TraitError)
    state = state_code(state)
    check_choice(request, list(REQUESTS), "request")
    check_choice(custody, list(CUSTODY), "custody")
    check_choice(release_day, list(RELEASE_DAYS), "release day")
    if isinstance(release_hour, bool) or not isinstance(release_hour, int) or not 0 <= release_hour <= 23:
        raise ValueError(f"Release hour must be a whole number from 0 to 23, not {release_hour!r}.")

    layout = w.Layout(width="36em")
    style = {"description_width": "8em"}
    names = {**STATES, **TERRITORIES}
    state_dd = w.Dropdown(options=[(f"{names[c]} ({c})", c) for c in sorted(ALL_CODES, key=lambda c: names[c])],
                          value=state, description="State:", layout=layout, style=style)
    request_dd = w.Dropdown(options=[(v, k) for k, v in REQUESTS.items()], value=request,
                            description="ICE sent:", layout=layout, style=style)
    custody_dd = w.Dropdown(options=[(v, k) for k, v in CUSTODY.items()], value=custody,
                            description="Custody:", layout=layout, style=style)
    day_dd = w.Dropdown(options=[(dt.date.fromisoformat(d).strftime("%a %d %b %Y"), d) for d in RELEASE_DAYS],
                        value=release_day, description="Release day:", layout=layout, style=style)
    hour_sl = w.IntSlider(value=release_hour, min=0, max=23, step=1, description="Release hour:",
                          layout=layout, style=style)
    panel, summary = w.HTML(), w.HTML()

    def release_time():
        return dt.datetime.combine(dt.date.fromisoformat(day_dd.value), dt.time(hour_sl.value))

    fig = figure_widget(clock_figure(release_time(), state_dd.value))

    def refresh(*_):
        try:
            result = assess_detainer(state_dd.value, request_dd.value, custody_dd.value)
            panel.value = assessment_html(result, state_dd.value, request_dd.value, custody_dd.value)
            redraw(fig, clock_json(release_time(), state_dd.value))
            summary.value = f"<p role='status'>{escape(clock_summary(release_time(), answer=result.answer, request=request_dd.value, state=state_dd.value))}</p>"
        except ValueError as err:  # dropdowns cannot normally produce this; show it, never a traceback
            panel.value = f"<p><strong>Cannot assess:</strong> {escape(str(err))}</p>"

    for control in (state_dd, request_dd, custody_dd, day_dd, hour_sl):
        control.observe(refresh, names="value")
    refresh()
    box = w.VBox([state_dd, request_dd, custody_dd, panel, w.HTML("<p><strong>The 48-hour clock</strong></p>"
                                                                  f"<p><small>{escape(CLOCK_NOTE)}</small></p>"),
                  day_dd, hour_sl, fig, summary])
    box.controls = {"state": state_dd, "request": request_dd, "custody": custody_dd, "day": day_dd,
                    "hour": hour_sl, "panel": panel, "figure": fig, "summary": summary}
    return box
