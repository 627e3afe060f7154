"""Throughput of `turnover ingest` into SQLite and of the tracker queries (issue 3).

Writes --articles article files made from the dev corpus texts (read from
../shared/corpus/dev at run time, never stored in the repo), each made unique
by a trailing line, then ingests them into a fresh database and times:

- ingest: read, extract, near-duplicate lookup and one transaction per article;
- re-ingest: the same folder again (every article already stored);
- targets / facts page / pair report: the library calls behind the commands.

    .venv/bin/python benchmarks/bench_ingest.py                  # 2,000 articles
    .venv/bin/python benchmarks/bench_ingest.py --articles 500
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from turnover.ingest import ingest
from turnover.store import Store

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    texts = [p.read_text() for p in sorted(DEV.glob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i in range(args.articles):
            (folder / f"a{i:05d}.txt").write_text(f"{texts[i % len(texts)]}\n\nCopy {i}.\n")
        with Store(Path(tmp) / "bench.db") as store:
            t0 = time.perf_counter()
            first = ingest(store, [str(folder)])
            t1 = time.perf_counter()
            again = ingest(store, [str(folder)])
            t2 = time.perf_counter()
            targets = store.targets()
            t3 = time.perf_counter()
            store.facts(pair="KAZ-RUS", limit=50)
            t4 = time.perf_counter()
            store.pair_report("KAZ", "RUS")
            t5 = time.perf_counter()
            stats = store.stats()
    n = args.articles
    rate = n / (t1 - t0)
    print(f"ingest     {n} articles in {t1 - t0:.1f} s = {rate:.0f} articles/s")
    print(f"           {first.facts_added} facts, {first.same_story} linked to an earlier story")
    print(f"re-ingest  {again.already_stored} already stored in {t2 - t1:.1f} s")
    print(f"targets    {len(targets)} targets over {stats['facts']} facts in {t3 - t2:.2f} s")
    print(f"facts page {t4 - t3:.3f} s; pair report KAZ-RUS {t5 - t4:.3f} s")


if __name__ == "__main__":
    main()
