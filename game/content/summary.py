"""What a body of content holds, for the end of `validate`: cards by year and by level, words,
sources. A modder sees at a glance whether a pack covers the years and levels meant."""

from __future__ import annotations

from collections import Counter

from game.model.common import month_index


def summary(content) -> list[str]:
    years: Counter[str] = Counter()
    words = 0
    sources: set[str] = set()
    for card in content.cards.values():
        start = card.date or card.first
        years[str(month_index(start) // 12) if start else "any year"] += 1
        words += sum(len(t.split()) for t in (card.text, card.history.note,
                                                *(c.label for c in card.choices), *(c.outcome for c in card.choices)))
        sources.update(s.citation() for s in card.history.sources)
    per_level = {lid: len(shown_in_level(content.scenario(lid))) for lid in sorted(content.levels)}
    return [
        "Cards by year: " + ", ".join(f"{y} {n}" for y, n in sorted(years.items())),
        "Cards each level can show (in its deck and its months): "
        + (", ".join(f"{lid} {n}" for lid, n in per_level.items()) or "no levels"),
        f"Words on the cards: {words:,}; works cited: {len(sources)}",
    ]


def shown_in_level(scenario) -> set[str]:
    """Cards of the deck whose months hold the first month of a turn (the month a turn's cards are
    drawn for), or whose fixed date falls in a turn (the last turn, which starts at the level's
    end, runs for turn_months)."""
    level = scenario.level
    start, end = month_index(level.start), month_index(level.end)
    turns = range(start, end + 1, level.turn_months)    # the month each turn begins: cards are drawn for it
    shown = set()
    for cid in scenario.deck:
        c = scenario.compiled[cid]
        if (start <= c.fixed < end + level.turn_months if c.fixed is not None
                else any(c.first <= m <= c.last for m in turns)):
            shown.add(cid)
    return shown
