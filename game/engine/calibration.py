"""The game's series month by month, and the check of a level's documented targets.

A level's `targets` (game/model/level.py) say what the historical record requires; `check`
runs one of them against a finished game. The same series feed the ending's charts, so the
curves the player sees are the ones the calibration holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.scoring import snapshot
from game.model.common import month_index, month_name
from game.model.level import Target
from game.model.state import GameState

STOCKS = ("collectivized_share", "population", "grain", "seed", "horses", "cattle", "pigs", "sheep",
          "standing")
FLOWS = {"deaths_in_month": "deaths", "unrest_in_month": "unrest", "delivered_in_month": "delivered",
         "harvest_in_month": "harvest"}


def series(state: GameState) -> dict[str, list[tuple[str, float]]]:
    """Every series as (month, value): stocks on the first of each month and at the end (dated
    the month after the last), flows for each month played."""
    rows = state.history
    end = {**snapshot(state), "date": month_name(month_index(rows[-1]["date"]) + 1) if rows else "end"}
    out: dict[str, list[tuple[str, float]]] = {}
    for name in STOCKS:
        out[name] = [(r["date"], float(r[name])) for r in rows] + ([(end["date"], float(end[name]))] if rows else [])
    for name, key in FLOWS.items():
        out[name] = [(r["date"], float(r["flows"][key])) for r in rows]
    return out


@dataclass(frozen=True)
class Result:
    target: Target
    value: float | str | None
    ok: bool

    def describe(self) -> str:
        t = self.target
        span = f"{t.date}..{t.until}" if t.until else t.date
        bounds = f"[{'' if t.low is None else t.low}, {'' if t.high is None else t.high}]"
        want = f"in {bounds}" if t.check != "peak" else f"peak in {t.date}"
        got = f"{self.value:.3f}" if isinstance(self.value, float) else str(self.value)
        return f"{'ok  ' if self.ok else 'FAIL'} {t.check} {t.series} {span}: {got} (wanted {want}). {t.record.strip()}"


def _between(points: list[tuple[str, float]], first: str, last: str | None) -> list[float]:
    lo, hi = month_index(first), month_index(last) if last else 1 << 30
    return [v for d, v in points if d != "end" and lo <= month_index(d) <= hi]


def _at(points: list[tuple[str, float]], month: str) -> float | None:
    for d, v in points:
        if d == month:
            return v
    return None


def check(target: Target, data: dict[str, list[tuple[str, float]]]) -> Result:
    points = data[target.series]
    value: float | str | None
    if target.check == "value":
        value = _at(points, target.date)
    elif target.check == "peak":
        value = max(points, key=lambda p: p[1])[0] if points else None
        return Result(target, value, value == target.date)
    elif target.check == "share_of_total":
        total = sum(v for _, v in points)
        value = sum(_between(points, target.date, target.until)) / total if total else None
    elif target.check == "change":
        start = _at(points, target.date)
        end = _at(points, target.until) if target.until else (points[-1][1] if points else None)
        value = end / start - 1 if start and end is not None else None
    else:
        divisor = sum(_between(data[target.of], target.date, target.until)) if target.of else 0
        value = sum(_between(points, target.date, target.until)) / divisor if divisor else None
    ok = value is not None and (target.low is None or value >= target.low) and \
        (target.high is None or value <= target.high)
    return Result(target, value, ok)


def check_all(state: GameState, targets: list[Target]) -> list[Result]:
    data = series(state)
    return [check(t, data) for t in targets]
