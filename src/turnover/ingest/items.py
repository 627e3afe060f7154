"""What every ingestion source yields: an article to store, or a failure to report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from turnover.models import ArticleFacts
from turnover.store import ArticleMeta


@dataclass(slots=True)
class IngestItem:
    """One article from a source. ``facts`` is set when it was extracted elsewhere
    (a batch output folder); otherwise the runner extracts it."""

    label: str  # the file, line or URL it came from, for messages
    meta: ArticleMeta
    facts: ArticleFacts | None = None


@dataclass(slots=True)
class IngestFailure:
    """An input that gave no article; ``reason`` is one line."""

    label: str
    reason: str

    def __str__(self) -> str:
        return f"{self.label}: {self.reason}"


@dataclass(slots=True)
class IngestSkip:
    """An input deliberately not fetched: already stored (by URL) or older than --since."""

    label: str
    reason: str


_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")


def normalise_published(value: object) -> str | None:
    """A publication date from metadata as ``YYYY-MM-DD[THH:MM]`` (the extractor's form).

    Accepts ISO strings (with seconds or time zone), dates and datetimes; raises
    ValueError for anything else so the source can name the bad field.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        m = _ISO_PREFIX.match(value.strip())
        if m:
            try:
                date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                raise ValueError(f"not a valid date: {value!r}") from None
            return m[0][:10] + (f"T{m[4]}:{m[5]}" if m[4] else "")
    raise ValueError(f"not an ISO date: {value!r}")
