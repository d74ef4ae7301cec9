"""One shape for every content problem: path:line:col: severity [code] field: message."""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass
from typing import Iterable


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int          # 1-based; 0 when the format gives no position
    col: int           # 1-based; 0 when unknown
    severity: str      # "error" or "warning"
    code: str          # short, stable, e.g. "unknown-quantity"
    field: str         # dotted path inside the file, e.g. "cards.3.choices.0.effects.1.quantity"
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        return f"{where}: {self.severity} [{self.code}]{field} {self.message}"

    def to_json(self) -> dict:
        return asdict(self)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' Did you mean X?' for the closest choice, or '' when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diagnostics)
