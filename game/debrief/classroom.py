"""The class summary: every result file a class handed in, checked, and gathered on one page.

Students hand in result files (`python -m game debrief SAVE --json result.json`); the teacher
puts them in one folder. `summarize` reads every file there, replays each with this copy of the
game (`verify`), sets aside what cannot count — unreadable files, files that do not verify,
duplicates, games of another level or seed than the class's — and gathers the rest: the spread
of endings, of each ledger number, of each card's choices, the class against the historical
record, and the reasons students typed, quoted without names in an order that does not reveal
who wrote them. `render_html` makes a self-contained page for the projector.

No file name ever reaches the summary's counted parts; only the rejected files are named, so
the teacher can ask for a new copy.
"""

from __future__ import annotations

import hashlib
import html
import statistics
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from game import __version__
from game.debrief.result import ResultError, ResultFile, read_result, verify
from game.engine.calibration import check_all
from game.engine.scenario import Scenario
from game.engine.turn import advance, new_game
from game.debrief.data import SERIES_SHOWN
from game.model.common import month_index, month_words
from game.model.decision import CardChoice
from game.model.state import GameState, Phase

KIND = "the-great-break-class-summary"

# The ledger numbers shown: (path in the outcome's ledgers, label, unit). Units: "t", "people",
# "hh" (households), "points", "share" (0-1) and "change" (a relative change, -0.3 = 30% fewer).
LEDGER_NUMBERS = (
    (("centre", "grain_delivered_t"), "Grain delivered to the state", "t"),
    (("centre", "quota_fulfilment"), "Share of the grain quota delivered", "share"),
    (("centre", "collectivized_share"), "Households in kolkhozy", "share"),
    (("centre", "kulaks_removed_hh"), "Households 'dekulakized'", "hh"),
    (("centre", "standing"), "Standing with the centre", "points"),
    (("villages", "deaths"), "Deaths", "people"),
    (("villages", "excess_deaths"), "Excess deaths (above the ordinary death rate)", "people"),
    (("villages", "deported_people"), "People deported", "people"),
    (("villages", "fled_people"), "People who fled", "people"),
    (("villages", "livestock_change", "horses"), "Horses and oxen (change)", "change"),
    (("villages", "livestock_change", "cattle"), "Cattle (change)", "change"),
    (("villages", "livestock_change", "pigs"), "Pigs (change)", "change"),
    (("villages", "livestock_change", "sheep"), "Sheep and goats (change)", "change"),
)

UNFINISHED = "unfinished"
FATES = ("promoted", "kept", "reprimanded", "removed", "arrested")   # the order the endings are shown in


# --------------------------------------------------------------------------- the summary


@dataclass
class EndingCount:
    id: str
    title: str
    fate: str
    count: int


@dataclass
class Spread:
    key: str           # dotted path in the ledgers, e.g. "villages.deaths"
    label: str
    unit: str
    min: float | None
    median: float | None
    max: float | None
    games: int         # how many finished games the spread is over


@dataclass
class ChoiceCount:
    index: int
    label: str
    students: int      # students who took this choice (at least once)


@dataclass
class CardCount:
    id: str
    title: str
    month: str         # the month the class first met it, in words
    students: int      # students who met the card
    times: int         # decisions on it (more than `students` when a card comes again)
    choices: list[ChoiceCount]


@dataclass
class TargetCount:
    check: str
    series: str
    date: str
    until: str | None
    low: float | None
    high: float | None
    record: str
    inside: int        # finished games whose value lies inside the record's range
    games: int         # finished games checked
    min: float | None = None      # the class's values (numeric checks only)
    median: float | None = None
    max: float | None = None


@dataclass
class Quoted:
    card_id: str
    card_title: str
    choice: str
    reason: str


@dataclass
class Rejected:
    file: str
    reason: str


@dataclass
class ClassSummary:
    level: str | None
    level_title: str
    seed: int | None
    files: int                          # files in the folder
    students: int                       # results verified and counted
    finished: int                       # of those, games played to an ending
    endings: list[EndingCount] = field(default_factory=list)
    ledgers: list[Spread] = field(default_factory=list)
    cards: list[CardCount] = field(default_factory=list)
    record: list[TargetCount] = field(default_factory=list)
    reasons: list[Quoted] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    note: str = ""                      # e.g. a tie between two level/seed pairs


# --------------------------------------------------------------------------- reading the folder


def files_in(folder: Path) -> list[Path]:
    """Every file directly in `folder` (not in sub-folders), in name order."""
    return sorted((p for p in folder.iterdir() if p.is_file()), key=lambda p: p.name)


@dataclass
class _Counted:
    name: str
    result: ResultFile
    digest: str


@dataclass
class _Replayed:
    state: GameState
    choices: list[tuple[CardChoice, int]]     # each card choice with the month it was taken


def _reason_of(exc: ResultError, path: Path) -> str:
    text = str(exc)
    prefix = f"{path}: "
    return text[len(prefix):] if text.startswith(prefix) else text


def _replay(scenario: Scenario, result: ResultFile) -> _Replayed:
    state, rng = new_game(scenario, result.seed)
    choices = []
    for decision in result.decisions:
        if isinstance(decision, CardChoice):
            choices.append((decision, state.month))
        advance(scenario, state, decision, rng)
    return _Replayed(state, choices)


def summarize(paths: list[Path], content) -> ClassSummary:
    """Check every file and gather the ones that count. A folder in `paths` stands for the
    files directly in it. Files are taken in name order: of two duplicates, the later is set
    aside."""
    files: list[Path] = []
    for p in paths:
        files += files_in(p) if p.is_dir() else [p]
    rejected: list[Rejected] = []
    verified: list[_Counted] = []
    for path in files:
        name = path.name
        try:
            result = read_result(path)
        except ResultError as exc:
            rejected.append(Rejected(name, _reason_of(exc, path)))
            continue
        if result.level not in content.levels:
            rejected.append(Rejected(name, f"for a level this game does not have ('{result.level}')"))
            continue
        try:
            verdict = verify(result, content.scenario(result.level, result.card_sets))
        except Exception as exc:  # a file built to break the replay: it does not count, the rest do
            rejected.append(Rejected(name, f"does not verify: the game cannot replay it ({exc})"))
            continue
        if not verdict.ok:
            rejected.append(Rejected(name, f"does not verify: {verdict.message}"))
            continue
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            rejected.append(Rejected(name, f"cannot be read ({exc})"))
            continue
        original = next((c for c in verified if c.digest == digest or _same_game(c.result, result)), None)
        if original is not None:
            rejected.append(Rejected(name, f"a duplicate of {original.name}"))
            continue
        verified.append(_Counted(name, result, digest))

    pairs = Counter((c.result.level, c.result.seed) for c in verified)
    note = ""
    if pairs:
        (level, seed), most = pairs.most_common(1)[0]
        tied = [p for p, n in pairs.items() if n == most and p != (level, seed)]
        if tied:
            note = (f"As many files were for {', '.join(f'{lv} (seed {sd})' for lv, sd in tied)} as for "
                    f"{level} (seed {seed}); the summary takes the pair of the first file by name.")
    else:
        level, seed = None, None
    counted = []
    for c in verified:
        if (c.result.level, c.result.seed) == (level, seed):
            counted.append(c)
        else:
            rejected.append(Rejected(c.name, f"for another level or seed (level '{c.result.level}', seed "
                                             f"{c.result.seed}; the class played '{level}', seed {seed})"))
    order = {p.name: i for i, p in enumerate(files)}
    rejected.sort(key=lambda r: order.get(r.file, len(order)))
    if level is None:
        return ClassSummary(None, "", None, len(files), 0, 0, rejected=rejected, note=note)
    return _gather(content.scenario(level), seed, [c.result for c in counted], len(files), rejected, note)


def _same_game(a: ResultFile, b: ResultFile) -> bool:
    return a.level == b.level and a.seed == b.seed and a.decisions == b.decisions


# --------------------------------------------------------------------------- gathering


def _fill(text: str) -> str:
    """Card texts name 'their' village; in a class each student's may differ."""
    return text.replace("{village}", "the village")


def _dig(ledgers: dict, path: tuple) -> float | None:
    value = ledgers
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _spread(values: list[float]) -> tuple[float | None, float | None, float | None]:
    if not values:
        return None, None, None
    return min(values), statistics.median(values), max(values)


def _gather(scenario: Scenario, seed: int, results: list[ResultFile], files: int, rejected: list[Rejected],
            note: str) -> ClassSummary:
    level = scenario.level
    replays = [_replay(scenario, r) for r in results]
    finished = [(r, p) for r, p in zip(results, replays) if r.outcome is not None and p.state.phase == Phase.ended]

    endings_seen = Counter(r.outcome.ending for r, _ in finished)
    endings = [EndingCount(e.id, e.title, e.fate, endings_seen[e.id])
               for e in sorted(level.endings, key=lambda e: FATES.index(e.fate) if e.fate in FATES else len(FATES))]
    unfinished = len(results) - len(finished)
    if unfinished:
        endings.append(EndingCount(UNFINISHED, "Not finished", "", unfinished))

    spreads = []
    for path, label, unit in LEDGER_NUMBERS:
        values = [v for r, _ in finished if (v := _dig(r.outcome.ledgers, path)) is not None]
        spreads.append(Spread(".".join(path), label, unit, *_spread(values), len(values)))

    record = []
    checks = [check_all(p.state, level.targets) for _, p in finished]
    for i, target in enumerate(level.targets):
        outcomes = [c[i] for c in checks]
        numbers = [float(o.value) for o in outcomes
                   if isinstance(o.value, (int, float)) and not isinstance(o.value, bool)]
        low, median, high = _spread(numbers) if target.check != "peak" else (None, None, None)
        record.append(TargetCount(target.check, target.series, target.date, target.until, target.low, target.high,
                                  " ".join(target.record.split()), sum(o.ok for o in outcomes), len(outcomes),
                                  low, median, high))

    cards: dict[str, dict] = {}
    quoted: list[Quoted] = []
    for replay in replays:
        met: set[str] = set()
        took: set[tuple[str, int]] = set()
        for choice, month in replay.choices:
            card = scenario.cards.get(choice.card)
            if card is None:   # a verified game only plays the content's cards; be safe all the same
                continue
            entry = cards.setdefault(card.id, {"card": card, "month": month, "students": 0, "times": 0,
                                               "took": Counter()})
            entry["month"] = min(entry["month"], month)
            entry["times"] += 1
            if card.id not in met:
                met.add(card.id)
                entry["students"] += 1
            if (card.id, choice.choice) not in took:
                took.add((card.id, choice.choice))
                entry["took"][choice.choice] += 1
            label = _fill(card.choices[choice.choice].label) if choice.choice < len(card.choices) \
                else f"choice {choice.choice + 1}"
            if choice.reason and choice.reason.strip():
                quoted.append(Quoted(card.id, _fill(card.title), label, " ".join(choice.reason.split())))
    card_counts = []
    for entry in sorted(cards.values(), key=lambda e: (e["month"], e["card"].id)):
        card = entry["card"]
        card_counts.append(CardCount(
            card.id, _fill(card.title), month_words(entry["month"]), entry["students"], entry["times"],
            [ChoiceCount(i, _fill(ch.label), entry["took"][i]) for i, ch in enumerate(card.choices)]))
    quoted.sort(key=_shuffle_key)

    return ClassSummary(level.id, level.title, seed, files, len(results), len(finished), endings, spreads,
                        card_counts, record, quoted, rejected, note)


def _shuffle_key(q: Quoted) -> str:
    """An order fixed by the words alone: neither the file order nor the names show through."""
    return hashlib.sha256(f"{q.card_id}\0{q.choice}\0{q.reason}".encode()).hexdigest()


def to_json(summary: ClassSummary) -> dict:
    return {"kind": KIND, "game_version": __version__, **asdict(summary)}


# --------------------------------------------------------------------------- the page


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "share":
        return f"{value:.0%}"
    if unit == "change":
        return f"{value:+.0%}".replace("-", "−")
    if unit == "points":
        return f"{value:.0f}"
    text = f"{value:,.0f}".replace(",", " ")
    return f"{text} {unit}" if unit in ("t", "hh") else text


_FATE_COLOURS = {"promoted": "#2f6b3a", "kept": "#4f6f8f", "reprimanded": "#b07a1f", "removed": "#a4492b",
                 "arrested": "#7a1f2b", "": "#777777"}


def _bar(label: str, count: int, total: int, colour: str = "#8a2a1d", extra: str = "") -> str:
    share = count / total if total else 0.0
    width = max(0.0, min(100.0, share * 100))
    return (f'<div class="bar"><div class="bar-label">{_e(label)}{extra}</div>'
            f'<div class="bar-track"><div class="bar-fill" style="width:{width:.1f}%;background:{colour}"></div></div>'
            f'<div class="bar-count">{count}</div></div>')


def _range(low: float | None, high: float | None, unit: str) -> str:
    if low is not None and high is not None:
        return f"between {_number(low, unit)} and {_number(high, unit)}"
    if low is not None:
        return f"at least {_number(low, unit)}"
    if high is not None:
        return f"at most {_number(high, unit)}"
    return "any value"


def _target_unit(t: TargetCount) -> str:
    if t.check in ("share_of_total", "ratio"):
        return "share"
    if t.check == "change":
        return "change"
    return SERIES_SHOWN.get(t.series, ("", ""))[1]


def _target_what(t: TargetCount) -> str:
    span = f"{month_label(t.date)} to {month_label(t.until)}" if t.until else month_label(t.date)
    series = SERIES_SHOWN.get(t.series, (t.series.replace("_", " "), ""))[0]
    if t.check == "peak":
        return f"{series}: highest in {month_label(t.date)}"
    if t.check == "change" and not t.until:
        span = f"{month_label(t.date)} to the end"
    return f"{series}, {span}: {_range(t.low, t.high, _target_unit(t))}"


def month_label(label: str | None) -> str:
    if not label:
        return ""
    try:
        return month_words(month_index(label))
    except (ValueError, KeyError, TypeError):
        return label


CSS = """
* { box-sizing: border-box; }
html { font-size: 24px; }
body { margin: 0; padding: 2rem 2.5rem 3rem; font: 1rem/1.4 Georgia, 'DejaVu Serif', serif;
       color: #1d1a16; background: #f6f1e7; }
h1 { font-size: 2.1rem; margin: 0 0 .2rem; }
h2 { font-size: 1.5rem; margin: 2.2rem 0 .8rem; padding-bottom: .25rem; border-bottom: 3px solid #8a2a1d; }
h3 { font-size: 1.15rem; margin: 1rem 0 .3rem; }
p { margin: .35rem 0; }
.lede { font-size: 1.1rem; color: #4a4238; }
.facts { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
.fact { background: #fffdf8; border: 2px solid #d8ccb8; border-radius: 10px; padding: .4rem 1rem; }
.fact b { display: block; font-size: 1.7rem; }
.bar { display: grid; grid-template-columns: minmax(12rem, 42%) 1fr 2.6rem; gap: .7rem; align-items: center;
       margin: .45rem 0; }
.bar-label small { color: #5d5448; font-size: .8rem; }
.bar-track { background: #e7ddcc; border-radius: 6px; height: 1.2rem; overflow: hidden; }
.bar-fill { height: 100%; border-radius: 6px; min-width: 0; }
.bar-count { font-size: 1.2rem; font-weight: bold; text-align: right; }
table { border-collapse: collapse; width: 100%; background: #fffdf8; }
th, td { padding: .3rem .7rem; border-bottom: 1px solid #d8ccb8; text-align: left; vertical-align: top; }
th { background: #efe6d6; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.card { background: #fffdf8; border: 2px solid #d8ccb8; border-radius: 10px; padding: .2rem 1rem .7rem;
        margin: .9rem 0; break-inside: avoid; }
.meta, .muted { color: #5d5448; font-size: .8rem; }
blockquote { margin: .7rem 0; padding: .5rem 1rem; background: #fffdf8; border-left: 8px solid #8a2a1d;
             border-radius: 4px; break-inside: avoid; }
blockquote p { font-size: 1.15rem; margin: 0 0 .2rem; }
blockquote footer { font-size: .8rem; color: #5d5448; }
.record { margin: .3rem 0 1.1rem; }
.record .said { font-size: .8rem; color: #4a4238; }
.rejected td { font-size: .85rem; overflow-wrap: anywhere; }
@media print { html { font-size: 12pt; } body { background: white; padding: 0; } }
"""


def render_html(summary: ClassSummary) -> str:
    s = summary
    parts = ['<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
             '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
             f"<title>{_e('The class — ' + (s.level_title or 'no results'))}</title>\n"
             f"<style>{CSS}</style>\n</head>\n<body>\n"]
    parts.append(f"<h1>The class: {_e(s.level_title or 'no result counted')}</h1>\n")
    if s.level is not None:
        parts.append(f'<p class="lede">Level {_e(s.level)}, seed {_e(s.seed)}: every game below began from '
                     "the same district on the same seed.</p>\n")
    parts.append('<div class="facts">'
                 f'<div class="fact"><b>{_e(s.students)}</b>students counted</div>'
                 f'<div class="fact"><b>{_e(s.finished)}</b>games finished</div>'
                 f'<div class="fact"><b>{_e(len(s.reasons))}</b>reasons given</div>'
                 f'<div class="fact"><b>{_e(len(s.rejected))}</b>files set aside</div></div>\n')
    if s.note:
        parts.append(f'<p class="muted">{_e(s.note)}</p>\n')

    if s.students:
        parts.append(_endings(s) + _ledgers(s) + _record(s) + _reasons(s) + _cards(s))
    parts.append(_rejected(s))
    parts.append(f'<p class="muted">Made by The Great Break {_e(__version__)}. Every game counted here was '
                 "replayed by this copy of the game and ended as its file says.</p>\n</body>\n</html>\n")
    return "".join(parts)


def _endings(s: ClassSummary) -> str:
    out = ['<h2>How the games ended</h2>\n']
    for e in s.endings:
        extra = f" <small>({_e(e.fate)})</small>" if e.fate else ""
        out.append(_bar(e.title, e.count, s.students, _FATE_COLOURS.get(e.fate, "#777777"), extra))
    return "".join(out) + "\n"


def _ledgers(s: ClassSummary) -> str:
    out = ['<h2>The ledgers, across the class</h2>\n']
    if not s.finished:
        return out[0] + '<p class="muted">No game was finished.</p>\n'
    out.append(f'<p class="muted">Over the {s.finished} finished games: the lowest, the middle and the '
               "highest value.</p>\n")
    out.append('<table><tr><th></th><th class="num">lowest</th><th class="num">middle</th>'
               '<th class="num">highest</th></tr>\n')
    for sp in s.ledgers:
        if not sp.games:
            continue
        out.append(f"<tr><td>{_e(sp.label)}</td><td class=\"num\">{_e(_number(sp.min, sp.unit))}</td>"
                   f"<td class=\"num\">{_e(_number(sp.median, sp.unit))}</td>"
                   f"<td class=\"num\">{_e(_number(sp.max, sp.unit))}</td></tr>\n")
    return "".join(out) + "</table>\n"


def _record(s: ClassSummary) -> str:
    if not s.record:
        return ""
    out = ['<h2>The class against the historical record</h2>\n',
           '<p class="muted">For each thing the record documents: how many finished games came out inside '
           "the historical range.</p>\n"]
    for t in s.record:
        unit = _target_unit(t)
        values = ""
        if t.median is not None and t.check != "peak":
            low, middle, high = (_number(v, unit) for v in (t.min, t.median, t.max))
            said = f"every game: {low}" if low == high else f"the class: {low} to {high}, middle {middle}"
            values = f" <small>— {_e(said)}</small>"
        out.append('<div class="record">' + _bar(_target_what(t), t.inside, t.games, "#2f6b3a", values)
                   + f'<p class="said">{_e(t.record)}</p></div>\n')
    return "".join(out)


def _cards(s: ClassSummary) -> str:
    if not s.cards:
        return ""
    out = ['<h2>The cards, and what the class chose</h2>\n']
    for c in s.cards:
        meta = f"{c.month} · met by {c.students} of {s.students} students"
        if c.times > c.students:
            meta += (f" · met {c.times} times in all (a student who chose differently each time counts under "
                     "each choice)")
        out.append(f'<div class="card"><h3>{_e(c.title)}</h3><p class="meta">{_e(meta)}</p>\n')
        for ch in c.choices:
            out.append(_bar(ch.label, ch.students, c.students))
        out.append("</div>\n")
    return "".join(out)


def _reasons(s: ClassSummary) -> str:
    out = ['<h2>Reasons the class gave</h2>\n']
    if not s.reasons:
        return out[0] + '<p class="muted">No student typed a reason.</p>\n'
    out.append('<p class="muted">Quoted without names, in an order that does not follow the files.</p>\n')
    for q in s.reasons:
        out.append(f"<blockquote><p>“{_e(q.reason)}”</p>"
                   f"<footer>{_e(q.card_title)} — {_e(q.choice)}</footer></blockquote>\n")
    return "".join(out)


def _rejected(s: ClassSummary) -> str:
    out = ['<h2>Files set aside</h2>\n']
    if not s.rejected:
        return out[0] + '<p class="muted">Every file counted.</p>\n'
    out.append('<table class="rejected"><tr><th>File</th><th>Why it does not count</th></tr>\n')
    for r in s.rejected:
        out.append(f"<tr><td>{_e(r.file)}</td><td>{_e(r.reason)}</td></tr>\n")
    return "".join(out) + "</table>\n"
