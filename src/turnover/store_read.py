"""Read queries of the fact store: facts with filters and pages, articles, tracker views.

A mixin of `turnover.store.Store` (which owns the connection and the lock), kept
apart so that writing and reading each stay one readable module.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from turnover import tracker
from turnover.tracker import StoredFact


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


class StoreReader:
    """Queries over ``self.conn`` under ``self._lock`` (provided by `Store`)."""

    conn: sqlite3.Connection
    _lock: threading.RLock

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
