"""The fact store: one SQLite file of articles, their facts and the people named.

Library API used by the CLI (`turnover ingest/targets/pair/facts/export`) and the
web dashboard::

    with Store("turnover.db") as store:
        store.ingest_text(text, doc="kg-by", url=..., published="2025-09-29")
        store.facts(pair="KGZ-BLR", kind="value", limit=50, offset=0)   # -> Page
        store.targets(country="KGZ")         # -> list[tracker.TargetStatus]
        store.pair_report("KGZ", "BLR")      # -> tracker.PairReport
        store.article(1)                     # -> dict with text, facts (spans), people

Durability: WAL journal, and every article is written in one transaction with
its facts, people and duplicate bands, so a killed process leaves only whole
articles. Idempotent: an article is identified by the SHA-256 of its text
(`content_hash`); storing it again is a no-op reported as "already stored".
A `Store` may be shared between threads (calls are serialised by a lock).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from turnover import dedup, schema, tracker
from turnover.extract import EXTRACTOR_VERSION, extract
from turnover.models import ArticleFacts
from turnover.store_read import Page, StoreReader

__all__ = [
    "DB_ENV", "DEFAULT_DB", "AddResult", "ArticleMeta", "Page", "ReextractResult", "Store",
    "content_hash", "resolve_db_path",
]  # fmt: skip

DEFAULT_DB = "turnover.db"
DB_ENV = "TURNOVER_DB"


def resolve_db_path(db: str | os.PathLike[str] | None = None) -> Path:
    """``db`` if given, else $TURNOVER_DB, else ./turnover.db."""
    return Path(db or os.environ.get(DB_ENV) or DEFAULT_DB)


def content_hash(text: str) -> str:
    """SHA-256 of the article text with line endings unified and outer space stripped.

    The identity of an article: the batch output carries the same hash so
    loading it into the store recognises articles already there.
    """
    norm = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class ArticleMeta:
    """What is known about an article besides its text (all optional but ``text``)."""

    text: str
    doc: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    title: str | None = None

    @classmethod
    def coerce(cls, meta: ArticleMeta | dict[str, Any]) -> ArticleMeta:
        if isinstance(meta, ArticleMeta):
            return meta
        names = cls.__slots__  # type: ignore[attr-defined]
        return cls(**{k: meta.get(k) for k in names if k in meta})  # type: ignore[arg-type]


@dataclass(slots=True)
class AddResult:
    """Outcome of storing one article. ``status`` is "new" or "already stored"."""

    article_id: int
    status: str
    facts_added: int
    story_id: int
    doc: str

    @property
    def duplicate_story(self) -> bool:
        """True when the article is a near-duplicate of an earlier one (same story)."""
        return self.story_id != self.article_id

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "duplicate_story": self.duplicate_story}


@dataclass(slots=True)
class ReextractResult:
    articles: int = 0
    facts_before: int = 0
    facts_after: int = 0
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Store(StoreReader):
    """A connection to one fact store file; created and migrated on open."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = resolve_db_path(path)
        self._lock = threading.RLock()
        try:
            self.conn = sqlite3.connect(
                self.path, timeout=30, isolation_level=None, check_same_thread=False
            )
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            schema.migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            raise schema.SchemaError(f"{self.path}: not a turnover database ({exc})") from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------

    def find_hash(self, digest: str) -> int | None:
        """Id of the article with this content hash, if stored."""
        with self._lock:
            row = self.conn.execute(
                "SELECT id FROM articles WHERE content_hash = ?", (digest,)
            ).fetchone()
        return row[0] if row else None

    def has_url(self, url: str) -> bool:
        """True when an article fetched from ``url`` is stored (feeds skip refetching it)."""
        with self._lock:
            return (
                self.conn.execute("SELECT 1 FROM articles WHERE url = ?", (url,)).fetchone()
                is not None
            )

    def add_extracted(
        self,
        meta: ArticleMeta | dict[str, Any],
        article_facts: ArticleFacts,
        extractor_version: str = EXTRACTOR_VERSION,
    ) -> AddResult:
        """Store one article with its already-extracted facts and people, atomically.

        Used by ingestion of text (after `extract`) and of batch output folders
        (facts extracted elsewhere). ``meta`` fields win over what the extractor
        found (doc, title, published). A stored text is never stored twice.
        """
        m = ArticleMeta.coerce(meta)
        digest = content_hash(m.text)  # recomputed: other producers may hash differently
        doc = m.doc or article_facts.doc
        sig = dedup.signature(m.text)
        published = m.published or article_facts.published
        published_from = "metadata" if m.published else "text" if published else None
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                row = self.conn.execute(
                    "SELECT id, story_id, doc FROM articles WHERE content_hash = ?", (digest,)
                ).fetchone()
                if row:
                    self.conn.execute("COMMIT")
                    return AddResult(row[0], "already stored", 0, row[1] or row[0], row[2])
                story = schema.find_story(self.conn, sig) if sig else None
                cur = self.conn.execute(
                    "INSERT INTO articles (doc, content_hash, url, source, published, "
                    "published_from, title, text, extractor_version, ingested_at, minhash) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (doc, digest, m.url, m.source, published, published_from,
                     m.title or article_facts.title, m.text, extractor_version,
                     datetime.now(UTC).isoformat(timespec="seconds"),
                     dedup.pack(sig) if sig else None),
                )  # fmt: skip
                article_id = int(cur.lastrowid)  # type: ignore[arg-type]
                story = story or article_id
                self.conn.execute(
                    "UPDATE articles SET story_id = ? WHERE id = ?", (story, article_id)
                )
                if sig and story == article_id:  # only a story's first article is a candidate
                    schema.save_bands(self.conn, article_id, sig)
                added = self._write_facts(article_id, article_facts)
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        return AddResult(article_id, "new", added, story, doc)

    def ingest_text(
        self,
        text: str,
        *,
        doc: str | None = None,
        url: str | None = None,
        source: str | None = None,
        published: str | None = None,
        title: str | None = None,
        extractor: Callable[..., ArticleFacts] = extract,
    ) -> AddResult:
        """Extract facts from ``text`` and store the article (POST /api/articles).

        Already-stored texts are recognised before extraction, so re-posting is cheap.
        """
        digest = content_hash(text)
        found = self.find_hash(digest)
        if found is not None:
            with self._lock:
                story, stored_doc = self.conn.execute(
                    "SELECT story_id, doc FROM articles WHERE id = ?", (found,)
                ).fetchone()
            return AddResult(found, "already stored", 0, story or found, stored_doc)
        facts = extractor(text, doc=doc or "-", published=published)
        meta = ArticleMeta(text, doc, url, source, published, title)
        return self.add_extracted(meta, facts)

    def _write_facts(self, article_id: int, af: ArticleFacts) -> int:
        rows = [
            (article_id, f.kind, f.flow, f.countries[0], f.countries[1],
             tracker.pair_label(*f.countries), f.value, f.currency, f.percent,
             f.period.start if f.period else None, f.period.end if f.period else None,
             f.by, f.quote, f.span[0], f.span[1], f.qualifier, f.speaker)
            for f in af.facts
        ]  # fmt: skip
        self.conn.executemany(
            "INSERT INTO facts (article_id, kind, flow, country1, country2, pair, value, "
            "currency, percent, period_start, period_end, by_year, quote, span_start, "
            "span_end, qualifier, speaker) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        self.conn.executemany(
            "INSERT INTO people (article_id, name, country, role) VALUES (?, ?, ?, ?)",
            [(article_id, p.name, p.country, p.role) for p in af.people],
        )
        return len(rows)

    def reextract(
        self,
        *,
        all_articles: bool = False,
        extractor: Callable[..., ArticleFacts] = extract,
        version: str = EXTRACTOR_VERSION,
        progress: Callable[[int, int], None] | None = None,
    ) -> ReextractResult:
        """Re-run the extractor over stored articles and replace their facts.

        Only articles extracted by another version unless ``all_articles``. Each
        article's facts and people are swapped in one transaction.
        """
        where = "" if all_articles else "WHERE extractor_version != ?"
        params = () if all_articles else (version,)
        with self._lock:
            ids = [
                r[0]
                for r in self.conn.execute(f"SELECT id FROM articles {where} ORDER BY id", params)
            ]
        result = ReextractResult()
        for n, article_id in enumerate(ids, 1):
            with self._lock:
                text, doc, published, origin = self.conn.execute(
                    "SELECT text, doc, published, published_from FROM articles WHERE id = ?",
                    (article_id,),
                ).fetchone()
            try:
                af = extractor(text, doc=doc, published=published if origin == "metadata" else None)
            except Exception as exc:  # one bad article must not stop the run
                result.errors.append(f"article {article_id} ({doc}): {type(exc).__name__}: {exc}")
                continue
            with self._lock:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    result.facts_before += self.conn.execute(
                        "DELETE FROM facts WHERE article_id = ?", (article_id,)
                    ).rowcount
                    self.conn.execute("DELETE FROM people WHERE article_id = ?", (article_id,))
                    result.facts_after += self._write_facts(article_id, af)
                    self.conn.execute(
                        "UPDATE articles SET extractor_version = ? WHERE id = ?",
                        (version, article_id),
                    )
                    self.conn.execute("COMMIT")
                except BaseException:
                    self.conn.execute("ROLLBACK")
                    raise
            result.articles += 1
            if progress:
                progress(n, len(ids))
        return result
