"""Poikki's benchmark suite in one command: what users feel, beside a baseline in the same run.

Run from the repository root: .venv/bin/python -m benchmarks [--quick] [--sizes small large]
[--json PATH]

For each size (small: ~10k nodes and ~100k ties; large: ~100k nodes and ~1M ties) a synthetic
graph is generated and bulk-loaded into a fresh embedded database (ties/s, nodes/s). Then
`poikki serve` runs over it three times, one server after the other, each driven over loopback
by a concurrent client: as shipped (result cache on) for the floors (a plain HTTP request,
`{ __typename }`), (a) a node lookup, (b) a filtered, sorted, paginated root list, (c) the
3-level nested query and (d) a programme's network over a period; with the result cache off
(POIKKI_RESULT_CACHE_MB=0) for the GraphQL floor, (a) to (c), (f) a root list filtered on
related nodes (projects with `some` third-sector participant), (g) the organisations' aggregate
grouped by sector and (h) the programmes sorted by participant count, so that every answer is
resolved; and naive (POIKKI_BATCH_LOADS=false, cache off: one store call per parent) for (c).
Each is measured with one client (latency alone) and with --concurrency clients (latency under
load, requests/s). Then export memory (benchmarks/exports.py) and, once, betweenness +
communities against networkx (benchmarks/analytics.py). It ends with one table (each figure,
the issue's target, met or not) and writes every figure to JSON (default
build/benchmarks.json).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from benchmarks import report, suite
from benchmarks.serving import Load

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_JSON = ROOT / "build" / "benchmarks.json"


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=(__doc__ or "").splitlines()[0]
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a smoke run: the small graph, short phases, about 2 minutes",
    )
    parser.add_argument("--sizes", nargs="+", choices=list(suite.SIZES), help="default: both")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where the figures go")
    parser.add_argument("--concurrency", type=int, default=8, help="clients of the loaded phase")
    parser.add_argument(
        "--seconds", type=float, help="measured seconds per phase (default 5; quick 1)"
    )
    parser.add_argument(
        "--warmup", type=float, help="warm-up seconds per phase (default 1; quick 0.3)"
    )
    parser.add_argument(
        "--export-writers",
        nargs="*",
        help="export writers to measure (Poikki's formats, networkx-graphml, networkx-gexf)",
    )
    parser.add_argument("--analytics-people", type=int, help="default 50,000 (quick: 5,000)")
    parser.add_argument("--analytics-projects", type=int, help="default 10,000 (quick: 1,000)")
    parser.add_argument("--analytics-sources", type=int, help="sampled sources (default 16)")
    parser.add_argument(
        "--skip", nargs="*", choices=suite.PARTS, default=[], help="parts not to run"
    )
    return parser.parse_args(argv)


def plan_from(args: argparse.Namespace) -> suite.Plan:
    quick = args.quick
    sizes = args.sizes or (["small"] if quick else list(suite.SIZES))
    # A cold export of the large graph fetches ~1M ties from the store first (minutes), and
    # networkx holds the whole document: the large size measures GraphML alone by default.
    writers: dict[str, list[str]] = {
        "small": ["graphml"] if quick else ["graphml", "gexf", "networkx-graphml"],
        "large": ["graphml"],
    }
    if args.export_writers is not None:
        writers = dict.fromkeys(suite.SIZES, args.export_writers)
    return suite.Plan(
        sizes=[suite.SIZES[name] for name in sizes],
        load=Load(
            concurrency=args.concurrency,
            seconds=args.seconds or (1.0 if quick else 5.0),
            warmup_seconds=args.warmup or (0.3 if quick else 1.0),
            min_requests=5 if quick else 20,
        ),
        export_writers=writers,
        export_cold=True,
        analytics_people=args.analytics_people or (5_000 if quick else 50_000),
        analytics_projects=args.analytics_projects or (1_000 if quick else 10_000),
        analytics_sources=args.analytics_sources or 16,
        skip=frozenset(args.skip),
        network_programmes=2 if quick else 3,
    )


def main(argv: list[str]) -> None:
    # The synthetic generator iterates a set of strings, so its ties depend on the hash seed:
    # fix it, so that every run benchmarks the same graphs.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(
            sys.executable,
            [sys.executable, "-m", "benchmarks", *argv],
            os.environ | {"PYTHONHASHSEED": "0"},
        )
    args = _arguments(argv)
    plan = plan_from(args)
    results = suite.run(plan)
    results["command"] = " ".join(["python -m benchmarks", *argv])
    table = report.build(results)
    results["targets"] = table.verdicts
    minutes = results["duration_s"] / 60
    print(f"\n== Poikki benchmarks, {results['started']}, {minutes:.1f} min")
    machine = results["machine"]
    print(
        f"{machine['cpu']}, {machine['cpus']} CPUs, {machine['memory_gib']:.0f} GiB;"
        f" {machine['os']}; Python {machine['python']}; LadybugDB {machine['ladybug']};"
        f" load average {machine['load_average_at_start'][0]:.1f} at start,"
        f" {machine['load_average_at_end'][0]:.1f} at the end"
    )
    print(table.markdown())
    met = sum(v["met"] for v in table.verdicts)
    print(f"\n{met} of {len(table.verdicts)} targets met.")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1, default=str))
    print(f"Every figure: {args.json}")


if __name__ == "__main__":
    main(sys.argv[1:])
