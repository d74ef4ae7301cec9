"""Everything the debrief shows, gathered from a finished (or unfinished) game as plain data.

The HTML report, the window and the text mode all draw on this one structure, so the three
never tell different stories.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.calibration import check_all, series
from game.engine.scoring import choose_ending, ledgers
from game.model.common import month_index, month_words
from game.session import Session

SERIES_SHOWN = {
    "collectivized_share": ("Households in kolkhozy", "share"),
    "grain": ("Grain held in the villages", "t"),
    "seed": ("Seed grain", "t"),
    "harvest_in_month": ("Harvest", "t"),
    "delivered_in_month": ("Grain delivered to the state", "t"),
    "horses": ("Horses and oxen", "head"),
    "cattle": ("Cattle", "head"),
    "pigs": ("Pigs", "head"),
    "sheep": ("Sheep and goats", "head"),
    "population": ("People living", "people"),
    "deaths_in_month": ("Deaths", "people"),
    "unrest_in_month": ("Open unrest (expected mass disturbances)", "incidents"),
    "standing": ("Your standing with the centre", "points"),
}


@dataclass
class Chart:
    key: str
    title: str
    unit: str
    points: list[tuple[str, float]]
    record: list[dict] = field(default_factory=list)   # the level's targets on this series


@dataclass
class Decided:
    turn: int
    month: str
    what: str            # "orders", a card's title, or "report"
    choice: str
    reason: str | None
    followed: list[str]  # what the log says followed


@dataclass
class Played:
    card_id: str
    title: str
    month: str
    choice: str
    note: str
    sources: list[str]
    contested: bool
    readings: list[tuple[str, str]]
    pack: str = ""      # 'pack 1.0.0' for a card from a mod, '' for the base game's own cards


@dataclass
class Debrief:
    level_id: str
    level_title: str
    counterfactual: bool
    seed: int
    finished: bool
    ending_title: str
    fate: str
    ending_text: str
    ending_note: str
    ending_sources: list[str]
    ledgers: dict
    charts: list[Chart]
    decisions: list[Decided]
    cards: list[Played]
    targets: list[dict]


def build(session: Session) -> Debrief:
    s, scenario = session.state, session.scenario
    level = scenario.level
    ending = choose_ending(s, scenario)
    data = series(s) if s.history else {}
    targets = check_all(s, level.targets) if s.history else []
    charts = []
    for key, (title, unit) in SERIES_SHOWN.items():
        if key not in data:
            continue
        record = [{"date": r.target.date, "until": r.target.until, "check": r.target.check, "of": r.target.of,
                   "low": r.target.low, "high": r.target.high, "record": r.target.record.strip(),
                   "sources": [src.citation() for src in r.target.sources]}
                  for r in targets if r.target.series == key]
        charts.append(Chart(key, title, unit, data[key], record))
    return Debrief(
        level_id=level.id, level_title=level.title, counterfactual=level.counterfactual, seed=session.seed,
        finished=session.ended, ending_title=ending.title, fate=ending.fate, ending_text=ending.text.strip(),
        ending_note=ending.note.strip(), ending_sources=[src.citation() for src in ending.sources],
        ledgers=ledgers(s, scenario, s.initial), charts=charts, decisions=_decisions(session),
        cards=_cards(session),
        targets=[{"check": r.target.check, "series": r.target.series, "date": r.target.date,
                  "value": r.value, "ok": r.ok, "record": r.target.record.strip()} for r in targets])


def _month(label: str) -> str:
    return month_words(month_index(label))


def _decisions(session: Session) -> list[Decided]:
    """Each decision with what the log says followed it, matched by turn and card."""
    out: list[Decided] = []
    log = session.state.log
    for entry in log:
        if entry.kind != "choice":
            continue
        text, _, reason = entry.text.partition(" (reason given: ")
        followed = [e.text for e in log if e.card == entry.card and e.turn == entry.turn
                    and e.kind in ("outcome", "log")]
        title = session.scenario.cards[entry.card].title if entry.card in session.scenario.cards else entry.card
        out.append(Decided(entry.turn, _month(entry.month), title, text, reason.rstrip(")") or None, followed))
    for entry in log:
        if entry.kind == "report":
            out.append(Decided(entry.turn, _month(entry.month), "report to the centre", entry.text, None,
                               [e.text for e in log if e.turn == entry.turn and e.kind in ("audit", "news")]))
    out.sort(key=lambda d: (d.turn, d.what == "report to the centre"))
    return out


def _pack(card_id: str, scenario) -> str:
    """'pack version' of the mod a card comes from (a replaced base card included), or '' for the
    base game's own cards."""
    pack = scenario.card_packs.get(card_id, "")
    if pack in ("", "base"):
        return ""
    return f"{pack} {dict(scenario.packs)[pack]}" if pack in dict(scenario.packs) else pack


def _cards(session: Session) -> list[Played]:
    played = []
    for entry in session.state.log:
        if entry.kind != "choice" or entry.card not in session.scenario.cards:
            continue
        card = session.scenario.cards[entry.card]
        h = card.history
        played.append(Played(card.id, card.title, _month(entry.month), entry.text, h.note.strip(),
                             [f"{src.citation()} [{src.kind.value}]" for src in h.sources], h.contested,
                             [(r.view, r.held_by) for r in h.readings], _pack(card.id, session.scenario)))
    return played
