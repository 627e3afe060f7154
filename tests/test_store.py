"""The SQLite fact store on real files: layout, idempotency, migrations, re-extraction."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from turnover import schema
from turnover.models import ArticleFacts, Fact, Period, Person
from turnover.store import Store, content_hash, resolve_db_path

TEXT = (
    "date 2025-09-29 20:54\nKyrgyzstan and Belarus aim higher\n\n"
    "Trade between Kyrgyzstan and Belarus came to $133 million in 2024. "
    "The two governments want $500 million by 2030, the prime minister said.\n"
)


PAIR = ("BLR", "KGZ")


def quoted(text: str, quote: str) -> tuple[str, tuple[int, int]]:
    """``quote`` and its span, or the text's first words when it does not hold the quote."""
    start = text.find(quote)
    if start < 0:
        quote, start = text[:10], 0
    return quote, (start, start + len(quote))


def seed_facts(text: str = TEXT, doc: str = "kg-by") -> ArticleFacts:
    q1, s1 = quoted(text, "came to $133 million in 2024.")
    q2, s2 = quoted(text, "The two governments want $500 million by 2030")
    return ArticleFacts(
        doc=doc,
        published="2025-09-29T20:54",
        title="Kyrgyzstan and Belarus aim higher",
        facts=(
            Fact("value", "turnover", PAIR, 133e6, "USD", None, Period.year(2024), None, q1, s1),
            Fact("target", "turnover", PAIR, 500e6, "USD", None, None, 2030, q2, s2,
                 qualifier="plan", speaker="prime minister"),
        ),
        people=(Person("Adylbek Kasymaliev", "KGZ", "Chairman of the Cabinet of Ministers"),),
    )  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "t.db") as s:
        yield s


def test_article_facts_and_people_round_trip(store: Store):
    result = store.add_extracted({"text": TEXT, "url": "https://example.org/a"}, seed_facts())
    assert (result.status, result.facts_added, result.doc) == ("new", 2, "kg-by")
    article = store.article(result.article_id)
    assert article["published"] == "2025-09-29T20:54"
    assert article["title"] == "Kyrgyzstan and Belarus aim higher"
    assert article["content_hash"] == content_hash(TEXT)
    for f in article["facts"]:
        start, end = f["span"]
        assert article["text"][start:end] == f["quote"]
    target = next(f for f in article["facts"] if f["kind"] == "target")
    assert target == {
        **target,
        "pair": "BLR-KGZ", "countries": ["BLR", "KGZ"], "value": 500e6, "currency": "USD",
        "by": 2030, "period": None, "qualifier": "plan", "speaker": "prime minister",
        "url": "https://example.org/a",
    }  # fmt: skip
    assert article["people"] == [
        {
            "name": "Adylbek Kasymaliev",
            "country": "KGZ",
            "role": "Chairman of the Cabinet of Ministers",
        }
    ]


def test_same_text_is_stored_once(store: Store):
    first = store.add_extracted({"text": TEXT}, seed_facts())
    again = store.add_extracted({"text": TEXT.replace("\n", "\r\n") + "\n\n"}, seed_facts())
    assert (again.status, again.article_id, again.facts_added) == (
        "already stored",
        first.article_id,
        0,
    )
    assert store.stats() == {"articles": 1, "stories": 1, "facts": 2, "people": 1}


def test_file_is_wal_with_readable_tables(tmp_path: Path):
    path = tmp_path / "t.db"
    with Store(path) as s:
        s.add_extracted({"text": TEXT}, seed_facts())
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    names = {
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")
    }
    assert {"articles", "facts", "people", "fact_sources"} <= names
    row = conn.execute(
        "SELECT pair, kind, by_year, doc FROM fact_sources WHERE kind = 'target'"
    ).fetchone()
    assert row == ("BLR-KGZ", "target", 2030, "kg-by")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION


def test_older_database_is_migrated_with_its_data(tmp_path: Path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, target=1)  # a database written by the first released schema
    conn.execute(
        "INSERT INTO articles (doc, content_hash, text, extractor_version, ingested_at) "
        "VALUES ('old', 'h', ?, '0.0.1', '2025-01-01')",
        (TEXT * 3,),
    )
    conn.close()
    with Store(path) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert [(a["doc"], a["story_id"]) for a in s.articles().items] == [("old", 1)]
        # The migrated article takes part in near-duplicate detection.
        reprint = s.add_extracted({"text": "REPRINT\n" + TEXT * 3}, seed_facts(doc="reprint"))
        assert reprint.story_id == 1


def test_unusable_files_give_one_line_errors(tmp_path: Path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(schema.SchemaError, match="not a turnover database"):
        Store(junk)
    newer = tmp_path / "newer.db"
    sqlite3.connect(newer).execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    with pytest.raises(schema.SchemaError, match="newer than this turnover"):
        Store(newer)


def test_db_path_resolution(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("TURNOVER_DB", raising=False)
    assert resolve_db_path() == Path("turnover.db")
    monkeypatch.setenv("TURNOVER_DB", "/tmp/x.db")
    assert resolve_db_path() == Path("/tmp/x.db")
    assert resolve_db_path("given.db") == Path("given.db")


def test_reextract_replaces_facts_of_older_versions_only(store: Store):
    store.add_extracted({"text": TEXT}, seed_facts(), extractor_version="0.0.1")
    other = TEXT.replace("Belarus", "Armenia")
    store.add_extracted({"text": other}, seed_facts(other, "kg-am"), extractor_version="9.9")
    calls = []

    def extractor(text: str, doc: str, published: str | None) -> ArticleFacts:
        calls.append(doc)
        af = seed_facts(text, doc)
        return ArticleFacts(af.doc, af.published, af.title, af.facts[:1], ())

    result = store.reextract(extractor=extractor, version="9.9")
    assert (result.articles, result.facts_before, result.facts_after) == (1, 2, 1)
    assert calls == ["kg-by"]
    assert store.stats()["people"] == 1  # kg-by's person replaced by none; kg-am keeps its own
    assert {a["doc"]: a["extractor_version"] for a in store.articles().items} == {
        "kg-by": "9.9",
        "kg-am": "9.9",
    }
    assert store.reextract(extractor=extractor, version="9.9").articles == 0
    assert store.reextract(extractor=extractor, version="9.9", all_articles=True).articles == 2


def test_reextract_failure_keeps_that_articles_facts(store: Store):
    store.add_extracted({"text": TEXT}, seed_facts(), extractor_version="old")

    def broken(text: str, doc: str, published: str | None) -> ArticleFacts:
        raise RuntimeError("boom")

    result = store.reextract(extractor=broken, version="new")
    assert result.articles == 0 and result.errors == ["article 1 (kg-by): RuntimeError: boom"]
    assert store.stats()["facts"] == 2
    assert store.articles().items[0]["extractor_version"] == "old"


def test_near_duplicate_story_is_linked_and_counted_once(store: Store):
    body = (
        "Kyrgyzstan and Belarus intend to raise mutual trade to $500 million by 2030, "
        "the head of the Kyrgyz cabinet said after talks in Minsk on Monday. Their bilateral "
        "trade came to $133 million in 2024, and both sides expect new assembly "
        "plants for tractors, lifts and buses to add to deliveries in the coming years. "
    ) * 2
    a = f"date 2025-09-29\nAgency A: Kyrgyz-Belarus trade\n\n{body}\nSubscribe to Agency A.\n"
    b = f"date 2025-09-30\nTrade goal of half a billion\n\n{body}\n(c) Outlet B, all rights\n"
    unrelated = (
        "date 2025-09-30\nWeather\n\n" + "Rain and wind are expected across the region. " * 20
    )
    first = store.add_extracted({"text": a, "url": "https://a.example/x"}, seed_facts(a, "a"))
    second = store.add_extracted({"text": b, "url": "https://b.example/y"}, seed_facts(b, "b"))
    third = store.add_extracted({"text": unrelated}, ArticleFacts("w", None, None))
    assert second.story_id == first.article_id and second.duplicate_story
    assert third.story_id == third.article_id
    assert [o["url"] for o in store.article(second.article_id)["same_story"]] == [
        "https://a.example/x"
    ]
    target = store.targets(pair="BLR-KGZ")[0]
    assert (target.stories, len(target.sources)) == (1, 2)


def test_fact_listing_filters_and_pages(store: Store):
    store.add_extracted({"text": TEXT}, seed_facts())
    other = TEXT.replace("Belarus", "Armenia")
    af = seed_facts(other, "kg-am")
    moved = [replace(f, countries=("ARM", "KGZ")) for f in af.facts]
    af = ArticleFacts(af.doc, "2025-10-01", af.title, tuple(moved))
    store.add_extracted({"text": other}, af)
    assert store.facts().total == 4
    assert [f.doc for f in store.facts().items] == ["kg-am", "kg-am", "kg-by", "kg-by"]
    assert store.facts(pair="KGZ-BLR").total == 2
    assert store.facts(country="arm", kind="target").items[0].countries == ("ARM", "KGZ")
    assert store.facts(year=2030).total == 2 and store.facts(year=2024).total == 2
    page = store.facts(limit=3, offset=2)
    assert (len(page.items), page.total, page.to_dict()["offset"]) == (2, 4, 2)
    assert [p.pair for p in store.pairs()] == ["ARM-KGZ", "BLR-KGZ"]
    assert store.article(999) is None
