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
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from turnover import dedup, schema, tracker
from turnover.extract import EXTRACTOR_VERSION, extract
from turnover.models import ArticleFacts
from turnover.tracker import StoredFact

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
class Page:
    """One page of a listing: ``items`` plus the ``total`` matching the filters."""

    items: list[Any]
    total: int
    limit: int | None
    offset: int

    def to_dict(self) -> dict[str, Any]:
        items = [i.to_dict() if hasattr(i, "to_dict") else i for i in self.items]
        return {"items": items, "total": self.total, "limit": self.limit, "offset": self.offset}


@dataclass(slots=True)
class ReextractResult:
    articles: int = 0
    facts_before: int = 0
    facts_after: int = 0
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_FACT_COLUMNS = (
    "f.id, f.article_id, a.story_id, f.kind, f.flow, f.country1, f.country2, f.value, "
    "f.currency, f.percent, f.period_start, f.period_end, f.by_year, f.quote, f.span_start, "
    "f.span_end, f.qualifier, f.speaker, a.doc, a.published, a.url, a.source, a.title"
)


def _fact_from_row(r: tuple) -> StoredFact:
    return StoredFact(
        id=r[0], article_id=r[1], story_id=r[2] or r[1], kind=r[3], flow=r[4],
        countries=(r[5], r[6]), value=r[7], currency=r[8], percent=r[9], period_start=r[10],
        period_end=r[11], by=r[12], quote=r[13], span=(r[14], r[15]), qualifier=r[16],
        speaker=r[17], doc=r[18], published=r[19], url=r[20], source=r[21], title=r[22],
    )  # fmt: skip


class Store:
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

    # -- reading ---------------------------------------------------------------

    def facts(
        self,
        *,
        kind: str | None = None,
        flow: str | None = None,
        country: str | None = None,
        pair: str | None = None,
        currency: str | None = None,
        year: int | None = None,
        article_id: int | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Page:
        """Facts matching every filter given, newest article first; a `Page` of `StoredFact`.

        ``country`` matches either side; ``pair`` is "A-B" in any order; ``year``
        matches facts whose period touches that year or whose horizon is that year.
        """
        where, params = self._fact_filters(kind, flow, country, pair, currency, year, article_id)
        with self._lock:
            total = self.conn.execute(
                f"SELECT count(*) FROM facts f JOIN articles a ON a.id = f.article_id {where}",
                params,
            ).fetchone()[0]
            sql = (
                f"SELECT {_FACT_COLUMNS} FROM facts f JOIN articles a ON a.id = f.article_id "
                f"{where} ORDER BY a.published IS NULL, a.published DESC, f.article_id DESC, f.id "
                "LIMIT ? OFFSET ?"
            )
            rows = self.conn.execute(sql, [*params, -1 if limit is None else limit, offset])
            items = [_fact_from_row(r) for r in rows]
        return Page(items, total, limit, offset)

    @staticmethod
    def _fact_filters(kind, flow, country, pair, currency, year, article_id) -> tuple[str, list]:  # noqa: ANN001
        clauses: list[str] = []
        params: list[Any] = []
        for column, value in (("f.kind", kind), ("f.flow", flow), ("f.article_id", article_id)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        if currency:
            clauses.append("f.currency = ?")
            params.append(currency.upper())
        if country:
            clauses.append("(f.country1 = ? OR f.country2 = ?)")
            params += [country.upper()] * 2
        if pair:
            clauses.append("f.pair = ?")
            params.append(tracker.pair_label(*tracker.parse_pair(pair)))
        if year is not None:
            clauses.append(
                "(f.by_year = ? OR (substr(f.period_start, 1, 4) <= ?"
                " AND substr(f.period_end, 1, 4) >= ?))"
            )
            params += [year, str(year), str(year)]
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

    def all_facts(self, *, pair: str | None = None, country: str | None = None) -> list[StoredFact]:
        """Every stored fact (optionally of one pair or country) for the tracker."""
        return self.facts(pair=pair, country=country).items

    def targets(
        self,
        *,
        country: str | None = None,
        pair: str | None = None,
        status: list[str] | None = None,
        as_of: date | None = None,
    ) -> list[tracker.TargetStatus]:
        """Every target with baseline, required growth, latest figure and status."""
        facts = self.all_facts(pair=pair, country=country)
        return tracker.targets(facts, as_of=as_of, country=country, pair=pair, status=status)

    def pair_report(self, a: str, b: str, *, as_of: date | None = None) -> tracker.PairReport:
        """Timeline, targets history, consistency checks and conflicts of one pair."""
        return tracker.pair_report(self.all_facts(pair=f"{a}-{b}"), a, b, as_of=as_of)

    def pairs(self) -> list[tracker.PairSummary]:
        """Every pair with fact counts and its latest turnover figure."""
        return tracker.pair_summaries(self.all_facts())

    _ARTICLE_KEYS = ("id", "doc", "url", "source", "published", "title", "content_hash",
                     "extractor_version", "ingested_at", "story_id", "facts")  # fmt: skip
    _ARTICLE_SQL = (
        "SELECT a.id, a.doc, a.url, a.source, a.published, a.title, a.content_hash, "
        "a.extractor_version, a.ingested_at, a.story_id, "
        "(SELECT count(*) FROM facts f WHERE f.article_id = a.id) FROM articles a "
    )

    def articles(self, *, limit: int | None = 50, offset: int = 0, q: str | None = None) -> Page:
        """Articles (without text), newest first; ``q`` searches title, doc and url."""
        where, params = "", []
        if q:
            where = "WHERE a.title LIKE ? OR a.doc LIKE ? OR a.url LIKE ?"
            params = [f"%{q}%"] * 3
        with self._lock:
            total = self.conn.execute(
                f"SELECT count(*) FROM articles a {where}", params
            ).fetchone()[0]
            rows = self.conn.execute(
                f"{self._ARTICLE_SQL} {where} "
                "ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ? OFFSET ?",
                [*params, -1 if limit is None else limit, offset],
            ).fetchall()
        return Page(
            [dict(zip(self._ARTICLE_KEYS, r, strict=True)) for r in rows], total, limit, offset
        )

    def article(self, article_id: int) -> dict[str, Any] | None:
        """One article with its text, facts (with spans), people and same-story articles."""
        with self._lock:
            row = self.conn.execute(f"{self._ARTICLE_SQL} WHERE a.id = ?", (article_id,)).fetchone()
            if row is None:
                return None
            info = dict(zip(self._ARTICLE_KEYS, row, strict=True))
            text = self.conn.execute(
                "SELECT text FROM articles WHERE id = ?", (article_id,)
            ).fetchone()[0]
            people = self.conn.execute(
                "SELECT name, country, role FROM people WHERE article_id = ? ORDER BY id",
                (article_id,),
            ).fetchall()
            others = self.conn.execute(
                "SELECT id, doc, url, source, published, title FROM articles "
                "WHERE story_id = ? AND id != ? ORDER BY id",
                (info["story_id"], article_id),
            ).fetchall()
        keys = ("id", "doc", "url", "source", "published", "title")
        return {
            **info,
            "text": text,
            "facts": [f.to_dict() for f in self.facts(article_id=article_id).items],
            "people": [{"name": n, "country": c, "role": r} for n, c, r in people],
            "same_story": [dict(zip(keys, o, strict=True)) for o in others],
        }

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        """Every article with its text, oldest first (for export)."""
        with self._lock:
            rows = self.conn.execute(
                "SELECT id, doc, url, source, published, title, content_hash, extractor_version, "
                "ingested_at, story_id, text FROM articles ORDER BY id"
            ).fetchall()
        keys = ("id", "doc", "url", "source", "published", "title", "content_hash",
                "extractor_version", "ingested_at", "story_id", "text")  # fmt: skip
        for r in rows:
            yield dict(zip(keys, r, strict=True))

    def stats(self) -> dict[str, int]:
        """Counts of articles, stories, facts and people."""
        with self._lock:
            q = self.conn.execute
            return {
                "articles": q("SELECT count(*) FROM articles").fetchone()[0],
                "stories": q("SELECT count(DISTINCT story_id) FROM articles").fetchone()[0],
                "facts": q("SELECT count(*) FROM facts").fetchone()[0],
                "people": q("SELECT count(*) FROM people").fetchone()[0],
            }
