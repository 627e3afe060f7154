"""Throughput of `turnover batch` on each engine with 1 and 2 workers (issue 5).

Builds a corpus of --articles articles (default 200,000) as JSONL shards in a
temporary folder: about 1 in 10 is a trade article (the dev corpus texts, read
from ../shared/corpus/dev at run time and cycled), the rest are generated
non-trade news (bench_extract's templates). Then runs `run_batch` over it for
every engine and worker count, each into a fresh output folder, and reports
articles/second overall and per worker, the speed-up over one worker, and the
peak RSS of each worker process.

    .venv/bin/python benchmarks/bench_batch.py                      # 200,000 articles
    .venv/bin/python benchmarks/bench_batch.py --articles 20000     # a quick run
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import tempfile
import time
from pathlib import Path

from bench_extract import dev_texts, non_trade_texts

from turnover import EXTRACTOR_VERSION
from turnover.batch import run_batch
from turnover.batch.manifest import Manifest

TRADE_EVERY = 10  # one trade article in ten


def build_corpus(folder: Path, articles: int, shards: int) -> list[str]:
    """Write ``articles`` JSONL lines into ``shards`` files; return their paths."""
    dev = dev_texts()
    generated = non_trade_texts(articles)
    paths = [folder / f"shard-{k:03d}.jsonl" for k in range(shards)]
    handles = [p.open("w", encoding="utf-8") for p in paths]
    try:
        for i in range(articles):
            if i % TRADE_EVERY == 0:
                doc, text = dev[(i // TRADE_EVERY) % len(dev)]
                doc = f"{doc}-{i}"
            else:
                doc, text = f"gen-{i}", next(generated)
            line = json.dumps({"doc": doc, "text": text}, ensure_ascii=False)
            handles[i * shards // articles].write(line + "\n")
    finally:
        for handle in handles:
            handle.close()
    return [str(p) for p in paths]


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    cores = subprocess.run(["nproc"], capture_output=True, text=True, check=False).stdout.strip()
    return f"{cores} cores ({model}), Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--partition-size", type=int, default=1000)
    parser.add_argument("--engines", default="local,dask")
    parser.add_argument("--workers", default="1,2", help="worker counts to try, e.g. 1,2")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    engines = args.engines.split(",")
    worker_counts = [int(w) for w in args.workers.split(",")]

    with tempfile.TemporaryDirectory(prefix="turnover-bench-") as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        shards = build_corpus(root, args.articles, args.shards)
        size = sum(Path(s).stat().st_size for s in shards)
        if not args.json:
            print(f"machine: {machine()}; extractor {EXTRACTOR_VERSION}")
            built = time.perf_counter() - started
            print(
                f"corpus: {args.articles:,} articles in {len(shards)} shards, "
                f"{size / 2**20:,.0f} MiB, built in {built:.1f} s"
            )
        results = []
        for engine in engines:
            for workers in worker_counts:
                out = root / f"out-{engine}-{workers}"
                summary = run_batch(
                    shards,
                    out,
                    engine=engine,  # type: ignore[arg-type]
                    workers=workers,
                    articles_per_partition=args.partition_size,
                )
                if not summary.ok or summary.articles != args.articles:
                    raise SystemExit(f"bench_batch: {engine} x{workers} did not finish: {summary}")
                rss = sorted(summary.peak_rss.values())
                # Time the workers spent inside partitions over the time they had:
                # below ~100% means waiting on the engine or sharing the cores.
                # CPU time over partition time: below ~100% means other processes took the core.
                done = Manifest.load(out).partitions.values()
                busy = sum(e["seconds"] for e in done)
                cpu = sum(e["cpu_seconds"] for e in done)
                results.append(
                    {
                        "engine": engine,
                        "workers": workers,
                        "articles": summary.articles,
                        "facts": summary.facts,
                        "seconds": round(summary.seconds, 2),
                        "startup_seconds": round(summary.startup_seconds, 2),
                        "articles_per_second": round(summary.articles_per_second),
                        "per_worker": round(summary.articles_per_second / workers),
                        "peak_rss_mib": [round(r / 2**20) for r in rss],
                        "busy_percent": round(100 * busy / (summary.seconds * workers)),
                        "cpu_percent": round(100 * cpu / busy),
                    }
                )
                if not args.json:
                    r = results[-1]
                    base = next(x for x in results if x["engine"] == engine)
                    speedup = r["articles_per_second"] / base["articles_per_second"]
                    print(
                        f"{engine:5} x{workers}: {r['articles_per_second']:>7,} articles/s "
                        f"({r['per_worker']:,}/worker, {speedup:.2f}x of x{base['workers']}) "
                        f"in {r['seconds']} s + {r['startup_seconds']} s start; "
                        f"{r['facts']:,} facts; workers busy {r['busy_percent']}%, "
                        f"on CPU {r['cpu_percent']}%; "
                        f"peak RSS per worker {r['peak_rss_mib']} MiB"
                    )
        if len({r["facts"] for r in results}) > 1:
            raise SystemExit("bench_batch: engines disagree on the number of facts")
        if args.json:
            print(
                json.dumps({"machine": machine(), "extractor": EXTRACTOR_VERSION, "runs": results})
            )


if __name__ == "__main__":
    main()
