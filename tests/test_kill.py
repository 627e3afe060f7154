"""SIGKILL during `turnover ingest` leaves a sound database of whole articles, and a
re-run completes the rest."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from turnover import extract

TEMPLATES = [
    "date 2025-09-29\nKyrgyzstan and Belarus plan more trade\n\n"
    "Kyrgyzstan and Belarus plan to lift their trade turnover to $500 million by 2030, the "
    "prime minister said. In 2024 trade between the two countries reached $133 million, of "
    "which exports from Kyrgyzstan were $22 million.\n\nFiled under {tag}.\n",
    "date 2024-05-02\nKazakhstan and Uzbekistan results\n\nTrade between Kazakhstan and "
    "Uzbekistan reached $4.4 billion in 2023, up 10 percent on the year before. The "
    "presidents agreed to bring it to $10 billion by 2030.\n\nFiled under {tag}.\n",
    "date 2023-06-05\nWeather\n\nRain is expected this week.\n\nFiled under {tag}.\n",
]
ARTICLES = 600
WORDS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india")
TURNOVER = [sys.executable, "-c", "from turnover.cli import main; main()"]


def write_articles(folder: Path) -> dict[str, int]:
    """Write the articles; return each doc's template number."""
    folder.mkdir()
    rng = random.Random(7)
    kinds = {}
    for i in range(ARTICLES):
        tag = " ".join(rng.choice(WORDS) for _ in range(8))
        (folder / f"a{i:04d}.txt").write_text(TEMPLATES[i % 3].format(tag=tag))
        kinds[f"a{i:04d}"] = i % 3
    return kinds


def stored_count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def check_whole(db: Path, kinds: dict[str, int], expected: list[tuple[int, int]]) -> int:
    """Integrity, no orphans, and every stored article with all its facts and people."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    facts = Counter(
        dict(conn.execute("SELECT article_id, count(*) FROM facts GROUP BY article_id"))
    )
    people = Counter(
        dict(conn.execute("SELECT article_id, count(*) FROM people GROUP BY article_id"))
    )
    rows = conn.execute("SELECT id, doc FROM articles").fetchall()
    for article_id, doc in rows:
        assert (facts[article_id], people[article_id]) == expected[kinds[doc]], doc
    conn.close()
    return len(rows)


@pytest.mark.slow
def test_sigkill_mid_ingest_keeps_whole_articles_and_rerun_completes(tmp_path: Path):
    kinds = write_articles(tmp_path / "in")
    expected = []
    for n, template in enumerate(TEMPLATES):
        af = extract(template.format(tag="x"), doc=f"t{n}")
        expected.append((len(af.facts), len(af.people)))
    assert expected[0][0] > 0 and expected[1][0] > 0  # the kill can land inside an article's facts
    db = tmp_path / "k.db"
    cmd = [*TURNOVER, "ingest", str(tmp_path / "in"), "--db", str(db)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    seen = 0
    for stop_at in (40, 200):  # kill twice, later the second time
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        while stored_count(db) < stop_at and proc.poll() is None:
            time.sleep(0.005)  # poll, not a timing assertion
        proc.send_signal(signal.SIGKILL)
        assert proc.wait() == -signal.SIGKILL, "ingest finished before it could be killed"
        count = check_whole(db, kinds, expected)
        assert seen < count < ARTICLES
        seen = count
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert f"{ARTICLES - seen} new, {seen} already stored, 0 failed" in done.stderr
    assert check_whole(db, kinds, expected) == ARTICLES
