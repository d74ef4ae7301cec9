"""Every card of the base content is sound history and can come up in some level."""

from __future__ import annotations

from collections import Counter

import pytest

from game.content.loader import load
from game.engine.simulate import play

PUBLISHED = {"document", "statistic", "memoir", "testimony", "scholarship", "reference"}


@pytest.fixture(scope="module")
def content():
    content, problems = load()
    assert not [d for d in problems if d.severity == "error"]
    return content


def test_the_deck_is_large_and_mostly_fixed_to_documented_dates(content):
    cards = list(content.cards.values())
    assert len(cards) >= 80
    assert sum(c.date is not None for c in cards) >= 40


def test_every_card_has_a_note_and_a_published_source_with_a_year(content):
    for card in content.cards.values():
        assert len(card.history.note.split()) >= 15, card.id
        for source in card.history.sources:
            assert source.kind.value in PUBLISHED, card.id
            assert "http" not in (source.title + (source.publication or "")).lower(), card.id


def test_at_least_ten_directives_are_paired_with_a_testimony(content):
    pairs = [c for c in content.cards.values() if c.pair]
    assert len(pairs) >= 10
    for testimony in pairs:
        assert testimony.kind.value == "testimony", testimony.id
        assert content.cards[testimony.pair].kind.value == "directive", testimony.id


def test_every_card_comes_up_in_some_level(content):
    """Fixed-date cards come in every game that reaches their month, so the scripted players
    find them; drawn cards need some game of some level to draw them."""
    drawn: Counter = Counter()
    for level_id in content.levels:
        scenario = content.scenario(level_id)
        for policy, seeds in (("historical", 30), ("random", 60), ("humane", 15), ("zealous", 15)):
            for seed in range(seeds):
                drawn.update(play(scenario, seed, policy).state.seen.keys())
    never = sorted(cid for cid in content.cards if not drawn[cid])
    assert not never, f"cards no level draws: {never}"
