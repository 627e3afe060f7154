"""DIR/_manifest.json: which partitions of a batch output are finished.

The manifest is the single source of truth about an output folder: a partition
counts (for resuming and for reading back) only once its entry is here, and an
entry is written only after all of its Parquet files are in place. The file is
replaced atomically (write a temporary file, fsync, rename), so a crash at any
moment leaves the previous manifest or the new one, never a torn one.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

MANIFEST_NAME = "_manifest.json"
FORMAT = "turnover-batch/1"


class ManifestError(Exception):
    """The folder holds something that is not a readable batch manifest (one line)."""


@dataclass
class Manifest:
    """Finished partitions by id, plus the settings a resumed run must keep."""

    path: Path
    articles_per_partition: int | None = None
    partitions: dict[str, dict[str, Any]] = field(default_factory=dict)
    input_failures: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        """Read DIR's manifest, or start an empty one when there is none yet."""
        path = out_dir / MANIFEST_NAME
        if not path.exists():
            return cls(path=path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ManifestError(f"{path}: unreadable batch manifest ({exc})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ManifestError(f"{path}: not a turnover batch manifest")
        return cls(
            path=path,
            articles_per_partition=data.get("articles_per_partition"),
            partitions=dict(data.get("partitions") or {}),
            input_failures=list(data.get("input_failures") or []),
        )

    def is_done(self, pid: str, extractor_version: str) -> bool:
        """Finished, and by the same extractor (a newer one must redo the partition)."""
        entry = self.partitions.get(pid)
        return entry is not None and entry.get("extractor_version") == extractor_version

    def record(self, pid: str, entry: dict[str, Any]) -> None:
        self.partitions[pid] = {
            **entry,
            "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        }

    def ordered(self) -> list[str]:
        """Partition ids in the order their inputs were given."""
        return sorted(self.partitions, key=lambda pid: (self.partitions[pid].get("index", 0), pid))

    def save(self) -> None:
        """Replace the manifest atomically."""
        data = {
            "format": FORMAT,
            "articles_per_partition": self.articles_per_partition,
            "input_failures": self.input_failures,
            "partitions": self.partitions,
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)
