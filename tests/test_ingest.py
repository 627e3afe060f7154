"""`turnover ingest` from files, folders, globs, JSONL, HTML files and batch output,
and the tracker commands' table and JSON output, on real SQLite files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from turnover import extract
from turnover.cli import app
from turnover.ingest import ingest, normalise_published
from turnover.store import Store

KG_BY = (
    "date 2025-09-29 20:54\nKyrgyzstan and Belarus intend to raise trade to $500 million\n\n"
    "Kyrgyzstan and Belarus plan to lift their trade turnover to $500 million within the next "
    "five years, the Kyrgyz prime minister said in Minsk.\n\n"
    "In 2024 trade between Kyrgyzstan and Belarus amounted to $133 million.\n"
)
TR_AZ = (
    "date 2023-06-05\nTurkey and Azerbaijan aim for $15 billion\n\n"
    "Turkey and Azerbaijan want bilateral trade to reach $15 billion by 2030, the ministers said.\n"
)
PAGE = (
    "<html><head><title>Kazakhstan and Uzbekistan set a goal</title>"
    "<meta property='article:published_time' content='2025-02-10'></head><body>"
    "<article><h1>Kazakhstan and Uzbekistan set a goal</h1>"
    "<p>Kazakhstan and Uzbekistan agreed to lift bilateral trade to $10 billion by 2030, "
    "the presidents said after talks in Tashkent on Monday.</p></article></body></html>"
)

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "kg-by.txt").write_text(KG_BY)
    (folder / "sub" / "tr-az.txt").write_text(TR_AZ)
    (folder / "page.html").write_text(PAGE)
    (folder / "gold.json").write_text("{}")  # not an article: ignored in folders
    lines = [
        json.dumps(
            {"text": KG_BY.replace("Minsk", "Bishkek"), "url": "https://x.example/1", "title": "T"}
        ),
        "",
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": TR_AZ, "published": "31 May"}),
        json.dumps(["a list"]),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    return tmp_path


def test_folder_jsonl_and_bad_inputs(sources: Path, tmp_path: Path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01 binary")
    with Store(tmp_path / "t.db") as store:
        inputs = [str(sources / "in"), str(sources / "feed.jsonl"), str(tmp_path / "binary.txt")]
        summary = ingest(store, [*inputs, "nope/*.txt", "missing.txt"])
        reasons = {f.label: f.reason for f in summary.failures}
        assert reasons == {
            f"{sources}/feed.jsonl:3": reasons[f"{sources}/feed.jsonl:3"],
            f"{sources}/feed.jsonl:4": "no non-empty 'text' field",
            f"{sources}/feed.jsonl:5": "'published' not an ISO date: '31 May'",
            f"{sources}/feed.jsonl:6": "expected a JSON object, got list",
            str(tmp_path / "binary.txt"): "binary file, not an article",
            "nope/*.txt": "pattern matches no files",
            "missing.txt": "no such file or folder",
        }
        assert reasons[f"{sources}/feed.jsonl:3"].startswith("not JSON")
        assert (summary.new, summary.already_stored, summary.failed) == (4, 0, 7)
        docs = {a["doc"]: a for a in store.articles(limit=None).items}
        assert set(docs) == {"kg-by", "tr-az", "page", "feed-1"}
        assert docs["feed-1"]["url"] == "https://x.example/1" and docs["feed-1"]["title"] == "T"
        assert docs["page"]["published"] == "2025-02-10"
        # Facts stored are exactly what the extractor gives for the text stored.
        for doc, given_date in [
            ("kg-by", None),
            ("tr-az", None),
            ("page", "2025-02-10"),
            ("feed-1", None),
        ]:
            article = store.article(docs[doc]["id"])
            expected = extract(article["text"], doc=doc, published=given_date).facts
            assert [(f["kind"], f["value"], f["quote"]) for f in article["facts"]] == [
                (f.kind, f.value, f.quote) for f in expected
            ]
        again = ingest(store, [str(sources / "in")])
        assert (again.new, again.already_stored, again.facts_added) == (0, 3, 0)


def test_glob_and_published_dates(sources: Path, tmp_path: Path):
    with Store(tmp_path / "g.db") as store:
        summary = ingest(store, [str(sources / "in" / "**" / "*.txt")])
        assert summary.new == 2
    assert normalise_published("2025-09-29T20:54:11Z") == "2025-09-29T20:54"
    assert normalise_published("2025-09-29") == "2025-09-29"
    assert normalise_published(None) is None
    with pytest.raises(ValueError, match="not a valid date"):
        normalise_published("2025-02-30")


def test_batch_output_folder_loads_without_reextracting(tmp_path: Path, sources: Path):
    from turnover.batch import run_batch

    out = tmp_path / "batch"
    run_batch([str(sources / "in")], out, engine="local", workers=1)
    db = str(tmp_path / "b.db")
    code, _, err = run("ingest", "--db", db, str(out))
    assert code == 0, err
    with Store(db) as store:
        batch_docs = {a["doc"]: a["facts"] for a in store.articles(limit=None).items}
    assert set(batch_docs) == {"kg-by", "tr-az"}  # batch reads .txt and .jsonl
    # The same articles given as text are recognised as already stored.
    code, _, err = run("ingest", "--db", db, str(sources / "in" / "kg-by.txt"))
    assert code == 0 and "0 new, 1 already stored, 0 failed" in err


def test_cli_ingest_then_tracker_commands(sources: Path, tmp_path: Path):
    db = str(tmp_path / "cli.db")
    code, _, err = run("ingest", "--db", db, str(sources / "in"))
    assert code == 0 and "3 new, 0 already stored, 0 failed" in err
    code, out, _ = run("targets", "--db", db, "--json", "--as-of", "2026-01-01")
    assert code == 0
    targets = json.loads(out)
    with Store(db) as store:
        assert targets == [
            t.to_dict() for t in store.targets(as_of=__import__("datetime").date(2026, 1, 1))
        ]
        n_facts = store.stats()["facts"]
    for t in targets:
        assert set(t) >= {
            "id",
            "pair",
            "value",
            "by",
            "baseline_value",
            "required_cagr",
            "status",
            "sources",
        }
    code, out, _ = run("targets", "--db", db, "--pair", "AZE-TUR")
    assert code == 0 and ("AZE-TUR" in out) == any(t["pair"] == "AZE-TUR" for t in targets)
    code, out, _ = run("facts", "--db", db, "--json", "--limit", "2")
    page = json.loads(out)
    assert page["total"] == n_facts and len(page["items"]) == min(2, n_facts)
    code, out, _ = run("pair", "KGZ", "BLR", "--db", db, "--json")
    assert code == 0 and json.loads(out)["pair"] == "BLR-KGZ"
    code, out, _ = run("pair", "KGZ", "BLR", "--db", db)
    assert code == 0 and "BLR-KGZ: reported figures" in out
    code, _, err = run("reextract", "--db", db, "--all")
    assert code == 0 and "3 articles re-extracted" in err


def test_cli_errors_are_one_line(tmp_path: Path):
    db = str(tmp_path / "e.db")
    for args, message in [
        (["targets", "--db", db, "--status", "sideways"], "--status 'sideways': choose from"),
        (["targets", "--db", db, "--pair", "KGZ"], "--pair 'KGZ': a pair is two codes"),
        (["targets", "--db", db, "--as-of", "soon"], "--as-of 'soon': expected a date"),
        (["export", "--db", db, "--format", "xls"], "--format 'xls': choose from"),
        (["ingest", "--db", db, "--since", "May", "x.txt"], "--since 'May': expected a date"),
    ]:
        code, _, err = run(*args)
        assert code == 2 and err.strip().startswith("turnover: ") and message in err, err
        assert len(err.strip().splitlines()) == 1
    junk = tmp_path / "junk.db"
    junk.write_text("not a database " * 100)
    code, _, err = run("facts", "--db", str(junk))
    assert code == 2 and "not a turnover database" in err


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_export_formats(sources: Path, tmp_path: Path, fmt: str):
    db = str(tmp_path / "x.db")
    run("ingest", "--db", db, str(sources / "in"))
    code, _, err = run("export", "--db", db, "--format", fmt, "--out", str(tmp_path / "out"))
    assert code == 0, err
    with Store(db) as store:
        n_facts, n_targets = store.stats()["facts"], len(store.targets())
    files = {p.name for p in (tmp_path / "out").iterdir()}
    assert files == {f"facts.{fmt}", f"targets.{fmt}", f"articles.{fmt}"}
    path = tmp_path / "out" / f"facts.{fmt}"
    if fmt == "csv":
        rows = list(csv.DictReader(path.open()))
        assert {"country1", "country2", "period_start", "period_end", "span_start", "quote"} <= set(
            rows[0]
        )
    elif fmt == "json":
        rows = json.loads(path.read_text())
        assert {"countries", "period", "span"} <= set(rows[0])
    else:
        rows = pq.read_table(path).to_pylist()
    assert len(rows) == n_facts > 0
    articles = tmp_path / "out" / f"articles.{fmt}"
    if fmt == "parquet":
        texts = pq.read_table(articles).column("text").to_pylist()
        assert KG_BY in texts
    if fmt == "csv":
        assert len(list(csv.DictReader((tmp_path / "out" / "targets.csv").open()))) == n_targets
