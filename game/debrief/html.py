"""The debrief as one self-contained HTML page, for a student to read and a teacher to print.

Everything is inline: the CSS, the charts (SVG) and no script at all, so the file opens from a
USB stick or a school's shared drive without a network. The look follows the game's: paper,
ink, serif headings and one red accent (game/ui/theme.py); the print styles set the page to
A4, keep charts and cards whole and drop the paper tint.

Every string that comes from content (cards can come from mods) or from the player (the
reasons typed) goes through `_e` (html.escape) before it meets the page: the markup here is
built only from this module's own literals and escaped text.
"""

from __future__ import annotations

import math
import re
from html import escape

from game import __version__
from game.debrief.data import SERIES_SHOWN, Chart, Debrief
from game.debrief.questions import questions
from game.debrief.rules import rules
from game.model.common import month_index, month_words
from game.ui.theme import BLUE, INK, INK_SOFT, PAPER, PAPER_DARK, PAPER_LIGHT, RED

SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
UNIT_WORDS = {"share": "% of households", "t": "tonnes (t)", "head": "head of animals",
              "people": "people", "incidents": "incidents in the month", "points": "points, of 100"}


def _e(value: object) -> str:
    """Escaped text: the only way content or the player's words reach the page."""
    return escape("" if value is None else str(value), quote=True)


def _rgb(colour: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


# ---------------------------------------------------------------- numbers, months and units

def _month_idx(label: str) -> int | None:
    try:
        return month_index(label)
    except (ValueError, AttributeError):
        return None


def _month_long(label: str | None) -> str:
    idx = _month_idx(label) if label else None
    return month_words(idx) if idx is not None else str(label or "")


def _month_short(idx: int) -> str:
    return f"{SHORT_MONTHS[idx % 12]} {idx // 12}"


def _num(value: float, small: bool = False) -> str:
    """A figure as people read it: thousands separated, a decimal only for small numbers."""
    if small or (abs(value) < 10 and value != round(value)):
        return f"{value:,.1f}"
    return f"{value:,.0f}"


def _shown(value: float, unit: str) -> float:
    """A series value in the unit the chart shows (shares as per cent)."""
    return value * 100 if unit == "share" else value


def _with_unit(value: float, unit: str) -> str:
    if unit == "share":
        return f"{value * 100:.0f}%"
    word = {"t": "t", "head": "head", "people": "people", "incidents": "incidents", "points": "points"}.get(unit, unit)
    return f"{_num(value)} {word}".strip()


def _pct(value: float, signed: bool = False) -> str:
    if round(value * 100) == 0:
        return "0%"
    text = f"{value * 100:+.0f}%" if signed else f"{value * 100:.0f}%"
    return text.replace("-", "\u2212")


def _nice_ceiling(x: float) -> float:
    if x <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(x))
    for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if m * exp >= x * 0.999999:
            return m * exp
    return 10 * exp


# ---------------------------------------------------------------- the page

CSS = """
:root { --paper: %(paper)s; --paper-dark: %(paper_dark)s; --paper-light: %(paper_light)s;
        --ink: %(ink)s; --ink-soft: %(ink_soft)s; --red: %(red)s; --blue: %(blue)s; }
* { box-sizing: border-box; }
html { background: var(--paper); }
body { margin: 0; background: var(--paper); color: var(--ink);
       font-family: "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif;
       font-size: 17px; line-height: 1.5; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 2.5rem 3rem; overflow-wrap: break-word; }
h1, h2, h3, h4, .serif { font-family: "Noto Serif", Georgia, serif; font-weight: 700; line-height: 1.25; }
h1 { font-size: 2.4rem; margin: 0 0 0.3rem; }
h2 { font-size: 1.6rem; margin: 2.6rem 0 0.8rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.2rem; margin: 1.4rem 0 0.4rem; }
h4 { font-size: 1rem; margin: 0.9rem 0 0.2rem; }
p { margin: 0.4rem 0 0.7rem; }
a { color: var(--ink); }
.masthead { border-top: 6px solid var(--red); padding-top: 1rem; }
.kicker { font-family: "Noto Serif", Georgia, serif; letter-spacing: 0.12em; text-transform: uppercase;
          font-size: 0.85rem; color: var(--ink-soft); margin: 0; }
.meta { color: var(--ink-soft); margin: 0.2rem 0 1rem; }
.meta b { color: var(--ink); }
.counterfactual { border: 3px double var(--red); padding: 0.7rem 1rem; margin: 1rem 0;
                  background: var(--paper-light); }
.counterfactual strong { color: var(--red); font-family: "Noto Serif", Georgia, serif; font-size: 1.1rem; }
.ending { border: 1px solid var(--ink); background: var(--paper-light); padding: 1rem 1.3rem; margin: 1rem 0; }
.ending h2 { border: 0; margin: 0 0 0.3rem; padding: 0; }
.fate { font-family: "Noto Serif", Georgia, serif; font-size: 1.05rem; margin: 0 0 0.6rem; }
.ending-text { font-family: "Noto Serif", Georgia, serif; font-style: italic; font-size: 1.1rem;
               margin: 0.6rem 0; padding-left: 1rem; border-left: 3px solid var(--ink); }
.sources { margin: 0.2rem 0 0.6rem; padding-left: 1.3rem; font-size: 0.92rem; }
.sources li { margin: 0.15rem 0; }
.kind { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.08em; border: 1px solid var(--ink-soft);
        padding: 0 0.3rem; margin-left: 0.35rem; white-space: nowrap; color: var(--ink-soft); }
nav.contents { font-size: 0.92rem; margin: 1rem 0 0; }
nav.contents ol { margin: 0.2rem 0; padding-left: 1.4rem; columns: 2; }
.ledgers { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; align-items: start; }
table { border-collapse: collapse; width: 100%%; }
caption { font-family: "Noto Serif", Georgia, serif; font-weight: 700; font-size: 1.2rem; text-align: left;
          padding-bottom: 0.3rem; }
th, td { border-bottom: 1px solid var(--ink-soft); padding: 0.3rem 0.45rem; vertical-align: top; text-align: left; }
td { overflow-wrap: break-word; }
tbody th { font-weight: 400; overflow-wrap: break-word; }
thead th { border-bottom: 2px solid var(--ink); background: var(--paper-dark); font-size: 0.9rem; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.unit { color: var(--ink-soft); font-size: 0.9rem; }
.ledger { background: var(--paper-light); border: 1px solid var(--ink); }
.ledger caption { padding: 0 0 0.3rem; }
.note { color: var(--ink-soft); font-size: 0.92rem; }
figure.chart { margin: 1.2rem 0 1.6rem; padding: 0.6rem 0.8rem 0.4rem; background: var(--paper-light);
               border: 1px solid var(--ink-soft); }
figure.chart h3 { margin: 0 0 0.2rem; }
.unitword { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; font-weight: 400; font-size: 0.85rem;
            color: var(--ink-soft); margin-left: 0.4rem; }
figure.chart .summary { margin: 0 0 0.3rem; color: var(--ink-soft); font-size: 0.92rem; }
figure.chart svg.plot { display: block; width: 100%%; height: auto; }
svg.mark { width: 26px; height: 16px; }
figcaption { font-size: 0.92rem; }
.record { border-top: 1px dashed var(--ink-soft); padding-top: 0.4rem; margin-top: 0.4rem; }
.record p { margin: 0.2rem 0; }
.mark { display: inline-block; vertical-align: -0.2em; margin-right: 0.3rem; }
table.log { table-layout: fixed; }
table.log col.turn { width: 3.2em; } table.log col.month { width: 6.6em; } table.log col.what { width: 15%%; }
table.log col.choice { width: 22%%; } table.log col.reason { width: 13%%; }
table.log li { margin: 0 0 0.2rem; }
table.log ul { margin: 0; padding-left: 1.1rem; }
table.log td.reason { font-style: italic; white-space: pre-wrap; }
table.log tr.report td { background: var(--paper-dark); }
.none { color: var(--ink-soft); font-style: normal; }
article.card { background: var(--paper-light); border: 1px solid var(--ink); padding: 0.8rem 1.1rem;
               margin: 1rem 0; }
article.card h3 { margin-top: 0; }
.when { color: var(--ink-soft); font-size: 0.92rem; margin: 0 0 0.4rem; }
.choice { margin: 0.3rem 0 0.6rem; }
.contested { border-left: 4px solid var(--red); padding: 0.3rem 0 0.3rem 0.9rem; margin: 0.6rem 0; }
.contested h4 { margin-top: 0; }
.contested ul { margin: 0.2rem 0; padding-left: 1.2rem; }
.flag { color: var(--red); font-weight: 700; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.08em; }
dl.rules dt { font-family: "Noto Serif", Georgia, serif; font-weight: 700; margin-top: 0.8rem; }
dl.rules dd { margin: 0.2rem 0 0 1.2rem; }
.model-box { border: 1px solid var(--ink); padding: 0.6rem 1rem; background: var(--paper-light); }
.phase { margin: 0.6rem 0 1rem; }
.phase ol { margin: 0.2rem 0; }
.phase li { margin: 0.25rem 0; }
footer { margin-top: 3rem; border-top: 2px solid var(--ink); padding-top: 0.6rem; font-size: 0.88rem;
         color: var(--ink-soft); }
@media (max-width: 720px) {
  main { padding: 1rem; }
  .ledgers { grid-template-columns: 1fr; }
  nav.contents ol { columns: 1; }
}
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
@media print {
  html, body { background: #fff; color: #000; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  nav.contents { display: none; }
  .ending, .counterfactual, .ledger, figure.chart, article.card, .model-box { background: none; }
  thead th, table.log tr.report td { background: none; }
  h1 { font-size: 22pt; }
  h2 { font-size: 15pt; margin-top: 1.4rem; }
  h2, h3, h4, caption { break-after: avoid; page-break-after: avoid; }
  figure.chart, article.card, .ledger, .ending, .counterfactual, .phase, .record, dl.rules div, .model-box {
    break-inside: avoid; page-break-inside: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  body { line-height: 1.38; }
  table.log { font-size: 9pt; }
  .intro { break-after: avoid; page-break-after: avoid; }
  #ledgers { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .ledgers { grid-template-columns: 1fr 1fr; gap: 6mm; }
  section.log, section.history { break-before: page; page-break-before: always; }
  a { text-decoration: none; }
}
""" % {"paper": _rgb(PAPER), "paper_dark": _rgb(PAPER_DARK), "paper_light": _rgb(PAPER_LIGHT), "ink": _rgb(INK),
       "ink_soft": _rgb(INK_SOFT), "red": _rgb(RED), "blue": _rgb(BLUE)}

SECTIONS = (("ending", "The ending"), ("ledgers", "The two ledgers"), ("charts", "Over time, beside the record"),
            ("log", "Your decisions"), ("history", "What historians know"),
            ("model", "The model open to question"), ("questions", "Questions for discussion"))


def render(debrief: Debrief) -> str:
    """The debrief as one HTML5 document, with no script and nothing fetched from elsewhere."""
    d = debrief
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="The Great Break {_e(__version__)}">',
        f"<title>Debrief: {_e(d.level_title)} (seed {_e(d.seed)})</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        _header(d),
        _ledgers(d),
        _charts(d),
        _log(d),
        _history(d),
        _model(),
        _questions(d),
        _footer(d),
        "</main>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


# ---------------------------------------------------------------- 1. header and ending

def _sources(items: list[str]) -> str:
    """A list of citations; a trailing "[kind]" becomes a label."""
    if not items:
        return '<p class="note">No source is given.</p>'
    rows = []
    for item in items:
        m = re.fullmatch(r"(.*) \[([a-z]+)\]", item, flags=re.S)
        if m:
            rows.append(f'<li>{_e(m.group(1))}<span class="kind">{_e(m.group(2))}</span></li>')
        else:
            rows.append(f"<li>{_e(item)}</li>")
    return '<ul class="sources">' + "".join(rows) + "</ul>"


def _header(d: Debrief) -> str:
    out = ['<header class="masthead">',
           '<p class="kicker">The Great Break &middot; debrief</p>',
           f"<h1>{_e(d.level_title)}</h1>",
           f'<p class="meta">Seed <b>{_e(d.seed)}</b> &middot; '
           + ("<b>Finished</b>: every turn was played." if d.finished else
              "<b>Not finished</b>: the game was saved before its end; the ending below is the one "
              "the game would choose if it ended now.")
           + "</p>"]
    if d.counterfactual:
        out.append('<div class="counterfactual" role="note"><strong>A counterfactual: the model\'s answer, '
                   "not history.</strong><br>No district lived this path. This level asks what the model says "
                   "might have happened had the leadership chosen otherwise; its ending and its curves are the "
                   "simulation's, not the record's.</div>")
    out.append('<nav class="contents" aria-label="Contents"><ol>'
               + "".join(f'<li><a href="#{key}">{_e(title)}</a></li>' for key, title in SECTIONS)
               + "</ol></nav>")
    out.append("</header>")
    out.append('<section class="ending" id="ending" aria-labelledby="ending-h">'
               f'<h2 id="ending-h">The ending: {_e(d.ending_title)}</h2>'
               f'<p class="fate">Your fate: <b>{_e(d.fate)}</b></p>'
               f'<p class="ending-text">{_e(d.ending_text)}</p>'
               "<h3>What happened to real officials</h3>"
               f"<p>{_e(d.ending_note)}</p>"
               '<h4>Sources</h4>' + _sources(d.ending_sources) +
               "</section>")
    return "\n".join(out)


# ---------------------------------------------------------------- 2. the ledgers

LIVESTOCK = {"horses": "Horses and oxen", "cattle": "Cattle", "pigs": "Pigs", "sheep": "Sheep and goats"}


def _row(label: str, value: str, unit: str) -> str:
    return f'<tr><th scope="row">{_e(label)}</th><td class="num">{_e(value)}</td><td class="unit">{_e(unit)}</td></tr>'


def _fmt_int(v) -> str:
    return f"{v:,}" if isinstance(v, int) else (_num(v) if isinstance(v, float) else str(v))


def _centre_rows(c: dict) -> list[str]:
    rows, known = [], set()

    def add(key, label, fmt, unit):
        if key in c:
            known.add(key)
            rows.append(_row(label, fmt(c[key]) if c[key] is not None else "none", unit))

    add("grain_delivered_t", "Grain delivered to the state", _fmt_int, "t")
    add("grain_quota_t", "Grain quota, with any raises", _fmt_int, "t")
    add("quota_fulfilment", "Quota fulfilled", lambda v: f"{v * 100:.0f}", "% of the quota")
    add("collectivized_share", "Households in kolkhozy", lambda v: f"{v * 100:.0f}", "% of households")
    add("kulaks_removed_hh", "\u201cKulak\u201d households deported", _fmt_int, "households")
    add("kulak_quota_hh", "\u201cKulak\u201d households ordered", _fmt_int, "households")
    add("standing", "Your standing with the centre", lambda v: f"{v:.0f}", "points, of 100")
    rows += [_row(k.replace("_", " ").capitalize(), _fmt_int(v), "") for k, v in c.items()
             if k not in known and not isinstance(v, dict)]
    return rows


def _village_rows(v: dict) -> list[str]:
    rows, known = [], set()

    def add(key, label, fmt, unit):
        if key in v:
            known.add(key)
            rows.append(_row(label, fmt(v[key]) if v[key] is not None else "none", unit))

    add("population", "People living", _fmt_int, "people")
    add("deaths", "Deaths", _fmt_int, "people")
    add("excess_deaths", "Deaths above the ordinary rate", _fmt_int, "people")
    add("deported_people", "Deported", _fmt_int, "people")
    add("fled_people", "Fled", _fmt_int, "people")
    known.add("livestock_change")
    for animal, change in (v.get("livestock_change") or {}).items():
        rows.append(_row(LIVESTOCK.get(animal, animal.capitalize()), _pct(change, signed=True),
                         "% change since the start"))
    add("grain_left_t", "Grain left in the villages", _fmt_int, "t")
    add("seed_t", "Seed grain left", _fmt_int, "t")
    add("trust", "The villages' trust", lambda x: f"{x:.0f}", "points, of 100")
    rows += [_row(k.replace("_", " ").capitalize(), _fmt_int(x), "") for k, x in v.items()
             if k not in known and not isinstance(x, dict)]
    return rows


def _ledger(caption: str, rows: list[str]) -> str:
    return (f'<table class="ledger"><caption>{_e(caption)}</caption>'
            '<thead><tr><th scope="col">What</th><th scope="col">Figure</th><th scope="col">Unit</th></tr></thead>'
            "<tbody>" + "".join(rows) + "</tbody></table>")


def _ledgers(d: Debrief) -> str:
    c, v = d.ledgers.get("centre", {}), d.ledgers.get("villages", {})
    return ('<section id="ledgers" aria-labelledby="ledgers-h"><h2 id="ledgers-h">The two ledgers</h2>'
            '<p class="intro">What the centre received, and what it cost the villages. '
            "The two are set side by side and "
            "never added into one score: no number here makes up for another.</p>"
            '<div class="ledgers">' + _ledger("The centre's ledger", _centre_rows(c))
            + _ledger("The villages' ledger", _village_rows(v)) + "</div></section>")


# ---------------------------------------------------------------- 3. the charts

W, H = 760, 300                   # the SVG's own coordinates; it scales to the page
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 30, 76
PLOT_W, PLOT_H = W - LEFT - RIGHT, H - TOP - BOTTOM


def _record_check_words(r: dict, unit: str) -> str:
    """What the record requires, in words, in the chart's unit."""
    lo, hi, check = r.get("low"), r.get("high"), r.get("check")
    start, until = _month_long(r.get("date")), _month_long(r.get("until")) if r.get("until") else None

    def bounds(fmt):
        if lo is not None and hi is not None:
            return f"between {fmt(lo)} and {fmt(hi)}"
        if lo is not None:
            return f"at least {fmt(lo)}"
        if hi is not None:
            return f"at most {fmt(hi)}"
        return "any value"

    if check == "value":
        return f"In {start}: {bounds(lambda x: _with_unit(x, unit))}."
    if check == "peak":
        return f"The highest month should be {start}."
    if check == "share_of_total":
        return (f"The months {start} to {until or 'the end'} should hold {bounds(_pct)} "
                "of the total over the game.")
    if check == "change":
        return (f"From {start} to {until or 'the end of the game'}: a change of "
                f"{bounds(lambda x: _pct(x, signed=True))}.")
    if check == "ratio":
        of = SERIES_SHOWN.get(r.get("of") or "", (r.get("of") or "another series",))[0]
        return (f"From {start} to {until or 'the end'}: the total should be {bounds(_pct)} "
                f"of the total of \u201c{of}\u201d.")
    return ""


def _player_words(target: dict | None, unit: str) -> str:
    if not target:
        return ""
    value, ok, check = target.get("value"), target.get("ok"), target.get("check")
    if value is None:
        return "Your district: not measurable in the months played."
    if check == "value":
        shown = _with_unit(float(value), unit)
    elif check == "peak":
        shown = _month_long(str(value))
    elif check == "change":
        shown = _pct(float(value), signed=True)
    else:
        shown = _pct(float(value))
    verdict = ("inside the record's range" if ok else "outside the record's range") if check != "peak" else \
        ("the same month as the record" if ok else "not the record's month")
    return f"Your district: {shown} \u2014 {verdict}."


def _target_for(d: Debrief, chart: Chart, r: dict) -> dict | None:
    for t in d.targets:
        if (t.get("series") == chart.key and t.get("date") == r.get("date") and t.get("check") == r.get("check")
                and t.get("record") == r.get("record")):
            return t
    return None


def _mark_svg(kind: str) -> str:
    """A small legend mark: the shapes the chart uses, so that colour is never the only cue."""
    red, ink = _rgb(RED), _rgb(INK)
    body = {
        "player": f'<line x1="1" y1="8" x2="25" y2="8" stroke="{ink}" stroke-width="2.5"/>'
                  f'<circle cx="13" cy="8" r="3.5" fill="{ink}"/>',
        "cross": f'<path d="M8 3 L18 13 M18 3 L8 13" stroke="{red}" stroke-width="2.5"/>',
        "range": f'<path d="M9 2 H17 M13 2 V14 M9 14 H17" stroke="{red}" stroke-width="2.5" fill="none"/>',
        "peak": f'<line x1="13" y1="1" x2="13" y2="15" stroke="{red}" stroke-width="2" stroke-dasharray="3 2"/>'
                f'<path d="M8 1 H18 L13 6 Z" fill="{red}"/>',
        "span": f'<rect x="2" y="2" width="22" height="12" fill="{red}" fill-opacity="0.12" stroke="{red}" '
                f'stroke-dasharray="3 2"/><path d="M2 14 L14 2 M12 14 L24 2" stroke="{red}" stroke-width="1"/>',
    }[kind]
    return f'<svg class="mark" width="26" height="16" viewBox="0 0 26 16" aria-hidden="true">{body}</svg>'


def _mark_kind(r: dict) -> str:
    check = r.get("check")
    if check == "value":
        return "range" if r.get("low") is not None and r.get("high") is not None else "cross"
    if check == "peak":
        return "peak"
    return "span"


def _x_labels(months: list[int]) -> list[int]:
    """Which months get a label: the first, the last and every few between, never crowded."""
    n = len(months)
    if n <= 1:
        return list(range(n))
    step = max(1, math.ceil(n / 7))
    chosen = list(range(0, n, step))
    per_month = PLOT_W / max(1, months[-1] - months[0])
    min_gap = 100 / per_month          # a label is some 60 px wide; the last one is set flush right
    if chosen[-1] != n - 1:
        if len(chosen) > 1 and months[n - 1] - months[chosen[-1]] < min_gap:
            chosen.pop()
        chosen.append(n - 1)
    return chosen


def _chart_svg(i: int, chart: Chart) -> tuple[str, str]:
    """The SVG of one chart and the sentence that describes it."""
    unit = chart.unit
    pts = [(label, float(v)) for label, v in chart.points]
    idxs = [_month_idx(label) for label, _ in pts]
    if any(x is None for x in idxs):           # labels that are not months: plot them in order
        idxs = list(range(len(pts)))
        dated = False
    else:
        dated = True
    values = [_shown(v, unit) for _, v in pts]
    lo_m, hi_m = (min(idxs), max(idxs)) if idxs else (0, 1)
    span_m = max(1, hi_m - lo_m)

    record_vals = [_shown(r[k], unit) for r in chart.record if r.get("check") == "value"
                   for k in ("low", "high") if r.get(k) is not None]
    top = max(values + record_vals + [0.0])
    ymax = 100.0 if unit == "share" and top <= 100 else _nice_ceiling(top)
    small = ymax < 10

    def x(m: float) -> float:
        return LEFT + (m - lo_m) / span_m * PLOT_W

    def y(v: float) -> float:
        return TOP + PLOT_H - max(0.0, min(v, ymax)) / ymax * PLOT_H

    def ylab(v: float) -> str:
        return (f"{v:.0f}%" if unit == "share" else _num(v, small=small and v != 0))

    red, ink, soft = _rgb(RED), _rgb(INK), _rgb(INK_SOFT)
    halo = f' stroke="{_rgb(PAPER_LIGHT)}" stroke-width="4" paint-order="stroke"'   # legible over lines
    g: list[str] = []
    # record spans first, under everything
    g.append(f'<defs><pattern id="hatch{i}" width="8" height="8" patternUnits="userSpaceOnUse" '
             f'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="8" stroke="{red}" '
             f'stroke-width="1.2" stroke-opacity="0.55"/></pattern></defs>')
    notes_outside = []
    for n, r in enumerate(chart.record, start=1):
        if r.get("check") in ("share_of_total", "change", "ratio"):
            a, b = _month_idx(r.get("date") or ""), _month_idx(r.get("until") or "") if r.get("until") else hi_m
            if not dated or a is None or b is None:
                continue
            a, b = max(a, lo_m), min(b, hi_m)
            if a > b:
                notes_outside.append(n)
                continue
            x0, x1 = x(a), x(b)
            if x1 - x0 < 6:
                x0, x1 = x0 - 3, x1 + 3
            g.append(f'<rect x="{x0:.1f}" y="{TOP}" width="{x1 - x0:.1f}" height="{PLOT_H}" fill="{red}" '
                     f'fill-opacity="0.07"/><rect x="{x0:.1f}" y="{TOP}" width="{x1 - x0:.1f}" height="{PLOT_H}" '
                     f'fill="url(#hatch{i})" stroke="{red}" stroke-dasharray="4 3"/>')
            g.append(f'<text x="{x0 + 4:.1f}" y="{TOP - 6}" font-size="12" fill="{red}"{halo}>record {n}: '
                     f'{_e(_month_short(a))}\u2013{_e(_month_short(b))}</text>')
    # axes and grid
    for frac in (0, 0.5, 1):
        yy = TOP + PLOT_H - frac * PLOT_H
        g.append(f'<line x1="{LEFT}" y1="{yy:.1f}" x2="{LEFT + PLOT_W}" y2="{yy:.1f}" stroke="{soft}" '
                 f'stroke-width="{1.4 if frac == 0 else 0.6}"' + ('' if frac == 0 else ' stroke-dasharray="2 4"')
                 + "/>")
        g.append(f'<text x="{LEFT - 8}" y="{yy + 4:.1f}" font-size="13" text-anchor="end" fill="{ink}">'
                 f"{_e(ylab(frac * ymax))}</text>")
    g.append(f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + PLOT_H}" stroke="{soft}" stroke-width="1.4"/>')
    g.append(f'<text x="{LEFT - 8}" y="{TOP - 12}" font-size="12" text-anchor="end" fill="{soft}">'
             f"{_e('%' if unit == 'share' else unit)}</text>")
    for k in _x_labels(idxs):
        xx = x(idxs[k])
        label = _month_short(idxs[k]) if dated else pts[k][0]
        anchor = "start" if k == 0 and len(idxs) > 1 else ("end" if k == len(idxs) - 1 and len(idxs) > 1 else "middle")
        g.append(f'<line x1="{xx:.1f}" y1="{TOP + PLOT_H}" x2="{xx:.1f}" y2="{TOP + PLOT_H + 5}" stroke="{soft}"/>')
        g.append(f'<text x="{xx:.1f}" y="{TOP + PLOT_H + 20}" font-size="13" text-anchor="{anchor}" fill="{ink}">'
                 f"{_e(label)}</text>")
    # peaks and value checks of the record
    for n, r in enumerate(chart.record, start=1):
        m = _month_idx(r.get("date") or "")
        if r.get("check") not in ("peak", "value"):
            continue
        if not dated or m is None or not lo_m <= m <= hi_m:
            notes_outside.append(n)
            continue
        xx = x(m)
        if r["check"] == "peak":
            g.append(f'<line x1="{xx:.1f}" y1="{TOP}" x2="{xx:.1f}" y2="{TOP + PLOT_H}" stroke="{red}" '
                     f'stroke-width="2" stroke-dasharray="6 4"/>')
            g.append(f'<path d="M{xx - 7:.1f} {TOP - 1} H{xx + 7:.1f} L{xx:.1f} {TOP + 8} Z" fill="{red}"/>')
            anchor = "end" if xx > LEFT + PLOT_W * 0.7 else "start"
            dx = -10 if anchor == "end" else 10
            g.append(f'<text x="{xx + dx:.1f}" y="{TOP + 8}" font-size="12" text-anchor="{anchor}" fill="{red}"{halo}>'
                     f"record {n}: the peak</text>")
            continue
        low, high = r.get("low"), r.get("high")
        if low is not None and high is not None:
            y0, y1 = y(_shown(high, unit)), y(_shown(low, unit))
            g.append(f'<path d="M{xx - 7:.1f} {y0:.1f} H{xx + 7:.1f} M{xx:.1f} {y0:.1f} V{y1:.1f} '
                     f'M{xx - 7:.1f} {y1:.1f} H{xx + 7:.1f}" stroke="{red}" stroke-width="3" fill="none" '
                     f'stroke-linecap="square"/>')
            ty = y0
        else:
            bound = _shown(high if high is not None else low, unit)
            yy = y(bound)
            end = TOP + PLOT_H if high is not None else TOP
            g.append(f'<line x1="{xx:.1f}" y1="{yy:.1f}" x2="{xx:.1f}" y2="{end:.1f}" stroke="{red}" '
                     f'stroke-width="2" stroke-dasharray="4 3"/>')
            g.append(f'<path d="M{xx - 6:.1f} {yy - 6:.1f} L{xx + 6:.1f} {yy + 6:.1f} M{xx + 6:.1f} {yy - 6:.1f} '
                     f'L{xx - 6:.1f} {yy + 6:.1f}" stroke="{red}" stroke-width="3" stroke-linecap="round"/>')
            ty = yy - 4
        anchor = "end" if xx > LEFT + PLOT_W * 0.75 else "start"
        dx = -12 if anchor == "end" else 12
        g.append(f'<text x="{xx + dx:.1f}" y="{max(TOP + 10, ty):.1f}" font-size="12" text-anchor="{anchor}" '
                 f'fill="{red}"{halo}>record {n}</text>')
    # the player's series on top: a solid ink line with dots
    if pts:
        coords = " ".join(f"{x(m):.1f},{y(v):.1f}" for m, v in zip(idxs, values))
        g.append(f'<polyline points="{coords}" fill="none" stroke="{ink}" stroke-width="2.5" '
                 f'stroke-linejoin="round"/>')
        r_dot = 3.6 if len(pts) <= 30 else 2.4
        for m, v in zip(idxs, values):
            g.append(f'<circle cx="{x(m):.1f}" cy="{y(v):.1f}" r="{r_dot}" fill="{ink}" stroke="{_rgb(PAPER_LIGHT)}" '
                     f'stroke-width="1"/>')
    # the legend, drawn in the chart so that a print keeps it
    ly = H - 20
    g.append(f'<g transform="translate({LEFT},{ly - 8})">{_legend_inner("player")}'
             f'<text x="32" y="12" font-size="13" fill="{ink}">your district</text></g>')
    kinds = []
    for r in chart.record:
        k = _mark_kind(r)
        if k not in kinds:
            kinds.append(k)
    lx = LEFT + 150
    for k in kinds:
        g.append(f'<g transform="translate({lx},{ly - 8})">{_legend_inner(k)}'
                 f'<text x="32" y="12" font-size="13" fill="{ink}">{_e(LEGEND_WORDS[k])}</text></g>')
        lx += 32 + 8 * len(LEGEND_WORDS[k]) + 24

    desc = _describe(chart, pts, idxs, dated, values)
    svg = (f'<svg class="plot" viewBox="0 0 {W} {H}" role="img" aria-labelledby="chart{i}-t chart{i}-d" '
           f'font-family="\'Noto Sans\', \'Segoe UI\', Arial, sans-serif">'
           f'<title id="chart{i}-t">{_e(chart.title)}</title><desc id="chart{i}-d">{_e(desc)}</desc>'
           + "".join(g) + "</svg>")
    if notes_outside:
        desc += " " + "; ".join(f"record {n} falls outside the months played" for n in sorted(set(notes_outside))) + "."
    return svg, desc


LEGEND_WORDS = {"cross": "the record: a bound (cross)", "range": "the record: a range (bar)",
                "peak": "the record's peak month (dashes)", "span": "the record's months (hatched)"}


def _legend_inner(kind: str) -> str:
    """The same marks as _mark_svg, as a group inside the chart."""
    inner = _mark_svg(kind)
    inner = re.sub(r"^<svg[^>]*>", "", inner)
    return inner[: -len("</svg>")]


def _describe(chart: Chart, pts, idxs, dated, values) -> str:
    if not pts:
        return f"{chart.title}: no months were played."
    unit = chart.unit

    def at(k: int) -> str:
        return month_words(idxs[k]) if dated else str(pts[k][0])

    peak = max(range(len(values)), key=lambda k: values[k])
    if max(values) == min(values):
        return (f"Line chart of {chart.title.lower()} by month, from {at(0)} to {at(len(pts) - 1)}: "
                f"{_with_unit(pts[0][1], unit)} in every month." + (
                    f" Marked beside it in red: {len(chart.record)} figure(s) of the historical record."
                    if chart.record else ""))
    text = (f"Line chart of {chart.title.lower()} by month, from {at(0)} to {at(len(pts) - 1)}: "
            f"{_with_unit(pts[0][1], unit)} at the start, {_with_unit(pts[-1][1], unit)} at the end, "
            f"highest {_with_unit(pts[peak][1], unit)} in {at(peak)}.")
    if chart.record:
        text += f" Marked beside it in red: {len(chart.record)} figure(s) of the historical record."
    return text


def _charts(d: Debrief) -> str:
    out = ['<section id="charts" aria-labelledby="charts-h"><h2 id="charts-h">Over time, beside the record</h2>',
           '<p class="intro">Each chart shows your district month by month: '
           "a solid ink line with a dot for each month. "
           "Stocks (people, grain, animals, the share in kolkhozy, your standing) are counted on the first of "
           "the month, and once more as the game ended; flows (deaths, the harvest, deliveries, unrest) are "
           "what happened during the month. Where the level's record has a figure for a chart, it is drawn "
           "beside your line in red, with a shape of its own (a cross, a bar, dashes or hatching), and its "
           "words and sources follow the chart.</p>"]
    if not d.charts:
        out.append('<p class="note">The game ended before its first month was played: there is nothing to '
                   "chart.</p>")
    for i, chart in enumerate(d.charts, start=1):
        svg, desc = _chart_svg(i, chart)
        unit_words = UNIT_WORDS.get(chart.unit, chart.unit)
        out.append(f'<figure class="chart" id="chart-{i}" aria-labelledby="chart{i}-h">'
                   f'<h3 id="chart{i}-h">{_e(chart.title)} <span class="unitword">unit: {_e(unit_words)}</span></h3>'
                   f'<p class="summary">{_e(desc)}</p>{svg}')
        if chart.record:
            out.append("<figcaption>")
            for n, r in enumerate(chart.record, start=1):
                out.append('<div class="record">'
                           f'<p>{_mark_svg(_mark_kind(r))}<b>Record {n}.</b> {_e(r.get("record", ""))}</p>'
                           f'<p class="note">{_e(_record_check_words(r, chart.unit))} '
                           f'{_e(_player_words(_target_for(d, chart, r), chart.unit))}</p>'
                           + _sources(list(r.get("sources") or [])) + "</div>")
            out.append("</figcaption>")
        out.append("</figure>")
    out.append("</section>")
    return "\n".join(out)


# ---------------------------------------------------------------- 4. the decision log

def _log(d: Debrief) -> str:
    out = ['<section class="log" id="log" aria-labelledby="log-h"><h2 id="log-h">Your decisions</h2>',
           '<p class="intro">Every choice you made, the reason you typed (if you typed one) '
           "and what the game's log says "
           "followed. The shaded rows are your monthly reports to the centre.</p>"]
    if not d.decisions:
        out.append('<p class="note">No decision was taken.</p></section>')
        return "\n".join(out)
    out.append('<table class="log"><colgroup><col class="turn"><col class="month"><col class="what">'
               '<col class="choice"><col class="reason"><col class="followed"></colgroup>'
               '<thead><tr><th scope="col">Turn</th><th scope="col">Month</th>'
               '<th scope="col">What</th><th scope="col">Your choice</th><th scope="col">Your reason</th>'
               '<th scope="col">What followed</th></tr></thead><tbody>')
    for x in d.decisions:
        report = x.what == "report to the centre"
        reason = f"{_e(x.reason)}" if x.reason else '<span class="none">none given</span>'
        followed = ("<ul>" + "".join(f"<li>{_e(f)}</li>" for f in x.followed) + "</ul>") if x.followed else \
            '<span class="none">nothing recorded</span>'
        row_class = ' class="report"' if report else ""
        out.append(f'<tr{row_class}><td class="turn">{_e(x.turn)}</td>'
                   f'<td class="month">{_e(x.month)}</td><td>{_e(x.what)}</td><td>{_e(x.choice)}</td>'
                   f'<td class="reason">{reason}</td><td>{followed}</td></tr>')
    out.append("</tbody></table></section>")
    return "\n".join(out)


# ---------------------------------------------------------------- 5. what historians know

def _history(d: Debrief) -> str:
    out = ['<section class="history" id="history" aria-labelledby="history-h">'
           '<h2 id="history-h">What historians know</h2>',
           '<p class="intro">For every card you played: what really happened, and where it is documented. '
           "The label after "
           "each source says what kind of source it is: a document of the time, a statistic, a memoir, later "
           "testimony, scholarship or a reference work.</p>"]
    if not d.cards:
        out.append('<p class="note">No card was played.</p>')
    for n, card in enumerate(d.cards, start=1):
        parts = [f'<article class="card" id="card-{n}">',
                 f"<h3>{_e(card.title)}"
                 + (' <span class="flag">contested</span>' if card.contested else "") + "</h3>",
                 f'<p class="when">{_e(card.month)}</p>',
                 (f'<p class="pack"><b>From a mod:</b> this card comes from the pack {_e(card.pack)}, '
                  "not from the base game.</p>" if card.pack else ""),
                 f'<p class="choice"><b>Your choice:</b> {_e(card.choice)}</p>',
                 f"<p>{_e(card.note)}</p>"]
        if card.contested:
            parts.append('<div class="contested"><h4>Historians disagree</h4>')
            if card.readings:
                parts.append("<ul>" + "".join(f"<li>{_e(view)} <i>\u2014 {_e(held_by)}</i></li>"
                                              for view, held_by in card.readings) + "</ul>")
            else:
                parts.append('<p class="note">The readings are not given on this card.</p>')
            parts.append("</div>")
        parts.append("<h4>Sources</h4>" + _sources(card.sources))
        parts.append("</article>")
        out.append("".join(parts))
    out.append("</section>")
    return "\n".join(out)


# ---------------------------------------------------------------- 6. the model

def _model() -> str:
    items = rules()
    out = ['<section id="model" aria-labelledby="model-h"><h2 id="model-h">The model open to question</h2>',
           '<div class="model-box"><p><b>The Great Break is a simulation: a model, not history.</b> Its villages '
           "are composites, and its numbers come from a handful of rules that its authors chose and "
           "weighted; the level scales the record's proportions to one district. What happened in your "
           "game is what these rules produce from your decisions. Question them: which rule is too simple, "
           "which is missing, which would you change?"
           + (f' Rule {len(items)}, <a href="#rule-{len(items)}">\u201c{_e(items[-1][0])}\u201d</a>, lists what '
              "the simulation does not contain." if items else "")
           + "</p></div>", '<dl class="rules">']
    for n, (name, text) in enumerate(items, start=1):
        out.append(f'<div id="rule-{n}"><dt>{n}. {_e(name)}</dt><dd>{_e(text)}</dd></div>')
    out.append("</dl></section>")
    return "\n".join(out)


# ---------------------------------------------------------------- 7. questions, 8. footer

def _questions(d: Debrief) -> str:
    out = ['<section id="questions" aria-labelledby="questions-h"><h2 id="questions-h">Questions for discussion</h2>',
           '<p class="intro">Chosen from what you did, in six phases: begin with how it felt, '
           "end with what comes next.</p>"]
    for n, (phase, items) in enumerate(questions(d), start=1):
        out.append(f'<div class="phase"><h3>{n}. {_e(phase)}</h3><ol>'
                   + "".join(f"<li>{_e(q)}</li>" for q in items) + "</ol></div>")
    out.append("</section>")
    return "\n".join(out)


def _footer(d: Debrief) -> str:
    return (f'<footer><p>Generated by The Great Break version {_e(__version__)} &middot; level '
            f"<b>{_e(d.level_id)}</b> &middot; seed <b>{_e(d.seed)}</b>. The same level, seed and decisions "
            "always give the same game: a teacher can replay and verify it from the result file.</p></footer>")
