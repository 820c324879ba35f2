"""Measure speed and memory against the project's targets: ``python benchmarks/run.py``.

Each measure runs a warm-up, then several repetitions, and reports median, 95th percentile and
spread. Results go to ``benchmarks/results.json`` and a table on stdout. The exit status is 0
even when a target is missed: the table says which; these are records, not tests.

``--only NAME`` (repeatable) runs selected measures; ``--quick`` uses fewer repetitions.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PROFILE_ARGS = ["--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3"]


@dataclass
class Measure:
    name: str
    description: str
    unit: str
    target: float
    statistic: str  # which statistic is compared with the target: median, p95, value
    samples: list[float]
    extra: dict | None = None

    @property
    def summary(self) -> dict[str, float]:
        ordered = sorted(self.samples)
        p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
        return {
            "median": statistics.median(ordered),
            "p95": p95,
            "min": ordered[0],
            "max": ordered[-1],
            "stdev": statistics.stdev(ordered) if len(ordered) > 1 else 0.0,
            "n": len(ordered),
        }

    @property
    def value(self) -> float:
        summary = self.summary
        return summary["median"] if self.statistic == "value" else summary[self.statistic]

    @property
    def passed(self) -> bool:
        return self.value <= self.target


REGISTRY: dict[str, Callable[[int], list[Measure]]] = {}


def measure(name: str):
    def register(function):
        REGISTRY[name] = function
        return function

    return register


def timed(function, repeats: int, warmup: int = 3) -> list[float]:
    for _ in range(warmup):
        function()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


@measure("estimate")
def estimate_in_process(repeats: int) -> list[Measure]:
    from decision_aid.model import default_model

    model = default_model()
    profile = model.validate({"age": 47, "course": "spms", "edss": 6.5, "prior_dmts": 4})
    samples = timed(lambda: model.estimate(profile, horizon=10, draws=4000), repeats * 20)
    return [Measure("estimate_4000_draws_10y", "One estimate, 4000 draws, monthly 10-year grid", "ms", 10.0,
                    "median", samples)]


@measure("estimate_process")
def estimate_process(repeats: int) -> list[Measure]:
    command = [sys.executable, "-m", "decision_aid", "estimate", *PROFILE_ARGS, "--json"]
    samples = timed(lambda: subprocess.run(command, check=True, capture_output=True), repeats, warmup=1)
    return [Measure("estimate_json_process", "`decision-aid estimate --json` as a whole process", "ms", 1000.0,
                    "median", samples)]


@measure("sheet_pdf")
def sheet_pdf_in_process(repeats: int) -> list[Measure]:
    import tempfile

    from decision_aid.model import default_model
    from decision_aid.report.sheet import SheetOptions, ensure_gui_application, write_pdf

    ensure_gui_application()
    model = default_model()
    result = model.estimate(model.validate({"age": 47, "course": "spms", "edss": 6.5, "prior_dmts": 4}), horizon=10)
    options = SheetOptions(audience="clinician", notes="Benchmark notes")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sheet.pdf"
        samples = timed(lambda: write_pdf(path, result, options, model=model), repeats)
    return [Measure("sheet_pdf_in_process", "Summary sheet to PDF inside a running program (10 y, clinician)", "ms",
                    300.0, "median", samples)]


@measure("sheet_process")
def sheet_process(repeats: int) -> list[Measure]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "decision_aid", "sheet", "-o", str(Path(folder) / "s.pdf"), *PROFILE_ARGS]
        samples = timed(lambda: subprocess.run(command, check=True, capture_output=True), repeats, warmup=1)
    return [Measure("sheet_process", "`decision-aid sheet` as a whole process", "ms", 2500.0, "median", samples)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=sorted(REGISTRY))
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    repeats = 5 if args.quick else 15
    results: list[Measure] = []
    for name in args.only or list(REGISTRY):
        print(f"measuring {name} ...", file=sys.stderr, flush=True)
        results.extend(REGISTRY[name](repeats))
    report = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count()},
        "measures": [
            {**{k: v for k, v in asdict(m).items() if k != "samples"}, **m.summary, "value": m.value,
             "pass": m.passed}
            for m in results
        ],
    }
    (HERE / "results.json").write_text(json.dumps(report, indent=2) + "\n")
    width = max(len(m.name) for m in results)
    print(f"{'measure':<{width}}  {'median':>9}  {'p95':>9}  {'spread':>17}  {'target':>12}  result")
    for m in results:
        s = m.summary
        spread = f"{s['min']:.1f}-{s['max']:.1f}"
        print(f"{m.name:<{width}}  {s['median']:>9.2f}  {s['p95']:>9.2f}  {spread:>17}  "
              f"{m.statistic[:6]}<={m.target:g} {m.unit:<3}  {'pass' if m.passed else 'MISS'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
