"""The one result type of the two older legal tools, ``assess_authority`` and ``assess_detainer``.

Both are thin wrappers over :func:`immfed.law.analyze`; they keep their own answer words
("allowed" / "not allowed" / "depends" for authority, "required" / "permitted" /
"prohibited" / "unsettled" for detainers) so lessons written for them keep working.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Assessment:
    """What ``assess_authority`` and ``assess_detainer`` return.

    ``answer`` is the tool's answer word; ``reasons`` are plain-language sentences;
    ``authority_ids`` are ids in the ``authorities`` table (the detainer tool adds the
    ``law_id`` of state laws there too, see :func:`immfed.widgets.detainers.describe_ids`);
    ``law_ids`` are the state laws (``state_laws`` table) behind the answer; ``rule_ids``
    the ``law_rules`` rows used (any branch); ``source_ids`` the sources behind the rules and
    the state laws.
    """

    answer: str
    reasons: list[str]
    authority_ids: list[str]
    law_ids: list[str] = field(default_factory=list)
    rule_ids: list[str] = field(default_factory=list)
    source_ids: list[str] = field(default_factory=list)

    @property
    def state_laws(self) -> list[str]:
        """The same as ``law_ids`` (the name ``assess_authority`` has always used)."""
        return self.law_ids
