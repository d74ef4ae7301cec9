"""Turn content files into validated models, collecting every problem with its position.

A card file holds `cards:` (a list of cards); a level file is one level. Files are read in
sorted path order so that the content, its fingerprint and its errors never depend on the
order the file system lists them in.
"""

from __future__ import annotations

import hashlib
import os
import typing
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap

from game.content import cache as content_cache
from game.content import checks
from game.content.diagnostics import Diagnostic, did_you_mean, has_errors
from game.content.images import pack_images
from game.content.migrations import FORMAT, RENAMED, migrate
from game.content.packs import IMAGES, Pack, base_pack, leads_out, order, owns, select
from game.content.schema import field_names
from game.content.translations import CardWords, TranslationFile, translated, translation_files
from game.content.translations import check as check_translation
from game.content.yaml_source import Document, read
from game.engine.scenario import Scenario
from game.model.card import Card
from game.model.common import ContentModel, deck_matches
from game.model.conditions import Condition
from game.model.effects import Effect
from game.model.level import Level
from game.presentation import ILLUSTRATIONS


@dataclass(frozen=True)
class Origin:
    path: str
    line: int
    pack: str = ""     # the pack the card or level came from ('' for loose files)


@dataclass
class Content:
    cards: dict[str, Card] = field(default_factory=dict)
    levels: dict[str, Level] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)  # card or level id -> where defined
    fingerprint: str = ""
    files: int = 0
    packs: tuple[tuple[str, str], ...] = ()   # (id, version) of each pack, in load order
    images: dict[str, str] = field(default_factory=dict)  # card id -> its pack's picture file
    translations: dict[str, dict[str, CardWords]] = field(default_factory=dict)  # language -> card id -> words
    languages: dict[str, str] = field(default_factory=dict)   # language tag -> its own name

    def in_language(self, language: str) -> "Content":
        """The content with the cards translated into `language` where a pack translates them."""
        words = self.translations.get(language)
        if not words:
            return self
        cards = {cid: translated(card, words[cid]) if cid in words else card for cid, card in self.cards.items()}
        return replace(self, cards=cards)

    def scenario(self, level_id: str, card_sets: tuple[str, ...] | list[str] = ()) -> Scenario:
        """The level with its cards; `card_sets` (a teacher's settings) narrow its deck."""
        return Scenario(level=self.levels[level_id], cards=self.cards, fingerprint=self.fingerprint,
                        card_sets=tuple(card_sets), packs=self.packs,
                        card_packs={cid: self.origins[cid].pack for cid in self.cards if cid in self.origins})


def _shown(path: Path, pack: Pack | None = None) -> str:
    """How a file is named in a problem: within its .zip for a zipped pack, else from the working
    folder where it is inside it. Links are not followed: a link is named as the pack has it."""
    path = Path(os.path.abspath(path))
    if pack is not None and pack.archive is not None:
        folder = Path(os.path.abspath(pack.folder))
        if path.is_relative_to(folder):
            return f"{pack.archive}/{path.relative_to(folder).as_posix()}"
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _kinds(union) -> list[str]:
    """The `kind` tags of a discriminated union (Effect or Condition)."""
    members = typing.get_args(typing.get_args(union)[0])
    return [m.model_fields["kind"].default for m in members]


# Words a writer may reach for that the format spells otherwise (difflib would not find them).
_SAME_MEANING = {"first": "a card's first month is written 'from:'", "start": "a card's first month is written 'from:'",
                 "last": "a card's last month is written 'to:'", "until": "a card's last month is written 'to:'",
                 "end": "a card's last month is written 'to:'"}


def pydantic_problems(doc: Document, exc: ValidationError, prefix: tuple,
                      known: tuple[str, ...] | None = None) -> list[Diagnostic]:
    """Pydantic's errors as diagnostics at their positions; `known` are the field names a
    did-you-mean may suggest (default: every content model's)."""
    out = []
    for err in exc.errors():
        loc = prefix + tuple(err["loc"])
        message = err["msg"]
        key = False
        if err["type"] == "extra_forbidden":
            key = True  # the unknown key is what is wrong, not its value
            on_card = len(loc) == 3 and loc[0] == "cards"          # a field of a card itself
            hint = RENAMED.get(loc[-1]) or (_SAME_MEANING.get(loc[-1]) if on_card else None)
            message = (f"unknown field '{loc[-1]}': {hint}" if hint else
                       f"unknown field '{loc[-1]}'." + did_you_mean(str(loc[-1]), known or field_names()))
            code = "unknown-field"
        elif err["type"] == "missing":
            code = "missing-field"
            message = f"'{loc[-1]}' is required"
        elif err["type"] == "union_tag_invalid":
            code = "unknown-kind"
            loc = loc + ("kind",)  # point at the kind that is wrong
            tag = err.get("ctx", {}).get("tag", "")
            expected = err.get("ctx", {}).get("expected_tags", "")
            message = f"unknown kind '{tag}'; expected one of {expected}." + did_you_mean(
                str(tag), [t.strip(" '") for t in str(expected).split(",")])
        elif err["type"] == "union_tag_not_found":
            code = "missing-field"
            written = [p for p in loc if isinstance(p, str)]
            kinds = _kinds(Effect if written and written[-1] == "effects" else Condition)
            message = "'kind' is required: one of " + ", ".join(f"'{k}'" for k in kinds)
            loc = loc + ("kind",)
        else:
            code = "invalid-value"
        line, col, written = doc.locate(loc, key=key)
        field_path = ".".join(str(p) for p in written)
        out.append(Diagnostic(doc.path, line, col, "error", code, field_path, message))
    return out


def read_model(path: Path, model: type[ContentModel]) -> tuple[Document | None, typing.Any, list[Diagnostic]]:
    """A one-model file (a pack manifest, a teacher's settings): (document, model or None, problems)."""
    doc, problems = read(path, str(path))
    if doc is None:
        return None, None, problems
    try:
        return doc, model.model_validate(doc.data), []
    except ValidationError as exc:
        return doc, None, pydantic_problems(doc, exc, (), tuple(model.model_fields))


def content_files(roots: list[Path]) -> list[Path]:
    found: list[Path] = []
    for root in roots:
        if root.is_dir():
            found += sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml"))
        else:
            found.append(root)
    return sorted(set(found))


def is_level(data) -> bool:
    return isinstance(data, CommentedMap) and "cards" not in data


def fingerprint(files: list[Path]) -> str:
    """A hash of the content files' names and bytes: equal content, equal fingerprint."""
    digest = hashlib.sha256()
    for path in files:
        try:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError:
            pass
    return digest.hexdigest()[:16]


def load(roots: list[Path] | None = None, cache: bool = False,
         packs: list[Pack] | None = None) -> tuple[Content, list[Diagnostic]]:
    """Load every card and level file under `roots` (default: the base game's content), or of
    `packs` in their load order (game/content/packs.py), where each card's id must begin with
    its pack's id.

    With `cache`, content that loaded before without a single problem is read back from the
    cache (game/content/cache.py) when the files have not changed since: the game starts
    without parsing YAML again. `validate` never uses the cache."""
    if packs is None and roots is None:
        packs = [base_pack()]
    escaped: list[Diagnostic] = []
    if packs is not None:
        sources = []
        for pack in packs:
            for path in content_files(list(pack.roots)):
                why = leads_out(path, pack.folder)   # a pack may only bring its own files
                if why:
                    escaped.append(Diagnostic(_shown(path, pack), 0, 0, "error", "outside-pack", "", why))
                else:
                    sources.append((path, pack))
    else:
        sources = [(path, None) for path in content_files(roots)]
    files = [path for path, _ in sources]
    # A manifest changes the content too (disable, decks, replaces): it is part of the fingerprint.
    print_ = fingerprint([*files, *(pack.manifest_path for pack in packs or ())])
    refs = tuple((p.id, p.manifest.version) for p in packs or ())
    if cache:
        cached = content_cache.read(print_)
        if cached is not None and not escaped and not _attach_pack_files(cached, packs or ()):
            cached.packs = refs
            return cached, []
    content, problems = Content(packs=refs), escaped
    card_docs: dict[str, tuple[Document, tuple]] = {}
    level_docs: dict[str, tuple[Document, tuple]] = {}
    for path, pack in sources:
        shown = _shown(path, pack)
        content.files += 1
        doc, found = read(path, shown)
        problems += found
        if doc is None:
            continue
        if pack is not None and pack.manifest.format < FORMAT:
            doc.data = migrate(doc.data, "level" if is_level(doc.data) else "cards", pack.manifest.format)
        if doc.data is None:
            problems.append(Diagnostic(shown, 1, 1, "error", "empty-file", "", "the file is empty"))
        elif is_level(doc.data):
            _load_level(doc, content, problems, level_docs, pack)
        else:
            _load_cards(doc, content, problems, card_docs, pack)
    for pack in packs or ():
        problems += _apply_manifest(pack, content, card_docs)
        if pack.manifest.format < FORMAT:
            how = ("unzip it, run 'python -m game validate --upgrade FOLDER' and zip it again" if pack.archive
                   else f"'python -m game validate --upgrade {pack.folder}' rewrites its files")
            problems.append(Diagnostic(_shown(pack.manifest_path, pack), 0, 0, "warning", "old-format", "format",
                                       f"the pack is written in content format {pack.manifest.format}; the game "
                                       f"reads it by converting it to format {FORMAT} each time: {how}"))
    content.fingerprint = print_
    problems += checks.check(content, card_docs, level_docs)
    problems += _attach_pack_files(content, packs or ())
    problems.sort(key=lambda d: (d.path, d.line, d.col, d.code))
    if cache and not problems:
        content_cache.write(content)
    return content, problems


def _attach_pack_files(content: Content, packs: list[Pack]) -> list[Diagnostic]:
    """A pack's pictures and translations: read on every load (they change no rule, so they are
    neither in the fingerprint nor in the cache)."""
    return _attach_images(content, packs) + _attach_translations(content, packs)


def _attach_translations(content: Content, packs: list[Pack]) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    content.translations, content.languages = {}, {}
    for pack in packs:
        for path in translation_files(pack.folder):
            shown = _shown(path, pack)
            why = leads_out(path, pack.folder)
            if why:
                problems.append(Diagnostic(shown, 0, 0, "error", "outside-pack", "", why))
                continue
            doc, words, found = read_model(path, TranslationFile)
            problems += [replace(d, path=shown) for d in found]
            if words is None:
                continue
            problems += check_translation(shown, doc, words, content.cards, content.origins, pack.id)
            content.languages.setdefault(words.language, words.name)
            into = content.translations.setdefault(words.language, {})
            into.update({cid: w for cid, w in words.cards.items() if cid in content.cards
                         and len(w.choices) == len(content.cards[cid].choices)})
    return problems


def _attach_images(content: Content, packs: list[Pack]) -> list[Diagnostic]:
    """Find each card's own picture in its pack's `images/` (checked: game/content/images.py);
    a card naming a picture that is neither the game's nor its pack's is a warning."""
    problems, by_pack = [], {}
    for pack in packs:
        by_pack[pack.id], found = pack_images(pack.folder, lambda path, pack=pack: _shown(path, pack))
        problems += found
    content.images = {}
    for cid, card in content.cards.items():
        origin = content.origins.get(cid)
        own = by_pack.get(origin.pack, {}) if origin else {}
        if card.illustration in own:
            content.images[cid] = own[card.illustration]
        elif card.illustration not in ILLUSTRATIONS and origin is not None:
            problems.append(Diagnostic(origin.path, origin.line, 0, "warning", "unknown-illustration",
                                       "illustration", f"'{cid}' shows '{card.illustration}', which is neither one "
                                       f"of the game's pictures nor in its pack's {IMAGES}/ folder; a village is "
                                       "drawn instead." + did_you_mean(card.illustration, [*ILLUSTRATIONS, *own])))
    return problems


def _load_cards(doc: Document, content: Content, problems: list[Diagnostic],
                card_docs: dict, from_pack: Pack | None) -> None:
    pack = from_pack.id if from_pack else ""
    replaces = set(from_pack.manifest.replaces) if from_pack else set()
    cards = doc.data.get("cards") if isinstance(doc.data, CommentedMap) else None
    if not isinstance(cards, list):
        line, col = doc.position(("cards",))
        problems.append(Diagnostic(doc.path, line, col, "error", "not-a-card-file", "cards",
                                   "a card file needs 'cards:' holding a list of cards"))
        return
    extra = [k for k in doc.data if k != "cards"]
    for key in extra:
        line, col = doc.position((key,))
        problems.append(Diagnostic(doc.path, line, col, "error", "unknown-field", str(key),
                                   f"unknown top-level field '{key}' (a card file has only 'cards')"))
    for i, raw in enumerate(cards):
        prefix = ("cards", i)
        try:
            card = Card.model_validate(raw)
        except ValidationError as exc:
            problems += pydantic_problems(doc, exc, prefix)
            continue
        line, _ = doc.position(prefix)
        if pack and not card.id.startswith(pack + ".") and card.id not in replaces:
            col = doc.position(prefix + ("id",))[1]
            problems.append(Diagnostic(doc.path, line, col, "error", "wrong-namespace", f"cards.{i}.id",
                                       f"card id '{card.id}' must begin with its pack's id: "
                                       f"'{pack}.{card.id.rpartition('.')[2]}'"))
            continue
        if card.id in replaces and card.id not in content.cards:
            col = doc.position(prefix + ("id",))[1]
            problems.append(Diagnostic(doc.path, line, col, "warning", "replaces-nothing", f"cards.{i}.id",
                                       f"the pack says it replaces '{card.id}', but no pack loaded before "
                                       f"it has that card." + did_you_mean(card.id, content.cards)))
        if card.id in content.cards and card.id not in replaces:
            first = content.origins[card.id]
            col = doc.position(prefix + ("id",))[1]
            problems.append(Diagnostic(doc.path, line, col, "error", "duplicate-id", f"cards.{i}.id",
                                       f"card id '{card.id}' is already defined at {first.path}:{first.line}"))
            continue
        content.cards[card.id] = card
        content.origins[card.id] = Origin(doc.path, line, pack)
        card_docs[card.id] = (doc, prefix)


def _load_level(doc: Document, content: Content, problems: list[Diagnostic], level_docs: dict,
                from_pack: Pack | None) -> None:
    pack = from_pack.id if from_pack else ""
    try:
        level = Level.model_validate(doc.data)
    except ValidationError as exc:
        problems += pydantic_problems(doc, exc, ())
        return
    if level.id in content.levels:
        first = content.origins[f"level:{level.id}"]
        line, col = doc.position(("id",))
        problems.append(Diagnostic(doc.path, line, col, "error", "duplicate-id", "id",
                                   f"level id '{level.id}' is already defined in {first.path}"))
        return
    content.levels[level.id] = level
    content.origins[f"level:{level.id}"] = Origin(doc.path, 1, pack)
    level_docs[level.id] = (doc, ())


def _apply_manifest(pack: Pack, content: Content, card_docs: dict) -> list[Diagnostic]:
    """A pack's `disable` and `decks`, and a check that what it `replaces` was there to replace."""
    problems = []
    where = _shown(pack.manifest_path, pack)
    doc, _ = read(pack.manifest_path, where)   # read once more, for the lines of its problems

    def problem(field: str, code: str, message: str) -> None:
        line, col = doc.position(tuple(int(p) if p.isdigit() else p for p in field.split("."))) if doc else (0, 0)
        problems.append(Diagnostic(where, line, col, "warning", code, field, message))

    for i, cid in enumerate(pack.manifest.replaces):
        origin = content.origins.get(cid)
        if origin is None or origin.pack != pack.id:
            problem(f"replaces.{i}", "replaces-nothing", f"the pack brings no card '{cid}' to put in its place.")
    gone = set(pack.manifest.disable)
    needed = {target: f"the deck of level '{lid}' names it" for lid, level in content.levels.items()
              for target in level.deck}
    needed |= {target: f"'{cid}' refers to it" for cid, card in content.cards.items() if cid not in gone
               for target in checks.references(card)}
    for i, cid in enumerate(pack.manifest.disable):
        if cid in needed:   # taking it out would break a card that stays: the pack's error, not theirs
            problems.append(Diagnostic(where, *(doc.position(("disable", i)) if doc else (0, 0)), "error",
                                       "needed-card", f"disable.{i}", f"'{cid}' cannot be taken out: "
                                       f"{needed[cid]} (disable that card too, or replace the card)"))
        elif cid in content.cards:
            del content.cards[cid], content.origins[cid]
            card_docs.pop(cid, None)
        else:
            problem(f"disable.{i}", "unknown-card", f"no card '{cid}' to disable." + did_you_mean(cid, content.cards))
    for level_id, entries in pack.manifest.decks.items():
        level = content.levels.get(level_id)
        if level is None:
            problem(f"decks.{level_id}", "unknown-level", f"no level '{level_id}' to add cards to."
                    + did_you_mean(level_id, content.levels))
            continue
        for i, entry in enumerate(entries):
            if not any(deck_matches(entry, cid) for cid in content.cards):
                problem(f"decks.{level_id}.{i}", "unknown-card", f"no card matches '{entry}' for the deck of "
                        f"'{level_id}'." + did_you_mean(entry, content.cards))
        content.levels[level_id] = level.model_copy(update={"deck": [*level.deck, *entries]})
    return problems


def load_game(mods: list[str] | tuple[str, ...] = (), cache: bool = True,
              disabled: list[str] | tuple[str, ...] = (),
              preferred: list[str] | tuple[str, ...] = (), language: str = "en") -> tuple[Content, list[Diagnostic]]:
    """The content a game is played with: the base game, the installed packs (but those the
    player turned off, in the player's `preferred` order) and `mods`, its cards in `language`
    where a pack translates them."""
    packs, problems = select(list(mods), disabled=disabled, preferred=preferred)
    left_out = [_not_loaded(d) for d in problems]
    while True:
        content, found = load(packs=packs, cache=cache)
        broken = [pack for pack in packs[1:]
                  if any(d.severity == "error" and owns(pack, d.path) for d in found)]
        if not broken and has_errors(found) and len(packs) > 1:
            # Errors in no pack's own files, that come with the packs (an edge the checks missed):
            # leave out the last pack loaded, and say so, rather than stop the base game.
            broken = [packs[-1]]
            found = found + [Diagnostic(_shown(packs[-1].manifest_path, packs[-1]), 0, 0, "error", "breaks-game",
                                        "", "with this pack loaded the game's content has the errors above")]
        if not broken:   # the base game plays even when a pack is broken: the pack is left out
            return content.in_language(language), left_out + found
        left_out += [_not_loaded(d) for d in found if any(owns(p, d.path) for p in broken)
                     or not any(owns(p, d.path) for p in packs[1:])]
        # A pack that required a broken one cannot load either: order() leaves it out, and says so.
        packs, dropped = order(packs[0], [p for p in packs[1:] if all(p.id != b.id for b in broken)])
        left_out += [_not_loaded(d) for d in dropped]


NOT_LOADED = " (the pack is not loaded)"


def _not_loaded(d: Diagnostic) -> Diagnostic:
    """A pack's error, as a warning for the game: the pack is not loaded, the game plays on."""
    return replace(d, severity="warning", message=d.message + NOT_LOADED)


def load_scenario(level_id: str, roots: list[Path] | None = None, card_sets: tuple[str, ...] | list[str] = (),
                  mods: list[str] | tuple[str, ...] = (), language: str = "en") -> tuple[Scenario | None, list[Diagnostic]]:
    """The scenario for one level, or None with the reasons when the content has errors."""
    content, problems = load(roots) if roots is not None else load_game(mods, language=language)
    if level_id not in content.levels:
        known = sorted(content.levels)
        problems.append(Diagnostic("", 0, 0, "error", "unknown-level", "",
                                   f"no level '{level_id}'; levels are {', '.join(known) or 'none'}."
                                   + did_you_mean(level_id, known)))
        return None, problems
    if has_errors(problems):
        return None, problems
    return content.scenario(level_id, card_sets), problems
