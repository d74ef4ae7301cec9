"""Checks that a schema cannot make: names, references, and the history rules.

Unknown quantities, flags, traits and card ids get a did-you-mean; a card that changes a
`village.` quantity must say which village it is about; every card must name the choice
most officials took, so the historical policy can play it.
"""

from __future__ import annotations

from typing import Iterator

from game.content.diagnostics import Diagnostic, did_you_mean
from game.content.summary import shown_in_level
from game.engine.quantities import ENGINE_FLAGS, all_names, lookup
from game.model.common import SourceKind, deck_matches, month_index
from game.model.conditions import All, Any_, Compare, FlagIs, Not, Seen, TraitIs
from game.model.effects import Add, Chance, Households, Log, Multiply, Queue, Set, SetFlag

PERIOD = (month_index("1927-01"), month_index("1936-12"))
LATER_KINDS = (SourceKind.memoir, SourceKind.testimony, SourceKind.scholarship, SourceKind.reference)


def _walk_conditions(cond, loc: tuple) -> Iterator[tuple]:
    if cond is None:
        return
    yield cond, loc
    if isinstance(cond, (All, Any_)):
        for i, c in enumerate(cond.of):
            yield from _walk_conditions(c, loc + ("of", i))
    elif isinstance(cond, Not):
        yield from _walk_conditions(cond.of, loc + ("of",))


def _walk_effects(effects, loc: tuple) -> Iterator[tuple]:
    for i, e in enumerate(effects):
        yield e, loc + (i,)
        if isinstance(e, Chance):
            for j, o in enumerate(e.outcomes):
                yield from _walk_effects(o.effects, loc + (i, "outcomes", j, "effects"))


def _card_parts(card) -> tuple[list, list]:
    conditions = list(_walk_conditions(card.when, ("when",)))
    conditions += list(_walk_conditions(card.village, ("village",)))
    effects = []
    for i, ch in enumerate(card.choices):
        conditions += list(_walk_conditions(ch.when, ("choices", i, "when")))
        effects += list(_walk_effects(ch.effects, ("choices", i, "effects")))
    return conditions, effects


def shown_somewhere(content) -> set[str]:
    """Cards that can come up in some level: drawn or dated there, or queued by such a card
    (a queued follow-up comes whatever its deck and months)."""
    shown: set[str] = set()
    for lid in content.levels:
        shown |= shown_in_level(content.scenario(lid))
    todo = list(shown)
    while todo:
        for effect, _ in _card_parts(content.cards[todo.pop()])[1]:
            if isinstance(effect, Queue) and effect.card in content.cards and effect.card not in shown:
                shown.add(effect.card)
                todo.append(effect.card)
    return shown


def references(card) -> set[str]:
    """The cards a card names: those it queues, tests with 'seen', or answers ('pair')."""
    conditions, effects = _card_parts(card)
    out = {c.card for c, _ in conditions if isinstance(c, Seen)} | {e.card for e, _ in effects if isinstance(e, Queue)}
    return out | ({card.pair} if card.pair else set())


def check(content, card_docs: dict, level_docs: dict) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    names = all_names()
    flags_set = set(ENGINE_FLAGS)
    traits = {t for lvl in content.levels.values() for v in lvl.villages for t in v.traits}
    for card in content.cards.values():
        for effect, _ in _card_parts(card)[1]:
            if isinstance(effect, SetFlag):
                flags_set.add(effect.flag)
    for level in content.levels.values():      # a level's directives set flags too
        for directive in level.directives:
            flags_set.update(directive.flags)

    def report(doc, loc, severity, code, message):
        line, col = doc.position(loc)
        out.append(Diagnostic(doc.path, line, col, severity, code,
                              ".".join(str(p) for p in loc), message))

    for card_id, (doc, prefix) in card_docs.items():
        card = content.cards[card_id]
        conditions, effects = _card_parts(card)
        for cond, loc in conditions:
            loc = prefix + loc
            if isinstance(cond, Compare):
                _check_quantity(cond.quantity, False, loc + ("quantity",), doc, report, names)
                if cond.quantity.startswith("village."):
                    # The card's `when` is tested for the district before any village is
                    # drawn (draw.eligible), so it can never read a village quantity; a
                    # choice's `when` can, but only on a village card.
                    if loc[len(prefix)] == "when":
                        report(doc, loc + ("quantity",), "error", "needs-village",
                               f"'{cond.quantity}' cannot be tested in the card's 'when', which is "
                               "tested before a village is drawn: put it in the 'village:' "
                               "selector, or use 'villages.'")
                    elif loc[len(prefix)] == "choices" and card.village is None:
                        report(doc, loc + ("quantity",), "error", "needs-village",
                               f"'{cond.quantity}' needs a village: add a 'village:' selector to the card")
            elif isinstance(cond, FlagIs) and cond.flag not in flags_set:
                report(doc, loc + ("flag",), "warning", "unknown-flag",
                       f"no card or engine rule sets flag '{cond.flag}'." + did_you_mean(cond.flag, flags_set))
            elif isinstance(cond, TraitIs) and traits and cond.trait not in traits:
                report(doc, loc + ("trait",), "warning", "unknown-trait",
                       f"no village in any level has trait '{cond.trait}'." + did_you_mean(cond.trait, traits))
            elif isinstance(cond, Seen) and cond.card not in content.cards:
                report(doc, loc + ("card",), "error", "unknown-card",
                       f"no card '{cond.card}'." + did_you_mean(cond.card, content.cards))
        for effect, loc in effects:
            loc = prefix + loc
            if isinstance(effect, (Add, Set, Multiply)):
                _check_quantity(effect.quantity, True, loc + ("quantity",), doc, report, names)
                if effect.quantity.startswith("village.") and card.village is None:
                    report(doc, loc + ("quantity",), "error", "needs-village",
                           f"'{effect.quantity}' needs a village: add a 'village:' selector to the card")
            elif isinstance(effect, Households) and effect.scope == "village" and card.village is None:
                report(doc, loc + ("scope",), "error", "needs-village",
                       "a village households flow needs a 'village:' selector on the card "
                       "(or scope: villages)")
            elif isinstance(effect, Queue) and effect.card not in content.cards:
                report(doc, loc + ("card",), "error", "unknown-card",
                       f"no card '{effect.card}' to queue." + did_you_mean(effect.card, content.cards))
        if card.pair and card.pair not in content.cards:
            report(doc, prefix + ("pair",), "error", "unknown-card",
                   f"no card '{card.pair}' to pair with." + did_you_mean(card.pair, content.cards))
        if card.village is None:
            words = [(card.text, ("text",))]
            for i, ch in enumerate(card.choices):
                words += [(ch.label, ("choices", i, "label")), (ch.outcome, ("choices", i, "outcome"))]
            for e, loc in effects:       # (locations within the card)
                if isinstance(e, Log):
                    words.append((e.text, loc + ("text",)))
                elif isinstance(e, Chance):
                    words += [(o.text, loc + ("outcomes", j, "text")) for j, o in enumerate(e.outcomes) if o.text]
            for text, loc in words:
                if "{village}" in text:
                    report(doc, prefix + loc, "error", "needs-village",
                           "the words name {village}, but the card has no village: add a 'village:' "
                           "selector to the card")
        historical = [i for i, ch in enumerate(card.choices) if "historical" in [p.value for p in ch.policies]]
        if len(historical) != 1:
            report(doc, prefix + ("choices",), "error", "historical-choice",
                   f"exactly one choice must carry 'policies: [historical]' (found {len(historical)})")
        if card.date and card.when is not None:
            report(doc, prefix + ("when",), "warning", "when-ignored",
                   "a fixed-date card comes in its month whatever 'when' says: to make it depend on the "
                   "game, give it 'from' and 'to' months instead of 'date'")
        start = card.date or card.first
        for i, source in enumerate(card.history.sources):
            # A document or a statistic may be older than the card's event (background figures);
            # a memoir, a testimony, a study or a reference work is written after it.
            if start and source.kind in LATER_KINDS and source.year < month_index(start) // 12:
                report(doc, prefix + ("history", "sources", i, "year"), "warning", "source-before-event",
                       f"a {source.kind.value} published in {source.year} cannot tell of {start}: give the "
                       "year of the edition cited, or is the source a document (kind: document)?")
        for month, loc in ((card.date, ("date",)), (card.first, ("from",)), (card.last, ("to",))):
            if month and not PERIOD[0] <= month_index(month) <= PERIOD[1]:
                report(doc, prefix + loc, "warning", "outside-period",
                       f"{month} lies outside the period the game covers (1927-1936)")

    # Which cards can come up is worked out by compiling the levels: only once the names are right.
    if content.levels and not any(d.severity == "error" for d in out):
        shown = shown_somewhere(content)
        for card_id, (doc, prefix) in card_docs.items():
            if card_id not in shown:
                report(doc, prefix + ("id",), "warning", "never-drawn",
                       f"'{card_id}' can come up in no level: it is in no level's deck, or its months "
                       "lie outside every level that has it (add it to a deck, with 'decks:' in pack.yaml "
                       "for a level of another pack)")

    for level_id, (doc, prefix) in level_docs.items():
        level = content.levels[level_id]
        written = doc.data.get("deck") if hasattr(doc.data, "get") else None
        own = len(written) if isinstance(written, list) else 0   # the rest came from packs' `decks:`
        for i, entry in enumerate(level.deck[:own]):
            if not any(deck_matches(entry, cid) for cid in content.cards):
                report(doc, ("deck", i), "error", "unknown-card",
                       f"no card matches '{entry}' for the deck." + did_you_mean(entry, content.cards))
        for i, ending in enumerate(level.endings):
            for cond, loc in _walk_conditions(ending.when, ("endings", i, "when")):
                if isinstance(cond, Compare):
                    _check_quantity(cond.quantity, False, loc + ("quantity",), doc, report, names)
                    if cond.quantity.startswith("village."):
                        report(doc, loc + ("quantity",), "error", "needs-village",
                               "an ending has no village: use 'district.' or 'villages.'")
    return out


def _check_quantity(name: str, writing: bool, loc: tuple, doc, report, names) -> None:
    q = lookup(name)
    if q is None:
        report(doc, loc, "error", "unknown-quantity",
               f"unknown quantity '{name}'." + did_you_mean(name, names))
    elif writing and not q.writable:
        report(doc, loc, "error", "read-only-quantity",
               f"'{name}' cannot be changed by a card (it is derived or conserved); "
               "use a 'households' effect to move households and people")
