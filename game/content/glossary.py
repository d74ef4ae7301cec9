"""The glossary: the period's words (kolkhoz, trudoden', Holodomor ...) with sober definitions.

`assets/glossary.yaml` holds `terms:`, a list of terms, each with the spellings players meet
(`also`), a definition of one to three sentences and at least one published source. It is read
like the card files (YAML 1.2 with positions), and every problem becomes a positioned
Diagnostic, never an exception. `lookup` finds a term by its name or any other spelling.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError
from ruamel.yaml.comments import CommentedMap

from game import paths
from game.content.diagnostics import Diagnostic, did_you_mean
from game.content.yaml_source import Document, read
from game.model.common import ContentModel, Source

GLOSSARY_PATH = paths.ASSETS / "glossary.yaml"


class Term(ContentModel):
    """One word of the period, as the game writes it, with its definition and sources."""

    term: str = Field(min_length=1, max_length=80,
                      description="The word as the game writes it, e.g. 'kolkhoz' or 'trudoden''.")
    also: list[str] = Field(
        default_factory=list,
        description="Other spellings, plurals and translations that find this term, e.g. "
        "['kolkhozy', 'collective farm']. Matched without regard to case.",
    )
    definition: str = Field(min_length=20, max_length=700,
                            description="One to three sober sentences: what the word meant. "
                            "Definitions only; figures only where the fact base verifies them.")
    sources: list[Source] = Field(min_length=1, description="At least one published source "
                                  "(scholarship, a reference work or the document itself).")

    def names(self) -> list[str]:
        """The term and its other spellings."""
        return [self.term, *self.also]


class Glossary(ContentModel):
    """The glossary file: 'terms:' holding a list of terms."""

    terms: list[Term] = Field(min_length=1, description="The terms, in any order.")

    def ordered(self) -> list[Term]:
        """The terms in alphabetical order, as the glossary lists them."""
        return sorted(self.terms, key=lambda t: (_key(t.term).lstrip("'\u201c\""), t.term))


def _key(word: str) -> str:
    """How words are compared: without case, surrounding blanks or typographic apostrophes."""
    return " ".join(word.replace("\u2019", "'").replace("\u2018", "'").split()).casefold()


FIELDS = tuple(sorted({*Term.model_fields, *Glossary.model_fields, *Source.model_fields}))


def _problems(doc: Document, exc: ValidationError) -> list[Diagnostic]:
    out = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        key = False
        if err["type"] == "extra_forbidden":
            key = True
            code = "unknown-field"
            message = f"unknown field '{loc[-1]}'." + did_you_mean(str(loc[-1]), FIELDS)
        elif err["type"] == "missing":
            code = "missing-field"
            message = f"'{loc[-1]}' is required"
        else:
            code = "invalid-value"
            message = err["msg"]
        line, col, written = doc.locate(loc, key=key)
        out.append(Diagnostic(doc.path, line, col, "error", code,
                              ".".join(str(p) for p in written), message))
    return out


def _duplicates(doc: Document, glossary: Glossary) -> list[Diagnostic]:
    """A name (term or alias) may find only one term, and only once."""
    out, seen = [], {}
    for i, term in enumerate(glossary.terms):
        for j, name in enumerate(term.names()):
            loc = ("terms", i, "term") if j == 0 else ("terms", i, "also", j - 1)
            line, col = doc.position(loc)
            key = _key(name)
            if key in seen:
                first_term, first_line = seen[key]
                out.append(Diagnostic(doc.path, line, col, "error", "duplicate-term", ".".join(map(str, loc)),
                                      f"'{name}' already names the term '{first_term}' (line {first_line})"))
            else:
                seen[key] = (term.term, line)
    return out


def load_glossary(path: Path | None = None) -> tuple[Glossary | None, list[Diagnostic]]:
    """The glossary, or None with the reasons; problems carry file, line and column."""
    path = Path(path) if path is not None else GLOSSARY_PATH
    try:
        shown = str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        shown = str(path)
    doc, problems = read(path, shown)
    if doc is None:
        return None, problems
    if doc.data is None:
        return None, [Diagnostic(shown, 1, 1, "error", "empty-file", "", "the file is empty")]
    if not isinstance(doc.data, CommentedMap) or not isinstance(doc.data.get("terms"), list):
        line, col = doc.position(("terms",))
        return None, [Diagnostic(shown, line, col, "error", "not-a-glossary", "terms",
                                 "a glossary file needs 'terms:' holding a list of terms")]
    try:
        glossary = Glossary.model_validate(doc.data)
    except ValidationError as exc:
        return None, sorted(_problems(doc, exc), key=lambda d: (d.line, d.col, d.code))
    problems = _duplicates(doc, glossary)
    return (None if problems else glossary), problems


def lookup(glossary: Glossary, word: str) -> Term | None:
    """The term that `word` names (the term itself or one of its other spellings), any case."""
    key = _key(word)
    if not key:
        return None
    for term in glossary.terms:
        if any(_key(name) == key for name in term.names()):
            return term
    return None
