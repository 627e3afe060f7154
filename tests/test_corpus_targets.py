"""Issue 3 bar: `turnover ingest ../shared/corpus` then `turnover targets` shows every
gold target of the corpus, with its source. The corpus is read at run time only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import shared_dir

from turnover.ingest import ingest
from turnover.store import Store
from turnover.tracker import TargetStatus


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Path]]:
    corpus = shared_dir("corpus")
    with Store(tmp_path_factory.mktemp("corpus") / "corpus.db") as store:
        summary = ingest(store, [str(corpus)])
        assert summary.failed == 0, summary.failures
        yield store, corpus


def gold_targets(corpus: Path) -> list[tuple[str, dict]]:
    found = []
    for path in sorted(corpus.rglob("*.json")):
        gold = json.loads(path.read_text())
        found += [(gold["doc"], f) for f in gold["facts"] if f["kind"] == "target"]
    return found


def shown(doc: str, fact: dict, tracked: list[TargetStatus]) -> bool:
    """A tracked target matching the fact as the scorer would, citing ``doc``."""
    return any(
        t.flow == fact["flow"]
        and t.countries == fact["countries"]
        and t.currency == fact["currency"]
        and t.by == fact["by"]
        and abs(t.value - fact["value"]) <= 0.005 * fact["value"]
        and any(s["doc"] == doc for s in t.sources)
        for t in tracked
    )


def test_every_stored_target_is_tracked_with_its_source(corpus_store: tuple[Store, Path]):
    store, _ = corpus_store
    tracked = store.targets()
    facts = store.facts(kind="target").items
    assert facts, "the extractor found no targets in the corpus"
    for f in facts:
        fact = {
            "flow": f.flow,
            "countries": list(f.countries),
            "currency": f.currency,
            "by": f.by,
            "value": f.value,
        }
        assert shown(f.doc, fact, tracked), f
    assert all(
        t.status in ("achieved", "on track", "behind", "missed", "superseded", "no data")
        for t in tracked
    )


def test_every_gold_target_is_shown_with_its_source(corpus_store: tuple[Store, Path]):
    store, corpus = corpus_store
    tracked = store.targets()
    gold = gold_targets(corpus)
    assert gold
    missing = [
        (doc, f["countries"], f["value"], f["by"]) for doc, f in gold if not shown(doc, f, tracked)
    ]
    assert not missing, f"{len(missing)} of {len(gold)} gold targets not shown: {missing}"
