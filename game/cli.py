"""The command line: python -m game play|text|simulate|validate|schema|replay|debrief|verify|class."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

from game import __version__, paths, saves
from game.content.diagnostics import Diagnostic, did_you_mean, has_errors
from game.content.loader import load, load_game, load_scenario
from game.content.packs import is_pack, select
from game.engine.calibration import check_all
from game.engine.policies import POLICIES
from game.engine.scenario import Scenario
from game.engine.scoring import ledgers
from game.engine.simulate import play as play_policy
from game.engine.turn import state_hash

DEFAULT_LEVEL = "great-break"


def _seed(value: str | None) -> int:
    return int(value) if value is not None else int.from_bytes(os.urandom(4), "big")


def _print_problems(problems: list[Diagnostic], stream=sys.stderr) -> None:
    for d in problems:
        print(d, file=stream)


def _scenario_or_exit(level: str, card_sets=(), mods=(), made_with=(), language: str = "en") -> Scenario:
    """The level's scenario; `made_with`: the packs a saved game recorded (to name missing ones)."""
    scenario, problems = load_scenario(level, card_sets=card_sets, mods=mods, language=language)
    if scenario is None and any(d.code == "unknown-level" for d in problems):
        present = {pid for pid, _ in _present(mods)}
        missing = [f"{pid} {version}" for pid, version in made_with if pid not in present]
    else:
        missing = []
    if missing:
        print(f"The game was made with packs that are not loaded: {', '.join(missing)}. Add each with "
              "--mod PATH (its folder or .zip), or install it in a mods folder.", file=sys.stderr)
        raise SystemExit(1)
    if scenario is None:
        print(f"The level '{level}' cannot start because its content has errors:", file=sys.stderr)
        _print_problems([d for d in problems if d.severity == "error"])
        raise SystemExit(1)
    return scenario


def _present(mods) -> tuple:
    """The packs loaded with `mods`: (id, version) pairs."""
    return tuple((p.id, p.manifest.version) for p in select(list(mods))[0])


def cmd_play(args) -> int:
    import pygame

    from game.ui.app import App
    settings = _class_settings_or_exit(args.class_settings, args.mod)
    try:
        app = App(class_settings=settings, mods=args.mod, watch=args.watch)
    except (pygame.error, OSError) as exc:  # no display, no video driver: say so, offer the terminal
        print(f"The game window cannot open here ({exc}).", file=sys.stderr)
        print(f"You can play the whole game in the terminal:  python -m game text --level {args.level}",
              file=sys.stderr)
        if not sys.stdin.isatty():
            return 1
        if input("Play in the terminal now? [Y/n] ").strip().lower() not in ("", "y", "yes"):
            return 1
        args.load, args.save = None, None
        return cmd_text(args)
    app.run()
    return 0


def _class_settings_or_exit(path: str | None, mods=()):
    """The teacher's settings, or None; a broken file stops with its problems (exit 1)."""
    if not path:
        return None
    from game.content.classroom import load_class_settings
    content, _ = load_game(mods)
    settings, problems = load_class_settings(Path(path), content)
    if settings is None:
        print("The class settings file cannot be used:", file=sys.stderr)
        _print_problems(problems)
        raise SystemExit(1)
    return settings


def cmd_text(args) -> int:
    from game.session import Session
    from game.text.play import TextGame

    settings = _class_settings_or_exit(getattr(args, "class_settings", None), args.mod)
    if settings is not None:
        args.level, args.seed = settings.level, settings.seed

    autosave = Path(args.save) if args.save else paths.AUTOSAVE
    if args.load:
        try:
            save = saves.read(Path(args.load))
        except saves.SaveError as exc:
            print(f"Cannot load: {exc}", file=sys.stderr)
            return 1
        scenario = _scenario_or_exit(save.level, save.card_sets, args.mod, save.packs, getattr(args, "language", "en"))
        try:
            session = saves.resume(save, scenario, args.load)
        except saves.SaveError as exc:
            print(f"Cannot load: {exc}", file=sys.stderr)
            return 1
    else:
        scenario = _scenario_or_exit(args.level, settings.card_sets if settings is not None else (), args.mod,
                                     language=getattr(args, "language", "en"))
        session = Session.start(scenario, _seed(args.seed))
    return TextGame(session, sys.stdin, sys.stdout, autosave=autosave, class_settings=settings,
                    mods=tuple(args.mod)).run()


def _month_series(state) -> list[dict]:
    """One entry a month: stocks on the first of the month, flows during it."""
    return [{"date": h["date"], "turn": h["turn"], "collectivized_share": h["collectivized_share"],
             "grain_t": h["grain"], "seed_t": h["seed"], "grain_delivered_t": h["grain_delivered"],
             "horses": h["horses"], "cattle": h["cattle"], "pigs": h["pigs"], "sheep": h["sheep"],
             "population": h["population"], "deaths": h["flows"]["deaths"],
             "deaths_total": h["deaths"], "fled": h["flows"]["fled"],
             "deported": h["flows"]["deported"], "harvest_t": h["flows"]["harvest"],
             "delivered_t": h["flows"]["delivered"], "hunger": h["hunger"],
             "disturbances": h["flows"]["disturbances"], "unrest": h["flows"]["unrest"],
             "standing": h["standing"]} for h in state.history]


def cmd_simulate(args) -> int:
    scenario = _scenario_or_exit(args.level, mods=args.mod)
    base_seed = _seed(args.seed)
    if args.runs == 1:
        result = play_policy(scenario, base_seed, args.policy)
        s = result.state
        out = {"level": args.level, "policy": args.policy, "seed": base_seed,
               "units": {"collectivized_share": "share of households, on the first of the month",
                         "grain_t": "t", "horses": "head", "deaths": "people in the month",
                         "hunger": "index 0-100, mean of the villages",
                         "disturbances": "incidents in the month",
                         "unrest": "expected mass disturbances in the month (open resistance)",
                         "standing": "points 0-100"},
               "turns": _month_series(s), "ending": s.ending,
               "targets": [{"check": r.target.check, "series": r.target.series, "date": r.target.date,
                            "until": r.target.until, "low": r.target.low, "high": r.target.high,
                            "value": r.value, "ok": r.ok, "record": r.target.record.strip()}
                           for r in check_all(s, scenario.level.targets)],
               "ledgers": ledgers(s, scenario, s.initial), "hash": state_hash(s)}
        if args.json:
            print(json.dumps(out, indent=1))
        else:
            for t in out["turns"]:
                print(f"{t['date']}  kolkhoz {t['collectivized_share']:6.1%}  grain {t['grain_t']:8,.0f} t  "
                      f"cattle {t['cattle']:6,.0f}  horses {t['horses']:6,.0f}  deaths {t['deaths']:5,.0f}  "
                      f"unrest {t['unrest']:5.2f}  delivered {t['delivered_t']:6,.0f} t  standing {t['standing']:5.1f}")
            print(f"ending: {s.ending}")
            for r in check_all(s, scenario.level.targets):
                print(r.describe())
        return 0
    endings: Counter = Counter()
    drawn: Counter = Counter()
    deaths, shares, standing = [], [], []
    show_bar = sys.stderr.isatty()
    for i in range(args.runs):
        s = play_policy(scenario, base_seed + i, args.policy).state
        endings[s.ending] += 1
        drawn.update(s.seen.keys())
        deaths.append(s.initial and sum(v.deaths for v in s.villages))
        shares.append(sum(v.households_kolkhoz for v in s.villages) / max(1, sum(v.households for v in s.villages)))
        standing.append(s.standing)
        if show_bar:
            done = (i + 1) * 30 // args.runs
            print(f"\r[{'#' * done}{'.' * (30 - done)}] {i + 1}/{args.runs}", end="", file=sys.stderr)
    if show_bar:
        print(file=sys.stderr)

    def spread(xs, digits=3):
        xs = sorted(xs)
        return {"min": round(xs[0], digits), "median": round(xs[len(xs) // 2], digits), "max": round(xs[-1], digits)}

    from game.content.summary import shown_in_level
    can = shown_in_level(scenario)      # the deck's cards whose months or date fall in the level
    summary = {"level": args.level, "policy": args.policy, "runs": args.runs, "first_seed": base_seed,
               "endings": dict(sorted(endings.items())), "deaths": spread(deaths, None),
               "collectivized_share_at_end": spread(shares), "standing_at_end": spread(standing),
               "cards_never_drawn": sorted(cid for cid in can if not drawn[cid]),
               "cards_drawn": {cid: round(drawn[cid] / args.runs, 3) for cid in sorted(drawn)}}
    if args.json:
        print(json.dumps(summary, indent=1))
    else:
        print(f"{args.runs} games of {args.level} with the {args.policy} policy:")
        for ending, n in summary["endings"].items():
            print(f"  {ending:<14} {n:5d}  {n / args.runs:6.1%}")
        for key in ("deaths", "collectivized_share_at_end", "standing_at_end"):
            print(f"  {key}: {summary[key]}")
        never = summary["cards_never_drawn"]
        print(f"  cards that can come up in the level's months: {len(can)}; never drawn in these games: "
              f"{len(never)}" + (f" ({', '.join(never)})" if never else ""))
        ours = [cid for cid in sorted(can) if scenario.card_packs.get(cid, "base") != "base"]
        for cid in ours:   # a pack's own cards: how often each came
            print(f"  {cid:<40} came in {summary['cards_drawn'].get(cid, 0):6.1%} of the games")
    return 0


def cmd_validate(args) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"validate: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    # A pack's folder or .zip given as a path is checked as a pack, in its load order.
    packs_given = [p for p in args.paths if is_pack(Path(p))]
    roots = [Path(p) for p in args.paths if not is_pack(Path(p))] or None
    if packs_given and roots:
        print("validate: give pack folders (with their pack.yaml) or loose card and level files, not both: "
              f"{', '.join(packs_given)} are packs, {', '.join(map(str, roots))} are not", file=sys.stderr)
        return 2
    args.mod += packs_given
    if args.upgrade:
        code = _upgrade(args)
        if code or args.dry_run:
            return code
    packs, problems = ([], []) if roots else select(args.mod)
    content, found = load(roots, packs=packs or None)
    problems += found
    if args.explain:
        return _explain(content, problems, args)
    if roots is None:  # the game's own content: its glossary too
        from game.content.glossary import load_glossary
        problems += load_glossary()[1]
    if args.json:
        print(json.dumps({"files": content.files, "cards": len(content.cards), "levels": len(content.levels),
                          "packs": [{"id": p.id, "version": p.manifest.version, "folder": str(p.folder)}
                                    for p in packs],
                          "problems": [d.to_json() for d in problems]}, indent=1))
    else:
        if packs:
            print("Load order: " + ", ".join(f"{p.id} {p.manifest.version}" for p in packs))
        _print_problems(problems, sys.stdout)
        errors = sum(d.severity == "error" for d in problems)
        warnings = len(problems) - errors
        print(f"{content.files} files, {len(content.cards)} cards, {len(content.levels)} levels: "
              f"{errors} errors, {warnings} warnings")
        if not errors:
            from game.content.summary import summary
            print("\n".join(summary(content)))
    return 1 if has_errors(problems) else 0


def _upgrade(args) -> int:
    """`validate --upgrade [--dry-run] PACK`: rewrite the named packs in the present format."""
    from game.content.packs import discover, mod_folders, resolve
    from game.content.upgrade import apply, changes
    named, problems = resolve(args.mod, discover(mod_folders())[0])
    if not args.mod:
        print("validate --upgrade: name the pack to upgrade: python -m game validate --upgrade PACK_FOLDER",
              file=sys.stderr)
        return 2
    if problems:
        _print_problems(problems)
        return 1
    for pack in named:
        found, skipped = changes(pack)
        for line in skipped:
            print(line, file=sys.stderr)
        if args.dry_run:
            print("".join(c.diff() for c in found) or f"{pack.id}: nothing to upgrade")
        else:
            apply(found)
            print(f"{pack.id}: {len(found)} file{'s' if len(found) != 1 else ''} upgraded"
                  + "".join(f"\n  {c.path}" for c in found))
        if skipped:
            return 1
    return 0


def _explain(content, problems, args) -> int:
    """`validate --explain CARD --level ID --turn N`: the card's checks at that turn of the level,
    reached by the historical policy on the given seed."""
    from game.engine.explain import explain
    from game.engine.simulate import play_until

    if has_errors(problems):
        _print_problems([d for d in problems if d.severity == "error"])
        return 1
    if args.level not in content.levels:
        print(f"validate: no level '{args.level}'.{did_you_mean(args.level, content.levels)}", file=sys.stderr)
        return 2
    if args.explain not in content.cards:
        print(f"validate: no card '{args.explain}'.{did_you_mean(args.explain, content.cards)}", file=sys.stderr)
        return 2
    scenario = content.scenario(args.level)
    state = play_until(scenario, args.seed, "historical", args.turn)
    if state.turn < args.turn:
        print(f"validate: the level '{args.level}' ends at turn {state.turn} (with the historical policy and "
              f"seed {args.seed}); choose --turn 1 to {state.turn}.", file=sys.stderr)
        return 2
    lines = explain(scenario, state, args.explain)
    origin = content.origins.get(args.explain)
    if origin is not None:   # provenance: which pack, which file and line the final card comes from
        lines.insert(1, f"- from pack '{origin.pack or '(loose files)'}', {origin.path}:{origin.line}")
    print("\n".join(lines))
    return 0


def cmd_schema(args) -> int:
    if args.reference:
        from game.content.reference import reference
        Path(args.reference).write_text(reference(), encoding="utf-8")
        print(args.reference)
    if args.out:
        from game.content.schema import write_schemas
        for path in write_schemas(Path(args.out)):
            print(path)
    return 0


def cmd_bibliography(args) -> int:
    from game.content.bibliography import markdown
    from game.content.glossary import load_glossary
    # The base game alone by default (docs/bibliography.md); with --mod, the packs' works too.
    content, problems = load(packs=select(args.mod)[0]) if args.mod else load()
    if has_errors(problems):
        _print_problems([d for d in problems if d.severity == "error"])
        return 1
    text = markdown(content, load_glossary()[0])
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(args.out)
    else:
        print(text, end="")
    return 0


def _load_session(path: str, mods=()):
    """A game from a save file, or a reason on stderr and None."""
    try:
        save = saves.read(Path(path))
        scenario = _scenario_or_exit(save.level, save.card_sets, mods, save.packs)
        return saves.resume(save, scenario, path)
    except saves.SaveError as exc:
        print(f"Cannot read the game: {exc}", file=sys.stderr)
        return None


def cmd_debrief(args) -> int:
    from game.debrief.result import make_result
    session = _load_session(args.save, args.mod)
    if session is None:
        return 1
    if args.json:
        Path(args.json).write_text(make_result(session).model_dump_json(indent=1), encoding="utf-8")
        print(args.json)
    if args.html:
        from game.debrief.data import build
        from game.debrief.html import render
        Path(args.html).write_text(render(build(session)), encoding="utf-8")
        print(args.html)
    if not (args.json or args.html):
        print("Say where to write the debrief: --html FILE and/or --json FILE", file=sys.stderr)
        return 2
    return 0


def cmd_verify(args) -> int:
    from game.debrief.result import ResultError, read_result, verify
    try:
        result = read_result(Path(args.result))
    except ResultError as exc:
        print(f"Not verified: {exc}")
        return 1
    scenario = _scenario_or_exit(result.level, result.card_sets, args.mod, result.packs or ())
    verdict = verify(result, scenario)
    print(("Verified: " if verdict.ok else "Not verified: ") + verdict.message)
    return 0 if verdict.ok else 1


def cmd_class(args) -> int:
    from game.debrief.classroom import render_html, summarize, to_json
    if not (args.json or args.html):
        print("Say what to make: --html FILE and/or --json", file=sys.stderr)
        return 2
    content, problems = load_game(args.mod)
    if has_errors(problems):
        print("The game's content has errors, so no result can be checked:", file=sys.stderr)
        _print_problems([d for d in problems if d.severity == "error"])
        return 1
    summary = summarize([Path(args.results)], content)
    counted = f"{summary.files} files: {summary.students} counted, {len(summary.rejected)} set aside"
    print(counted + (":" if summary.rejected else "."), file=sys.stderr)
    for r in summary.rejected:
        print(f"  {r.file}: {r.reason}", file=sys.stderr)
    if summary.note:
        print(summary.note, file=sys.stderr)
    if not summary.students:
        print("No result file verifies: there is no class summary to make.", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(to_json(summary), indent=1, ensure_ascii=False))
    if args.html:
        Path(args.html).write_text(render_html(summary), encoding="utf-8")
        print(args.html, file=sys.stderr if args.json else sys.stdout)
    return 0


def _folder(value: str) -> str:
    if not Path(value).is_dir():
        raise argparse.ArgumentTypeError(f"no such folder: '{value}'")
    return value


def cmd_branch(args) -> int:
    from game.engine.branch import branch
    from game.engine.turn import InvalidDecision
    from game.model.decision import CardChoice
    session = _load_session(args.save, args.mod)
    if session is None:
        return 1
    choices = [(i, d) for i, d in enumerate(session.decisions) if d.kind == "choice"]
    if args.at is None:
        for n, (i, d) in enumerate(choices, 1):
            card = session.scenario.cards[d.card]
            print(f"{n:3d}. {card.title} - took {d.choice + 1}: {card.choices[d.choice].label}")
        print("Branch with: --at N --choice K (the card's choice number, from 1)")
        return 0
    if not 1 <= args.at <= len(choices):
        print(f"--at must be from 1 to {len(choices)}", file=sys.stderr)
        return 2
    index, original = choices[args.at - 1]
    instead = CardChoice(card=original.card, choice=args.choice - 1)
    try:
        result = branch(session.scenario, session.seed, session.decisions, index, instead)
    except InvalidDecision as exc:
        print(f"That choice cannot be taken there: {exc}", file=sys.stderr)
        return 1
    a = ledgers(result.original, session.scenario, result.original.initial)
    b = ledgers(result.branched, session.scenario, result.branched.initial)
    print(f"Decision {args.at}: {session.scenario.cards[original.card].title}: "
          f"choice {original.choice + 1} as played, choice {args.choice} in the branch "
          f"({result.kept} later decisions kept, {result.replaced} taken by the historical policy).")
    print(f"{'':32}{'as played':>16}{'the branch':>16}")
    print(f"{'ending':32}{str(result.original.ending):>16}{str(result.branched.ending):>16}")
    for side in ("centre", "villages"):
        for key, value in a[side].items():
            if isinstance(value, dict):
                for k, v in value.items():
                    print(f"{(key + ' ' + k):32}{v:>16}{b[side][key][k]:>16}")
            else:
                print(f"{key:32}{str(value):>16}{str(b[side][key]):>16}")
    return 0


def cmd_replay(args) -> int:
    try:
        save = saves.read(Path(args.save))
        scenario = _scenario_or_exit(save.level, save.card_sets, args.mod, save.packs)
        session = saves.resume(save, scenario, args.save)
    except saves.SaveError as exc:
        print(f"Cannot replay: {exc}", file=sys.stderr)
        return 1
    replayed = state_hash(session.state)
    print(replayed)
    if replayed != state_hash(save.snapshot):
        print("warning: the replayed state differs from the snapshot stored in the save", file=sys.stderr)
        return 1
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m game", description="The Great Break: a strategy game "
                                "about Soviet collectivization, 1928-1933, for history classrooms.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command")

    play = sub.add_parser("play", help="play the game (the default)")
    play.add_argument("--level", default=DEFAULT_LEVEL)
    play.add_argument("--seed", type=int)
    play.add_argument("--class-settings", metavar="FILE", help="the teacher's settings file (locked)")
    play.add_argument("--watch", action="store_true", help="for card writers: reload the content between "
                      "turns when a file changed (errors are shown, the last good content kept)")

    text = sub.add_parser("text", help="play in the terminal, one numbered question at a time")
    text.add_argument("--level", default=DEFAULT_LEVEL, help="level id (default: %(default)s)")
    text.add_argument("--seed", type=int, help="seed: the same seed and choices give the same game")
    text.add_argument("--load", metavar="SAVE", help="continue a saved game")
    text.add_argument("--save", metavar="PATH", help="where to save (default: saves/autosave.json)")
    text.add_argument("--class-settings", metavar="FILE", help="the teacher's settings file (locked)")
    text.add_argument("--language", default="en", help="the language of the cards, where a pack translates "
                      "them (e.g. uk); the game's own words stay English")

    sim = sub.add_parser("simulate", help="play games headless with a scripted policy")
    sim.add_argument("--level", default=DEFAULT_LEVEL)
    sim.add_argument("--policy", choices=POLICIES, default="historical")
    sim.add_argument("--seed", type=int, default=1)
    sim.add_argument("--runs", type=int, default=1)
    sim.add_argument("--json", action="store_true", help="print JSON")

    val = sub.add_parser("validate", help="check cards and levels; exit status 1 on any error")
    val.add_argument("paths", nargs="*", help="files or folders (default: the game's content)")
    val.add_argument("--json", action="store_true")
    val.add_argument("--explain", metavar="CARD_ID", help="why the card does or does not come up "
                     "(with --level, --turn and --seed)")
    val.add_argument("--level", default=DEFAULT_LEVEL, help="the level for --explain (default: %(default)s)")
    val.add_argument("--turn", type=int, default=1, help="the turn for --explain, reached by the historical "
                     "policy (default: 1)")
    val.add_argument("--seed", type=int, default=1, help="the seed for --explain (default: 1)")
    val.add_argument("--upgrade", action="store_true", help="rewrite the packs named (PATHS or --mod) in the "
                     "present content format, keeping comments; then check them")
    val.add_argument("--dry-run", action="store_true", help="with --upgrade: show the changes, write nothing")

    sch = sub.add_parser("schema", help="write JSON Schemas of the card and level formats")
    sch.add_argument("--out", metavar="DIR", help="write the JSON Schemas here")
    sch.add_argument("--reference", metavar="FILE", help="write the format reference for modders (Markdown), "
                     "e.g. docs/modding/reference.md")

    deb = sub.add_parser("debrief", help="the debrief of a saved game, as HTML and a result file")
    deb.add_argument("save")
    deb.add_argument("--html", metavar="FILE", help="a self-contained report (prints on A4)")
    deb.add_argument("--json", metavar="FILE", help="the result file a student hands in")

    ver = sub.add_parser("verify", help="replay a result file and confirm its outcome")
    ver.add_argument("result")

    cls = sub.add_parser("class", help="a class's result files, checked and summed up on one page")
    cls.add_argument("results", type=_folder, metavar="RESULTS_DIR",
                     help="the folder of the result files students handed in")
    cls.add_argument("--html", metavar="FILE", help="write a self-contained page for the projector")
    cls.add_argument("--json", action="store_true", help="print the summary as JSON")

    brn = sub.add_parser("branch", help="take another choice at a past decision; compare the two games")
    brn.add_argument("save")
    brn.add_argument("--at", type=int, help="the decision (a card choice, numbered from 1; omit to list them)")
    brn.add_argument("--choice", type=int, default=1, help="the other choice to take, from 1")

    bib = sub.add_parser("bibliography", help="every work the game cites, as Markdown")
    bib.add_argument("--out", metavar="FILE", help="write it to FILE (default: print)")

    rep = sub.add_parser("replay", help="replay a save's decision log and print the final state's hash")
    rep.add_argument("save")
    for name, command in sub.choices.items():
        if name != "schema":
            command.add_argument("--mod", action="append", default=[], metavar="PATH_OR_ID",
                                 help="a pack folder, or the id of an installed pack, to load after the others")
    return p


def main(argv: list[str] | None = None) -> int:
    p = parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version"):
        argv = ["play", *argv]  # `python -m game --seed 3` plays, as `python -m game` does
    args = p.parse_args(argv)
    if args.command is None:
        args = p.parse_args(["play"])
    if getattr(args, "runs", 1) < 1:
        p.error("--runs must be at least 1")
    if args.command == "schema" and not (args.out or args.reference):
        p.error("say where: --out DIR (JSON Schemas) or --reference FILE (the format reference)")
    handler = {"play": cmd_play, "text": cmd_text, "simulate": cmd_simulate, "validate": cmd_validate,
               "schema": cmd_schema, "replay": cmd_replay, "bibliography": cmd_bibliography,
               "debrief": cmd_debrief, "verify": cmd_verify, "class": cmd_class,
               "branch": cmd_branch}[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("\nStopped.", file=sys.stderr)
        return 130
