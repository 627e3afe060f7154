"""`turnover batch`: both engines, the Parquet round trip, resuming, and bad input.

The Dask tests run on a real LocalCluster with two worker processes, started
once for the module (it takes a few seconds). The articles are written here, in
our own words; the dev corpus is read from ../shared at run time.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import shared_dir

from turnover import extract
from turnover.batch import ManifestError, is_batch_output, iter_batch_output, run_batch
from turnover.batch.manifest import Manifest
from turnover.batch.parquet_io import TABLES, article_facts_from_rows, fact_row, part_path
from turnover.batch.partitions import plan_partitions
from turnover.batch.worker import content_hash
from turnover.models import ArticleFacts, Fact, Period, Person

TURNOVER_CLI = Path(sys.executable).with_name("turnover")

ARTICLES = {
    "kz-uz.txt": (
        " date 2025-03-14 10:20\n"
        "Kazakhstan and Uzbekistan report record trade\n\n"
        "Trade turnover between Kazakhstan and Uzbekistan reached $4.4 billion in 2024, "
        "12 percent more than a year earlier, the trade ministry in Astana said on Friday.\n"
    ),
    "am-ge.txt": (
        " date 2024-11-02\n"
        "Armenia and Georgia plan more trade\n\n"
        "The two neighbours want mutual trade to reach $1 billion by 2030, "
        "the Armenian Prime Minister Nikol Pashinyan told reporters in Tbilisi.\n"
    ),
    "weather.txt": (
        "Rain expected over the weekend\n\n"
        "Forecasters expect heavy rain in the north on Saturday, clearing by Monday.\n"
    ),
    "nested/mn-cn.txt": (
        " date 2023-06-30\n"
        "Mongolia and China trade in the first half\n\n"
        "In January-May 2023, trade between Mongolia and China rose 30% to $5.1 billion.\n"
    ),
}
SHARD_LINES = [
    {
        "text": "Turkey and Azerbaijan set a goal of $15 billion in annual trade by 2030.\n",
        "doc": "tr-az",
        "url": "http://127.0.0.1/tr-az",
        "published": "2024-05-02",
        "title": "A new trade goal",
    },
    {"text": "Exports from Kyrgyzstan to Russia fell 4.5% in 2023 to $800 million.\n"},
    {"text": "A quiet day in the markets, with no change to report.\n", "published": "2024-01-09"},
]


@pytest.fixture(scope="module")
def scheduler() -> str:
    """The address of a real two-worker Dask LocalCluster, shared by the module."""
    from dask.distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",  # it serves HTTP anyway: loopback, free port
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Our own articles: files in a folder tree plus one JSONL shard."""
    root = tmp_path_factory.mktemp("corpus")
    for name, text in ARTICLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    lines = [json.dumps(line) for line in SHARD_LINES]
    (root / "shard.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Inputs that must each fail with a reason while the others go through."""
    root = tmp_path_factory.mktemp("bad")
    (root / "latin1.txt").write_bytes("Trade with Türkiye grew.".encode("latin-1"))
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x00\x00\x00")
    (root / "good.txt").write_text(ARTICLES["kz-uz.txt"], encoding="utf-8")
    shard_lines = [
        json.dumps({"text": "Kazakhstan trade grew 5% in 2024."}),
        "{not json",
        json.dumps({"doc": "no-text"}),
        json.dumps({"text": "Fine text.", "published": "last Tuesday"}),
        json.dumps(["a", "list"]),
    ]
    (root / "mixed.jsonl").write_text("\n".join(shard_lines) + "\n", encoding="utf-8")
    return root


def read_back(out: Path) -> list[tuple[dict, dict]]:
    return [(article, found.to_dict()) for article, found in iter_batch_output(out)]


def parquet_tables(out: Path) -> dict[str, dict[str, list[dict]]]:
    """Every table of every finished partition, as plain rows, keyed by file name."""
    manifest = Manifest.load(out)
    return {
        table: {
            pid: pq.read_table(part_path(out, table, pid)).to_pylist()
            for pid in manifest.partitions
        }
        for table in TABLES
    }


def test_dask_and_local_write_the_same_parquet_as_extract(
    corpus: Path, scheduler: str, tmp_path: Path
) -> None:
    inputs = [str(corpus), str(corpus / "shard.jsonl")]  # the shard twice: one partition set
    local = run_batch(
        inputs, tmp_path / "local", engine="local", workers=2, articles_per_partition=2
    )
    dask = run_batch(
        inputs, tmp_path / "dask", engine="dask", scheduler=scheduler, articles_per_partition=2
    )
    good = len(ARTICLES) + len(SHARD_LINES)
    for summary in (local, dask):
        assert summary.ok, summary
        assert summary.articles == summary.articles_now == good
        # [am-ge, kz-uz] [nested/mn-cn] | shard lines 1-2, line 3 | [weather]: a shard ends a group
        assert summary.partitions == summary.done == 5
    assert len(dask.peak_rss) == 2  # both workers of the cluster took partitions

    assert parquet_tables(tmp_path / "dask") == parquet_tables(tmp_path / "local")
    rows = read_back(tmp_path / "dask")
    assert rows == read_back(tmp_path / "local")
    assert len(rows) == good

    by_doc = {article["doc"]: (article, found) for article, found in rows}
    assert set(by_doc) == {"kz-uz", "am-ge", "weather", "mn-cn", "tr-az", "shard-2", "shard-3"}
    for article, found in by_doc.values():
        published = next(
            (line.get("published") for line in SHARD_LINES if line["text"] == article["text"]), None
        )
        assert found == extract(article["text"], doc=article["doc"], published=published).to_dict()
        assert article["content_hash"] == content_hash(article["text"])
    tr_az = by_doc["tr-az"][0]
    assert (tr_az["url"], tr_az["title"], tr_az["published"]) == (
        "http://127.0.0.1/tr-az",
        "A new trade goal",
        "2024-05-02",
    )
    assert by_doc["kz-uz"][0]["source"] == str(corpus / "kz-uz.txt")
    assert by_doc["shard-2"][0]["source"] == f"{corpus / 'shard.jsonl'}:2"


def test_dev_corpus_on_dask_equals_extract(scheduler: str, tmp_path: Path) -> None:
    dev = shared_dir("corpus", "dev")
    summary = run_batch(
        [str(dev)], tmp_path / "out", engine="dask", scheduler=scheduler, articles_per_partition=25
    )
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(dev.glob("*.txt"))}
    assert summary.ok and summary.articles == len(texts)
    rows = read_back(tmp_path / "out")
    assert [article["doc"] for article, _ in rows] == list(texts)  # input order kept
    for article, found in rows:
        assert article["text"] == texts[article["doc"]]
        assert found == extract(texts[article["doc"]], doc=article["doc"]).to_dict()
    assert sum(len(found["facts"]) for _, found in rows) == summary.facts


def test_rerun_redoes_only_the_unfinished_partition(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch([str(corpus)], out, workers=2, articles_per_partition=1)
    assert first.done == first.partitions == len(ARTICLES) + len(SHARD_LINES)
    before = read_back(out)
    files = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.glob("*/part-*.parquet")}

    # Simulate a crash mid-partition: its files half there, no manifest entry.
    manifest = Manifest.load(out)
    lost = manifest.ordered()[2]
    del manifest.partitions[lost]
    manifest.save()
    part_path(out, "facts", lost).unlink()

    again = run_batch([str(corpus)], out, workers=2)  # the folder remembers the partition size
    assert (again.done, again.skipped) == (1, first.partitions - 1)
    assert again.articles == first.articles and again.articles_now == 1
    assert read_back(out) == before
    for path, identity in files.items():
        now = (path.stat().st_ino, path.stat().st_mtime_ns)
        assert (now == identity) == (lost not in path.name), path

    third = run_batch([str(corpus)], out, workers=2)
    assert (third.done, third.skipped) == (0, first.partitions)


def test_a_partition_that_cannot_be_written_is_reported_and_redone(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = run_batch([str(corpus)], out, workers=2, articles_per_partition=2)
    manifest = Manifest.load(out)
    blocked = manifest.ordered()[1]
    del manifest.partitions[blocked]
    manifest.save()
    target = part_path(out, "facts", blocked)
    target.unlink()
    target.mkdir()  # a folder where the worker must put its file: the write fails

    crashed = run_batch([str(corpus)], out, workers=2)
    assert [c.spec.pid for c in crashed.crashed] == [blocked]
    assert "IsADirectoryError" in crashed.crashed[0].reason
    assert blocked not in Manifest.load(out).partitions
    assert crashed.articles < first.articles and not crashed.ok
    assert not list(target.parent.glob(".*.tmp"))  # no temporary file left behind

    target.rmdir()
    resumed = run_batch([str(corpus)], out, workers=2)
    assert (resumed.done, resumed.articles, resumed.ok) == (1, first.articles, True)


def test_edited_input_gets_a_new_partition(corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLES["kz-uz.txt"], encoding="utf-8")
    before, _ = plan_partitions([str(folder)], 10)
    assert plan_partitions([str(folder)], 10)[0] == before  # same input, same ids
    (folder / "a.txt").write_text(ARTICLES["am-ge.txt"], encoding="utf-8")
    after, _ = plan_partitions([str(folder)], 10)
    assert [s.pid for s in after] != [s.pid for s in before]


def test_bad_inputs_are_reported_and_do_not_stop_the_run(
    bad_inputs: Path, scheduler: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    summary = run_batch(
        [str(bad_inputs), str(tmp_path / "missing.txt")], out, engine="dask", scheduler=scheduler
    )
    assert summary.articles == 2 and not summary.crashed  # good.txt and the first shard line
    assert summary.input_failures == [f"{tmp_path / 'missing.txt'}: no such file or folder"]
    reasons = sorted(f.reason for f in summary.failures)
    assert reasons == sorted(
        [
            f"{bad_inputs / 'binary.txt'}: binary file, not an article",
            f"{bad_inputs / 'empty.txt'}: empty article",
            f"{bad_inputs / 'latin1.txt'}: not UTF-8 text (byte 12)",
            f"{bad_inputs / 'mixed.jsonl'}:2: invalid JSON (Expecting property name enclosed in "
            "double quotes at column 2)",
            f"{bad_inputs / 'mixed.jsonl'}:3: 'text' is missing or not a string",
            f"{bad_inputs / 'mixed.jsonl'}:4: 'published' must be an ISO date like 2025-09-29 "
            "or 2025-09-29T20:54",
            f"{bad_inputs / 'mixed.jsonl'}:5: a JSON object with a 'text' field was expected",
        ]
    )
    stored = pq.read_table(out / "failures").to_pylist()
    assert sorted(row["reason"] for row in stored) == reasons
    assert Manifest.load(out).input_failures == summary.input_failures
    assert not summary.ok


def test_cli_summary_and_exit_status(bad_inputs: Path, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = subprocess.run(
        [
            str(TURNOVER_CLI),
            "batch",
            str(corpus),
            str(bad_inputs / "latin1.txt"),
            "--out",
            str(out),
            "--workers",
            "1",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert f"failed: {bad_inputs / 'latin1.txt'}: not UTF-8 text (byte 12)" in run.stdout
    assert re.search(rf"articles\W+{len(ARTICLES) + len(SHARD_LINES)}\b", run.stdout), run.stdout
    assert is_batch_output(out)

    clean = subprocess.run(
        [str(TURNOVER_CLI), "batch", str(corpus), "--out", str(tmp_path / "clean"), "-q"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert clean.returncode == 0, clean.stderr

    not_ours = subprocess.run(
        [str(TURNOVER_CLI), "batch", str(corpus), "--out", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert not_ours.returncode == 2
    assert (
        not_ours.stderr.strip()
        == f"turnover: {corpus}: folder is not empty and holds no batch output"
    )


def test_resume_keeps_the_partition_size(corpus: Path, tmp_path: Path) -> None:
    run_batch([str(corpus / "kz-uz.txt")], tmp_path / "out", workers=1, articles_per_partition=5)
    with pytest.raises(ManifestError, match="written with 5 articles per partition"):
        run_batch([str(corpus)], tmp_path / "out", workers=1, articles_per_partition=6)


def test_is_batch_output(corpus: Path, tmp_path: Path) -> None:
    assert not is_batch_output(corpus)
    (tmp_path / "_manifest.json").write_text("{}", encoding="utf-8")
    assert not is_batch_output(tmp_path)
    with pytest.raises(ManifestError, match="not a turnover batch manifest"):
        list(iter_batch_output(tmp_path))


def test_facts_and_people_survive_the_parquet_round_trip() -> None:
    """Built by hand: the schema must hold every FACTS.md field, whatever the extractor finds."""
    facts = (
        Fact(
            "value",
            "turnover",
            ("BLR", "KGZ"),
            133e6,
            "USD",
            None,
            Period.year(2024),
            None,
            "trade reached $133 million",
            (10, 37),
            "approximately",
            None,
        ),
        Fact(
            "change",
            "export",
            ("KGZ", "WLD"),
            None,
            None,
            -4.5,
            Period.months(2025, 1, 6),
            None,
            "fell 4.5%",
            (50, 59),
        ),
        Fact(
            "target",
            "turnover",
            ("BLR", "KGZ"),
            5e8,
            "USD",
            None,
            None,
            2030,
            "to $500 million",
            (80, 95),
            None,
            "Adylbek Kasymaliev",
        ),
    )
    people = (
        Person("Adylbek Kasymaliev", "KGZ", "Chairman of the Cabinet of Ministers"),
        Person("Someone", None),
    )
    original = ArticleFacts("doc-1", "2025-09-29T20:54", "A title", facts, people)
    key = {"partition": "p", "row": 0, "doc": "doc-1", "content_hash": "h"}
    fact_rows = [{**key, "fact_index": i, **fact_row(f)} for i, f in enumerate(facts)][::-1]
    person_rows = [{**key, "person_index": i, **p.to_dict()} for i, p in enumerate(people)]
    article = {"doc": "doc-1", "published": "2025-09-29T20:54", "title": "A title"}
    assert article_facts_from_rows(article, fact_rows, person_rows) == original
