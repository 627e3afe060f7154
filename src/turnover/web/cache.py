"""Memoising the tracker's whole-store answers until the database changes.

The overview and the target/pair lists recompute every target and pair from all
stored facts (the tracker is pure Python over `StoredFact` lists): tens of
milliseconds each, which under 50 concurrent clients is the server's ceiling.
Between ingests the answer cannot change, so it is kept, keyed by SQLite's
``PRAGMA data_version`` on a connection of our own: that number changes
whenever any other connection (the app's store, a `turnover ingest` running
beside the server) commits, and costs microseconds to read.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

MAX_ENTRIES = 512
"""Distinct filter combinations kept per database version (bounded memory)."""


class StoreCache:
    """Results of expensive store calls, dropped as soon as the database changes.

    Cached values are shared between requests: callers must not mutate them.
    """

    def __init__(self, db_path: Path) -> None:
        self._conn = sqlite3.connect(
            f"{db_path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
        self._lock = threading.Lock()
        self._version: int | None = None
        self._entries: dict[Hashable, object] = {}
        self.hits = self.misses = 0

    def _current_version(self) -> int:
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value for ``key`` at the current database version, else ``compute()``."""
        with self._lock:
            version = self._current_version()
            if version != self._version:
                self._entries.clear()
                self._version = version
            if key in self._entries:
                self.hits += 1
                return self._entries[key]  # type: ignore[return-value]
            self.misses += 1
        value = compute()
        with self._lock:
            if self._version == version and len(self._entries) < MAX_ENTRIES:
                self._entries[key] = value
        return value

    def close(self) -> None:
        self._conn.close()
