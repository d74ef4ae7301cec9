"""Content that loaded cleanly is read back from the cache, identical; a bad cache is ignored."""

from __future__ import annotations

from game.content import cache
from game.content.loader import load


def test_the_cached_content_is_the_same_content(tmp_path, monkeypatch):
    monkeypatch.setenv("GREAT_BREAK_CACHE_DIR", str(tmp_path))
    first, problems = load(cache=True)
    assert problems == [] and list(tmp_path.iterdir())
    again, problems = load(cache=True)
    assert problems == []
    assert again.cards == first.cards and again.levels == first.levels
    assert again.fingerprint == first.fingerprint


def test_a_damaged_cache_file_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("GREAT_BREAK_CACHE_DIR", str(tmp_path))
    content, _ = load(cache=True)
    for path in tmp_path.iterdir():
        path.write_text('{"cards": [{"id": "not a card"}]', encoding="utf-8")
    assert cache.read(content.fingerprint) is None
    again, problems = load(cache=True)
    assert problems == [] and again.cards == content.cards


def test_content_with_problems_is_not_cached(tmp_path, monkeypatch):
    bad = tmp_path / "content"
    bad.mkdir()
    (bad / "cards.yaml").write_text("cards: [{id: test.x}]\n", encoding="utf-8")
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("GREAT_BREAK_CACHE_DIR", str(cache_dir))
    _, problems = load([bad], cache=True)
    assert problems and not cache_dir.exists()
