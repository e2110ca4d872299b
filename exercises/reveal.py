"""Predict-then-reveal: a widget stays hidden until the student has committed a prediction."""

from __future__ import annotations

from html import escape

from IPython.display import HTML, display


# The first prediction committed for each scenario in this session, so changing it after the
# reveal is visible to the student (predictions earn completion credit only).
_FIRST: dict[tuple, str] = {}


def _committed(prediction, labels) -> bool:
    return isinstance(prediction, str) and prediction.strip().lower() in labels


def _first_note(scenario: tuple, got: str) -> str:
    first = _FIRST.setdefault(scenario, got)
    return "" if first == got else f" (Your first prediction in this session was <strong>{escape(first)}</strong>.)"


def _ask_first(prediction, labels) -> None:
    """Tell the student the explorer waits for a committed prediction (never a traceback)."""
    display(HTML(f"<p role='status'><strong>Prediction first.</strong> Set your prediction above to one of "
                 f"{escape(', '.join(repr(x) for x in labels))} and run its cell; the explorer stays hidden "
                 f"until you do (you gave {escape(repr(prediction))}).</p>"))
    return None


def _show_verdict(prediction: str, answer: str, symbols: dict, scenario: tuple) -> None:
    """Say whether the committed prediction matches the explorer's answer."""
    got = prediction.strip().lower()
    note = _first_note(scenario, got)
    verdict = "matches" if got == answer else "differs from"
    display(HTML(f"<p role='status'>You predicted <strong>{escape(got)}</strong>; that {verdict} the explorer's "
                 f"answer, <strong>{symbols[answer]} {escape(answer)}</strong>.{note} Read the "
                 f"reasons and the authorities it names below.</p>"))


def reveal_authority(prediction, actor: str, action: str, state: str):
    """Show the authority explorer for one scenario, but only once ``prediction`` holds
    "allowed", "not allowed" or "depends". Says whether the prediction matched."""
    from immfed.widgets.authority import SYMBOLS, assess_authority, explore_authority

    labels = list(SYMBOLS)
    if not _committed(prediction, labels):
        return _ask_first(prediction, labels)
    _show_verdict(prediction, assess_authority(actor, action, state).answer, SYMBOLS,
                  ("authority", actor, action, state))
    return explore_authority(actor, action, state)


def reveal_pipeline(prediction, regime: str, compare: str, labels: list[str]):
    """Show the pipeline explorer comparing two regimes once ``prediction`` is one of ``labels``."""
    from immfed.widgets.pipeline import explore_pipeline

    if not _committed(prediction, labels):
        return _ask_first(prediction, labels)
    got = prediction.strip().lower()
    note = _first_note(("pipeline", regime, compare), got)
    display(HTML(f"<p role='status'>Prediction recorded: <strong>{escape(got)}</strong>.{note} "
                 "Compare it with the steps below.</p>"))
    return explore_pipeline(regime=regime, compare=compare)


def reveal_detainer(prediction, state: str, request: str, custody: str = "release_due"):
    """Show the detainer explorer for one scenario once ``prediction`` holds "required",
    "permitted", "prohibited" or "unsettled", and say whether the prediction matched."""
    from immfed.widgets.detainers import ANSWERS, SYMBOLS, assess_detainer, explore_detainers

    labels = list(ANSWERS)
    if not _committed(prediction, labels):
        return _ask_first(prediction, labels)
    _show_verdict(prediction, assess_detainer(state, request, custody).answer, SYMBOLS,
                  ("detainer", state, request, custody))
    return explore_detainers(state=state, request=request, custody=custody)


def reveal_scenario(prediction, **facts):
    """Show the scenario explorer for these facts (codes as for ``immfed.law.analyze``) once
    ``prediction`` holds "allowed", "not allowed", "required" or "depends", and say whether
    the prediction matched the engine's answer."""
    from immfed.law import ANSWERS, analyze
    from immfed.widgets.scenario import SYMBOLS, explore_scenario

    labels = list(ANSWERS)
    if not _committed(prediction, labels):
        return _ask_first(prediction, labels)
    _show_verdict(prediction, analyze(**facts).answer, SYMBOLS, ("scenario", *sorted(facts.items())))
    return explore_scenario(**facts)
