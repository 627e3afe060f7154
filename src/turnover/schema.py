"""The SQLite schema of the fact store and the migrations between its versions.

The version lives in ``PRAGMA user_version``. ``MIGRATIONS[i]`` takes a database
from version ``i`` to ``i + 1``, so a later turnover opens any older database and
brings it up to date inside one transaction per step. Never edit a released
step: append a new one.

Names are chosen to read well in sqlite3 or Datasette: ``articles``, ``facts``,
``people`` and the ``fact_sources`` view (facts with their article's url/title).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from turnover import dedup

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    url TEXT,
    source TEXT,
    published TEXT,
    published_from TEXT,      -- 'metadata' (feed, JSONL, page) or 'text' (article header)
    title TEXT,
    text TEXT NOT NULL,
    extractor_version TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_extractor_version ON articles(extractor_version);
CREATE TABLE facts (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('value', 'change', 'target')),
    flow TEXT NOT NULL CHECK (flow IN ('turnover', 'export')),
    country1 TEXT NOT NULL,   -- FACTS.md order: sorted for turnover, exporter for export
    country2 TEXT NOT NULL,   -- importer for export
    pair TEXT NOT NULL,       -- 'BLR-KGZ': both codes sorted, group codes second
    value REAL,
    currency TEXT,
    percent REAL,
    period_start TEXT,
    period_end TEXT,
    by_year INTEGER,
    quote TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    qualifier TEXT,
    speaker TEXT
);
CREATE INDEX facts_article ON facts(article_id);
CREATE INDEX facts_pair ON facts(pair, kind, flow);
CREATE INDEX facts_country1 ON facts(country1);
CREATE INDEX facts_country2 ON facts(country2);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    country TEXT,
    role TEXT
);
CREATE INDEX people_article ON people(article_id);
CREATE INDEX people_name ON people(name);
"""

_V2 = """
ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES articles(id);
ALTER TABLE articles ADD COLUMN minhash BLOB;
UPDATE articles SET story_id = id;
CREATE INDEX articles_story ON articles(story_id);
CREATE TABLE article_bands (
    band INTEGER NOT NULL,
    hash TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, article_id)
) WITHOUT ROWID;
CREATE INDEX article_bands_article ON article_bands(article_id);
CREATE VIEW fact_sources AS
    SELECT facts.*, articles.doc, articles.url, articles.source, articles.title,
           articles.published, articles.story_id
    FROM facts JOIN articles ON articles.id = facts.article_id;
"""


def _v2(conn: sqlite3.Connection) -> None:
    """Near-duplicate stories: story ids, MinHash signatures and their bands."""
    _script(_V2)(conn)
    rows = conn.execute("SELECT id, text FROM articles ORDER BY id").fetchall()
    for article_id, text in rows:
        sig = dedup.signature(text)
        if sig is None:
            continue
        story = find_story(conn, sig) or article_id
        conn.execute(
            "UPDATE articles SET minhash = ?, story_id = ? WHERE id = ?",
            (dedup.pack(sig), story, article_id),
        )
        if story == article_id:
            save_bands(conn, article_id, sig)


def find_story(conn: sqlite3.Connection, sig: tuple[int, ...]) -> int | None:
    """The story id of the most similar stored story at or above the threshold.

    Only the first article of each story has bands, so the comparisons made per
    new article grow with the number of similar stories, not of reprints.
    """
    candidates: set[int] = set()
    for band, digest in dedup.bands(sig):
        candidates.update(
            row[0]
            for row in conn.execute(
                "SELECT article_id FROM article_bands WHERE band = ? AND hash = ?",
                (band, digest),
            )
        )
    best: tuple[float, int] | None = None
    for cand in sorted(candidates):
        blob, story = conn.execute(
            "SELECT minhash, story_id FROM articles WHERE id = ?", (cand,)
        ).fetchone()
        score = dedup.similarity(sig, dedup.unpack(blob))
        if score >= dedup.DUPLICATE_THRESHOLD and (best is None or score > best[0]):
            best = (score, story)
    return best[1] if best else None


def save_bands(conn: sqlite3.Connection, article_id: int, sig: tuple[int, ...]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO article_bands (band, hash, article_id) VALUES (?, ?, ?)",
        [(band, digest, article_id) for band, digest in dedup.bands(sig)],
    )


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        for statement in sql.split(";\n"):
            if statement.strip():
                conn.execute(statement)

    return run


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_script(_V1), _v2]
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaError(Exception):
    """The database cannot be used by this version of turnover."""


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring ``conn`` up to schema ``target``; returns the version it had before.

    Each step runs in its own write transaction and re-reads the version inside
    it, so two processes opening an old database at once migrate it once.
    """
    before = conn.execute("PRAGMA user_version").fetchone()[0]
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            found = conn.execute("PRAGMA user_version").fetchone()[0]
            if found > SCHEMA_VERSION:
                raise SchemaError(
                    f"database schema version {found} is newer than this turnover knows "
                    f"({SCHEMA_VERSION}); upgrade turnover"
                )
            if found >= target:
                conn.execute("COMMIT")
                return before
            MIGRATIONS[found](conn)
            conn.execute(f"PRAGMA user_version = {found + 1}")
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                (str(found + 1),),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
