"""Packs from anyone, fuzzed: whatever a pack holds, the loader answers with diagnostics that name
the pack's files, never with an exception; a valid pack loads clean; a broken pack is left out
and the base game still starts. The cases are built by tools/fuzz.py (the long run:
`python tools/fuzz.py --cases 10000`); here a few hundred, with hypothesis."""

from __future__ import annotations

import importlib.util
import re
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]


def _load_tool():
    spec = importlib.util.spec_from_file_location("fuzz_tool", ROOT / "tools" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module          # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


fuzz = _load_tool()

# Deterministic, and no shrinking: a failure shows the first failing pack in full (tools/fuzz.py
# shrinks failures of its own run to a small file).
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    phases=[Phase.explicit, Phase.generate],
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module", autouse=True)
def loader_harness():
    """The loader as `validate --mod` calls it; the base game parsed once; no installed mods."""
    with fuzz.harness():
        yield


def check(case) -> None:
    """Load the case's packs; fail with the files and the findings when anything is wrong."""
    with tempfile.TemporaryDirectory(prefix="fuzz-test-") as tmp:
        where = Path(tmp)
        files = case.files()
        fuzz.materialize(files, where)
        _, findings = fuzz.run_checks(case, where, timeout=30)
    if findings:
        shown = "\n".join(f"--- {rel}:\n{fuzz.shown_bytes(content, 1500)}" for rel, content in sorted(files.items()))
        pytest.fail(shown + "\n\n" + "\n\n".join(f"{f.category}: {f.signature}\n{f.detail}" for f in findings),
                    pytrace=False)


def pack_case(files: dict, manifest: str | bytes | None = None, pid: str = "fz", game: bool = True):
    """A case of one pack folder `pack` with these files (and a valid manifest unless given)."""
    spec = fuzz.PackSpec("pack", {"pack.yaml": (manifest if manifest is not None else fuzz.manifest_text(pid))})
    spec.files = {k: v.encode() if isinstance(v, str) else v for k, v in {**spec.files, **files}.items()}
    return fuzz.Case(0, "test", [spec], ["pack"], game=game)


# --- Real files of the base game, mutated ---------------------------------------------------

@settings(SETTINGS, max_examples=50)
@given(rng=st.randoms(use_true_random=False))
def test_a_mutated_card_file_gives_diagnostics_never_an_exception(rng):
    check(fuzz.make_case("mutate-card", rng))


@settings(SETTINGS, max_examples=40)
@given(rng=st.randoms(use_true_random=False), kind=st.sampled_from(["mutate-level", "mutate-manifest", "layout", "zip"]))
def test_a_mutated_level_manifest_layout_or_zip_gives_diagnostics(rng, kind):
    check(fuzz.make_case(kind, rng))


# --- Generated trees, as YAML or JSON ------------------------------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=10 ** 20, max_value=10 ** 400),
    st.floats(allow_nan=True, allow_infinity=True), _text,
    st.sampled_from(fuzz.KIND_VALUES + ["1930-03", "1930-13", "base.womens_riot", "fz.x", "base.*",
                                        "district.standing", "village.trust", "historical", "1.0.0"]))
_keys = st.one_of(st.sampled_from(fuzz.tree_keys()), _text, st.integers(-5, 5), st.booleans(), st.none())
_trees = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=5),
                      max_leaves=30)


@SETTINGS
@given(tree=_trees, where=st.sampled_from(["cards/tree.yaml", "levels/tree.yml", "pack.yaml"]),
       wrap=st.booleans(), rng=st.randoms(use_true_random=False))
def test_a_generated_tree_gives_diagnostics_never_an_exception(tree, where, wrap, rng):
    if wrap and where.startswith("cards/"):
        tree = {"cards": [tree]}
    elif wrap and where == "pack.yaml" and isinstance(tree, dict):
        tree = {"id": "fz", "name": "x", "version": "1.0.0", "format": 1, "licence": "CC", **tree}
    data = fuzz.dump(rng, tree)
    if where == "pack.yaml":
        check(pack_case({}, manifest=data))
    else:
        check(pack_case({where: data}))


# --- Manifests: ids, formats, requires/after cycles, replaces/disable/decks ----------------

_pack_ids = st.one_of(st.sampled_from(["fz", "mod_a", "mod_b", "base", "", "A", "x" * 41, "nowhere"]),
                      _text, st.integers(), st.none())
_card_refs = st.one_of(st.sampled_from(fuzz.corpus()["card_ids"] + ["fz.nothing", "base.nothing", "nothing", "",
                                                                     "base.*", "fz.*"]), _text, st.none())
_manifests = st.fixed_dictionaries(
    {"id": st.one_of(st.sampled_from(["fz", "mod_a", "mod_b"]), _pack_ids),
     "name": st.one_of(st.just("A pack"), _scalars),
     "version": st.one_of(st.sampled_from(["1.0.0", "1.0", "1", "1.0.0.0", "v1"]), _scalars),
     "format": st.one_of(st.sampled_from([0, -1, 1, 2, 999, "1", 1.5]), _scalars)},
    optional={"licence": st.one_of(st.just("CC-BY-4.0"), _scalars),
              "authors": st.one_of(st.lists(_text, max_size=3), _scalars),
              "requires": st.one_of(st.lists(_pack_ids, max_size=3), _scalars),
              "after": st.one_of(st.lists(_pack_ids, max_size=3), _scalars),
              "replaces": st.lists(_card_refs, max_size=3),
              "disable": st.lists(_card_refs, max_size=3),
              "decks": st.dictionaries(st.sampled_from(fuzz.corpus()["level_ids"] + ["nowhere", ""]),
                                       st.lists(_card_refs, max_size=3), max_size=2),
              "unknown": _scalars})


@SETTINGS
@given(manifests=st.lists(_manifests, min_size=1, max_size=3), cards=st.booleans(),
       rng=st.randoms(use_true_random=False))
def test_mutated_manifests_give_diagnostics_and_a_broken_pack_is_left_out(manifests, cards, rng):
    packs = []
    for n, manifest in enumerate(manifests):
        spec = fuzz.PackSpec(f"pack{n}", {"pack.yaml": fuzz.dump(rng, manifest)})
        pid = manifest["id"] if isinstance(manifest["id"], str) and manifest["id"] else "fz"
        if cards:
            spec.files["cards/cards.yaml"] = fuzz.card_file(rng, pid, 2).encode()
        packs.append(spec)
    check(fuzz.Case(0, "test", packs, [p.folder for p in packs], game=True))


# --- Valid packs load clean ----------------------------------------------------------------

def test_the_whole_base_game_renamed_as_a_pack_loads_clean():
    names = [b.name for b in fuzz.corpus()["blocks"]]
    files = {f"cards/{path.name}": fuzz.renamespace(path.read_text(encoding="utf-8"), names, "fz")
             for path in sorted((fuzz.paths.CARDS / "base").glob("*.yaml"))}
    files.update({f"levels/{path.name}": re.sub(r"^id:\s*", "id: fz.", path.read_text(encoding="utf-8"), count=1,
                                                flags=re.M)
                  for path in sorted(fuzz.paths.LEVELS.glob("*.yaml"))})
    decks = {level: ["fz.*"] for level in fuzz.corpus()["level_ids"]}   # each card can come up
    case = pack_case(files, manifest=fuzz.manifest_text("fz", decks=decks))
    case.expect_clean = True
    check(case)


@settings(SETTINGS, max_examples=15)
@given(rng=st.randoms(use_true_random=False))
def test_a_sample_of_the_base_game_as_a_pack_loads_clean(rng):
    case = fuzz.make_case("valid", rng)
    assert case.expect_clean
    check(case)


# --- Files that once broke the loader (found by the fuzzer) --------------------------------

CRASHERS = {
    "a tagged int that is no int": "cards:\n  - id: !!int abc\n",
    "a tagged float that is no float": "a: !!float abc\n",
    "a tagged bool that is no bool": "a: !!bool maybe\n",
    "a plain 0x_ (read as a hex int)": "a: 0x_\n",
    "a plain 0b_ (read as a binary int)": "a: 0b_\n",
    "a plain date that is no date": "a: 2001-13-45\n",
    "an omap with a key twice": "a: !!omap [a: 1, a: 2]\n",
    "YAML 1.3": "%YAML 1.3\n---\na: 1\n",
    "a plain day that does not exist": "a: 1930-02-30\n",
    "a list that holds itself": "&a [*a]\n",
    "a map that holds itself": "&a {b: *a}\n",
    "a map merged into itself": "a: &a\n  <<: *a\n",
}


@pytest.mark.parametrize("text", CRASHERS.values(), ids=CRASHERS.keys())
def test_a_file_that_once_broke_the_loader_gives_a_diagnostic(text):
    check(pack_case({"cards/x.yaml": text}))


def test_an_empty_list_in_a_pack_of_an_older_format_gives_a_diagnostic():
    check(pack_case({"cards/x.yaml": "[]\n"}, manifest=fuzz.manifest_text("fz", 1)))


@pytest.mark.parametrize("link", ["cards/link.yaml", "translations/uk.yaml"])
@pytest.mark.parametrize("target", [str(fuzz.paths.CARDS / "base" / "recurring.yaml"),
                                    str(fuzz.paths.ASSETS / "pack.yaml"), "/etc/hostname"],
                         ids=["base-cards", "base-manifest", "etc"])
def test_a_link_out_of_a_pack_names_the_link_and_the_pack_is_left_out(link, target):
    check(pack_case({link: ("link", target)}))


def _a_queued_base_card() -> str:
    """A base card that another base card queues."""
    found = re.search(r"kind: queue, card: (base\.\w+)", "".join(b.text for b in fuzz.corpus()["blocks"]))
    return found.group(1)


def _a_base_card_a_level_deck_names() -> str:
    """A base card that a level's deck names by its id (not by 'base.*')."""
    found = re.search(r"^deck:\s*\n\s*- (base\.\w+)", "".join(text for _, text in fuzz.corpus()["levels"]), re.M)
    return found.group(1)


@pytest.mark.parametrize("extra", [lambda: {"decks": {fuzz.corpus()["level_ids"][0]: ["fz.nothing"]}},
                                   lambda: {"disable": [_a_queued_base_card()]},
                                   lambda: {"disable": [_a_base_card_a_level_deck_names()]}],
                         ids=["decks", "disable-queued", "disable-in-a-deck"])
def test_a_manifest_that_breaks_base_cards_is_blamed_and_left_out(extra):
    """A pack's deck entry that matches nothing, or a base card it disables that other base cards
    or a level's deck need: the pack is to blame (its manifest), and the game leaves it out."""
    check(pack_case({}, manifest=fuzz.manifest_text("fz", **extra())))


def test_a_zipped_pack_that_requires_a_missing_pack_is_named_by_its_zip():
    spec = fuzz.PackSpec("src", {"pack.yaml": fuzz.manifest_text("fz", requires=["nowhere"]).encode()})
    members = tuple((rel, content, None) for rel, content in spec.files.items())
    check(fuzz.Case(0, "test", [], ["pack.zip"], game=True, extra={"pack.zip": ("zip", members, "")}))


# --- The script itself ---------------------------------------------------------------------

def test_the_fuzz_script_runs_and_reports(tmp_path, capsys):
    code = fuzz.main(["--cases", "50", "--seed", "7", "--jobs", "1", "--out", str(tmp_path), "--no-shrink",
                      "--quiet"])
    out = capsys.readouterr().out
    assert "cases: 50 (seed 7)" in out and "cases/s" in out
    assert "harness-error" not in out, out     # a failure of the script, not of the loader
    assert code == (1 if "==== FAILURE" in out else 0)
