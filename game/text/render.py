"""Screens as text. Pure functions of the session: they read, never change anything."""

from __future__ import annotations

from game.engine.access import district_share, food_months
from game.engine.scoring import ledgers
from game.presentation import card_text, month_result_lines
from game.content.glossary import Term
from game.model.card import Card
from game.model.common import month_words
from game.model.level import Ending
from game.model.state import GameState, LogEntry
from game.session import Session

RULE = "-" * 72

CONTENT_NOTE = (
    "Content note. This game is about the collectivization of Soviet agriculture, 1929-1933, "
    "in which millions of people died: in the famine of 1932-33 (the Holodomor in Ukraine), in "
    "deportations and in repression. You will read about hunger, deportation of families and "
    "violence against peasants, described soberly and without images of the dead. Every event "
    "card cites its historical sources; the debrief compares your district with the record."
)


def heading(title: str) -> str:
    return f"\n{RULE}\n{title}\n{RULE}"


def turn_header(session: Session) -> str:
    s, level = session.state, session.scenario.level
    return heading(f"{level.title} - {month_words(s.month)} - turn {s.turn} of {level.turns()} "
                   f"- {s.phase.value} phase")


def dashboard(session: Session) -> str:
    s = session.state
    delivered = sum(v.delivered for v in s.villages)
    quota = s.grain_quota * (1 + s.quota_raise)
    lines = [f"District: {session.scenario.level.district.name}, {session.scenario.level.district.region}",
             f"  Standing with the centre: {s.standing:.0f} of 100 points"]
    if quota > 0:
        lines.append(f"  Grain procurement: {delivered:,.0f} t delivered of {quota:,.0f} t ordered "
                     f"({delivered / quota:.0%})")
    share = district_share(s)
    target = f", target {s.collectivization_target:.0%}" if s.collectivization_target > 0 else ""
    lines.append(f"  Households in kolkhozy: {share:.0%}{target}")
    if s.kulak_quota > 0:
        lines.append(f"  'Kulak' households deported: {s.kulaks_removed:.0f} hh of {s.kulak_quota:.0f} hh ordered")
    lines.append(f"  Brigades of cadres: {s.cadres}")
    lines.append(f"  Tractors: {s.tractors}")
    lines.append(f"  District food reserve: {s.reserve:,.0f} t")
    return "\n".join(lines)


def villages_table(session: Session) -> str:
    s, ration = session.state, session.scenario.level.ration
    head = (f"{'village':<17}{'hh':>5}{'kolkhoz':>8}{'people':>7}{'grain t':>8}{'food':>6}"
            f"{'horses':>7}{'cattle':>7}{'hunger':>7}{'resist':>7}{'trust':>6}")
    rows = [head]
    for v in s.villages:
        rows.append(f"{v.name:<17}{v.households:>5.0f}{v.collectivized_share:>8.0%}{v.population:>7.0f}"
                    f"{v.grain:>8.0f}{food_months(v, ration):>5.1f}m{v.horses:>7.0f}{v.cattle:>7.0f}"
                    f"{v.hunger:>7.0f}{v.resistance:>7.0f}{v.trust:>6.0f}")
    rows.append("(hh = households; kolkhoz = share of households in the kolkhoz; food = months of grain "
                "at the full ration; hunger, resist(ance) and trust are indexes 0-100)")
    return "\n".join(rows)


def entries(lines: list[LogEntry], kinds: tuple[str, ...]) -> str:
    return "\n".join(f"  {e.text}" for e in lines if e.kind in kinds)


def card_screen(card: Card, village_name: str | None, month: int, intensity: str = "full") -> str:
    fill = (lambda t: t.replace("{village}", village_name or "the district"))
    where = f" - {village_name}" if village_name else ""
    return "\n".join([heading(f"{card.title}{where} ({month_words(month)}, {card.kind.value})"),
                      fill(card_text(card, month, intensity))])


def history_panel(card: Card) -> str:
    h = card.history
    lines = ["", "What historians know:", "  " + h.note.strip().replace("\n", " ")]
    if h.contested:
        lines.append("  Historians disagree:")
        lines += [f"  - {r.view} ({r.held_by})" for r in h.readings]
    lines.append("  Sources:")
    lines += [f"  - {src.citation()} [{src.kind.value}]" for src in h.sources]
    return "\n".join(lines)


def glossary_entry(term: Term) -> str:
    """A term's definition with its other spellings and sources."""
    also = f" (also: {', '.join(term.also)})" if term.also else ""
    lines = ["", f"{term.term}{also}", "  " + " ".join(term.definition.split()), "  Sources:"]
    lines += [f"  - {src.citation()}" for src in term.sources]
    return "\n".join(lines)


def month_results(state: GameState) -> str:
    lines = [f"  {label}: {value}" for label, value, _ in month_result_lines(state.last_flows)]
    return "\n".join(["What happened this month:", *lines])


def ending_screen(session: Session, ending: Ending) -> str:
    s = session.state
    led = ledgers(s, session.scenario, s.initial)
    c, v = led["centre"], led["villages"]
    quota = f"{c['quota_fulfilment']:.0%}" if c["quota_fulfilment"] is not None else "no quota"
    lines = [heading(f"The end: {ending.title} ({ending.fate})"), ending.text.strip(), "",
             "The centre's ledger:",
             f"  Grain delivered: {c['grain_delivered_t']:,} t of {c['grain_quota_t']:,} t ({quota})",
             f"  Households in kolkhozy: {c['collectivized_share']:.0%}",
             f"  'Kulak' households deported: {c['kulaks_removed_hh']} hh (ordered: {c['kulak_quota_hh']} hh)",
             f"  Your standing: {c['standing']:.0f} of 100 points",
             "The villages' ledger:",
             f"  People living: {v['population']:,}; deaths: {v['deaths']:,} "
             f"(above the ordinary rate: {v['excess_deaths']:,})",
             f"  Deported: {v['deported_people']:,} people; fled: {v['fled_people']:,} people",
             "  Livestock since the start: " + ", ".join(
                 f"{a} {chg:+.0%}" for a, chg in v["livestock_change"].items()),
             f"  Grain left: {v['grain_left_t']:,} t; seed: {v['seed_t']:,} t; trust: {v['trust']:.0f} of 100",
             f"Your fate: {ending.fate}",
             "",
             "What happened to real officials:",
             "  " + ending.note.strip().replace("\n", " "),
             "  Sources:"]
    lines += [f"  - {src.citation()}" for src in ending.sources]
    return "\n".join(lines)


def debrief_questions(session: Session) -> str:
    """The rules that produced the outcome, and the discussion questions of the six phases."""
    from game.debrief.data import build
    from game.debrief.questions import questions
    from game.debrief.rules import rules

    lines = [heading("The model open to question")]
    lines += [f"  {title}: {text}" for title, text in rules()]
    lines.append(heading("Questions for discussion"))
    for phase, asked in questions(build(session)):
        lines.append(f"  {phase}")
        lines += [f"    - {q}" for q in asked]
    return "\n".join(lines)
