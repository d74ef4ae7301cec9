"""Content formats change: every step from one format to the next is a pure function here.

A pack says which format its files are written in (`format:` in pack.yaml). The loader reads
an older pack by running its files' data through the steps up to the present format, so a
pack written years ago still plays; `python -m game validate --upgrade` writes the result
back to the files (ruamel.yaml round-trip: comments, order and layout are kept).

The steps work on ruamel's mappings and lists and return a new document; the one they are
given is left as it was. A key a step writes takes the line and column of the key it came
from, so an error in a migrated file still points at the right line.

Formats
  1  the first format.
  2  a drawn card's months are `from:` and `to:`, not `window: [first, last]` (a list with
     nulls in it was the most common thing teachers asked about).
"""

from __future__ import annotations

import copy
from typing import Any, Callable

from ruamel.yaml.comments import CommentedMap

FORMAT = 2   # the content format this game writes and reads


def _v1_window(data: Any, kind: str) -> Any:
    """Format 1 to 2: `window: [first, last]` becomes `from: first` and `to: last`."""
    if kind != "cards" or not isinstance(data, CommentedMap) or not isinstance(data.get("cards"), list):
        return data
    for card in data["cards"]:
        if not isinstance(card, CommentedMap) or "window" not in card or "from" in card or "to" in card:
            continue   # (both ways at once: left as written, for the validator to report)
        window = card["window"]
        if not (isinstance(window, list) and len(window) == 2):
            continue   # left for the validator to report, as written
        at = list(card.keys()).index("window")
        where = card.lc.data.get("window")
        comment = card.ca.items.pop("window", None)
        del card["window"]
        new = [(k, v) for k, v in (("from", window[0]), ("to", window[1])) if v is not None]
        for i, (key, value) in enumerate(new):
            card.insert(at + i, key, value)
            if where is not None:
                card.lc.data[key] = list(where)
        if comment is not None and new:
            card.ca.items[new[-1][0]] = comment
    return data


# Fields an older format had, and what a file in the present format writes instead.
RENAMED = {"window": "since content format 2 a card's months are written 'from: \"1930-01\"' and "
                     "'to: \"1930-04\"', not 'window: [...]'"}

# STEPS[n] takes a file of format n to format n + 1.
STEPS: dict[int, Callable[[Any, str], Any]] = {1: _v1_window}


def migrate(data: Any, kind: str, written_in: int) -> Any:
    """The data of one file (`kind`: cards, level or manifest) written in format `written_in`,
    as the present format reads it."""
    if written_in >= FORMAT:
        return data
    data = copy.deepcopy(data)
    for step in range(written_in, FORMAT):
        data = STEPS[step](data, kind)
    if kind == "manifest" and isinstance(data, CommentedMap) and "format" in data:
        data["format"] = FORMAT
    return data
