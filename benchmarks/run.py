"""Measure speed and memory against the project's targets: ``python benchmarks/run.py``.

Each measure runs a warm-up, then several repetitions, and reports median, 95th percentile and
spread. Results go to ``benchmarks/results.json`` and a table on stdout. The exit status is 0
even when a target is missed: the table says which; these are records, not tests.

``--only NAME`` (repeatable) runs selected measures; ``--quick`` uses fewer repetitions;
``BENCH_IMAGES=DIR`` saves the compared charts as PNG. Measures (see BENCHMARKS.md):
estimate, estimate_process, sheet_pdf, sheet_process (engine and sheet); repaint (a keystroke
in the window to the chart and icon arrays repainted, real Qt events, offscreen); chart_comparison
(the same curve and band in matplotlib's Qt canvas, information only); cold_start (fresh
processes, the program against a bare PySide6 + pyqtgraph window, alternated); memory (a fresh
window process over 200 profile changes).
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

#: How fresh processes find compiled bytecode (``--bytecode``). "compiled", the default, is how the
#: program runs once installed (``pip install .`` byte-compiles every module): the children may
#: write bytecode, into a scratch PYTHONPYCACHEPREFIX of this run (never into the source tree),
#: and every measure's warm-up fills it. "source" leaves the calling environment as it is; where
#: that sets PYTHONDONTWRITEBYTECODE (this sandbox does), an editable checkout's own modules are
#: compiled from source at every start, while the bare reference window's libraries load their
#: installed bytecode: that is not what a user's start costs.
BYTECODE = {"mode": "compiled", "prefix": None}


def process_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of every fresh process measured (see :data:`BYTECODE`)."""
    environment = dict(os.environ)
    if BYTECODE["mode"] == "compiled":
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        environment["PYTHONPYCACHEPREFIX"] = BYTECODE["prefix"]
    return {**environment, **(extra or {})}


@dataclass
class Measure:
    name: str
    description: str
    unit: str
    target: float | None  # None: informational, no pass/fail
    statistic: str  # which statistic is compared with the target: median, p95, value
    samples: list[float]
    extra: dict | None = None
    value_override: float | None = None  # e.g. a ratio of two medians (samples then give the spread)

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
        if self.value_override is not None:
            return self.value_override
        summary = self.summary
        return summary["median"] if self.statistic == "value" else summary[self.statistic]

    @property
    def passed(self) -> bool | None:
        return None if self.target is None else self.value <= self.target

    @property
    def result(self) -> str:
        return {None: "info", True: "pass", False: "fail"}[self.passed]


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
    # relapses in the past year: R6 applies the later cohorts' curve, so both eras are computed
    profile = model.validate({"age": 47, "course": "spms", "edss": 6.5, "prior_dmts": 4, "relapses_past_year": 1})
    draws = model.default_draws
    first = timed(lambda: model.estimate(profile, horizon=10, draws=draws), 1, warmup=0)  # makes the cached draws
    samples = timed(lambda: model.estimate(profile, horizon=10, draws=draws), repeats * 20)
    assert model.estimate(profile, horizon=10, draws=draws).pfs_recent is not None
    return [Measure(f"estimate_{draws}_draws_10y", f"One estimate, {draws} draws, both eras, monthly 10-year grid "
                    "(cached draws)", "ms", 15.0, "median", samples, {"first_estimate_ms": round(first[0], 1)})]


@measure("estimate_process")
def estimate_process(repeats: int) -> list[Measure]:
    command = [sys.executable, "-m", "decision_aid", "estimate", *PROFILE_ARGS, "--json"]
    samples = timed(lambda: subprocess.run(command, check=True, capture_output=True, env=process_environment()),
                    repeats, warmup=1)
    return [Measure("estimate_json_process", "`decision-aid estimate --json` as a whole process", "ms", 1000.0,
                    "median", samples)]


@measure("sheet_pdf")
def sheet_pdf_in_process(repeats: int) -> list[Measure]:
    import tempfile

    from decision_aid.model import default_model
    from decision_aid.report.sheet import SheetOptions, ensure_gui_application, write_pdf

    qt_application()
    ensure_gui_application()  # the QApplication made by qt_application() if a window measure ran first
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
        samples = timed(lambda: subprocess.run(command, check=True, capture_output=True, env=process_environment()),
                        repeats, warmup=1)
    return [Measure("sheet_process", "`decision-aid sheet` as a whole process", "ms", 2500.0, "median", samples)]


# -- the window: in process, driven by real key events ---------------------------------------

WINDOW_SIZE = (1280, 800)
FIELDS = {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}


def qt_application():
    """One QApplication for every in-process measure (a widget needs it; the sheet accepts it)."""
    from decision_aid.ui.app import application

    return application()


def open_window(folder: str):
    """The consultation window, shown offscreen at the default size, with a typical profile."""
    from PySide6.QtCore import QSettings

    from decision_aid.ui.main_window import MainWindow
    from qt_driving import settle

    qt_application()
    window = MainWindow(settings=QSettings(str(Path(folder) / "window.ini"), QSettings.Format.IniFormat),
                        autosave_path=Path(folder) / "autosave.aidconsult.json")
    window.resize(*WINDOW_SIZE)
    window.show()
    settle(100)
    window.set_profile_fields(FIELDS)
    settle(100)
    return window


def user_changes(window):
    """Single keystrokes a person makes, each changing the profile once and keeping it valid:
    EDSS one step down/up with the arrow keys in the closed list; the last digit of the age and of
    the number of previous DMTs retyped. Returns (name, prepare, change) triples; ``prepare``
    (focus, select the digit) is not timed, ``change`` (the keystroke) is."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    form = window.profile_form

    def select_last_digit(edit):
        def prepare():
            edit.setFocus()
            edit.end(False)
            edit.cursorBackward(True, 1)
        return prepare

    return [
        ("edss_down", form.edss.setFocus, lambda: QTest.keyClick(form.edss, Qt.Key.Key_Down)),
        ("age_digit", select_last_digit(form.age), lambda: QTest.keyClicks(form.age, "9")),
        ("edss_up", form.edss.setFocus, lambda: QTest.keyClick(form.edss, Qt.Key.Key_Up)),
        ("age_digit", select_last_digit(form.age), lambda: QTest.keyClicks(form.age, "8")),
        ("dmts_digit", select_last_digit(form.prior_dmts), lambda: QTest.keyClicks(form.prior_dmts, "4")),
        ("dmts_digit", select_last_digit(form.prior_dmts), lambda: QTest.keyClicks(form.prior_dmts, "3")),
    ]


@measure("repaint")
def input_to_repaint(repeats: int) -> list[Measure]:
    import tempfile

    from qt_driving import settle, time_until_painted, watch_chart_in_view

    with tempfile.TemporaryDirectory() as folder:
        window = open_window(folder)
        watch = watch_chart_in_view(window)
        window.result_changed.connect(lambda result: watch.arm() if result is not None else None)
        changes = user_changes(window)
        rounds = repeats * 8
        samples, by_kind = [], {}
        for index in range(len(changes) + rounds):  # the first round of changes is the warm-up
            kind, prepare, change = changes[index % len(changes)]
            prepare()
            settle(5)
            elapsed = time_until_painted(change, watch, lambda: window.current_result() is not None)
            settle(30)  # let follow-up layout passes finish, as between two keystrokes
            if index >= len(changes):
                samples.append(elapsed)
                by_kind.setdefault(kind, []).append(elapsed)
        shown = window.current_result().profile
        if (shown.age, shown.edss, shown.prior_dmts) != (FIELDS["age"], FIELDS["edss"], FIELDS["prior_dmts"]):
            raise RuntimeError(f"the keystrokes did not leave the profile where they started: {shown}")
        window.hide()  # not close(): that would ask about the unsaved consultation
        window.deleteLater()
    extra = {"kinds": {k: round(statistics.median(v), 2) for k, v in by_kind.items()},
             "end": "first paint pass after the new result in which the chart viewport and both icon "
                    "arrays painted (QEvent.Paint counted by an event filter), up to the next event"}
    return [
        Measure("input_to_repaint_median", "Keystroke in the profile to the window repainted (offscreen)", "ms",
                16.0, "median", samples, extra),
        Measure("input_to_repaint_p95", "Same, 95th percentile", "ms", 33.0, "p95", samples),
    ]


# -- chart comparison: the same curve and band with matplotlib's Qt canvas ------------------------

@measure("chart_comparison")
def chart_comparison(repeats: int) -> list[Measure]:
    import numpy as np
    import pyqtgraph as pg
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure
    from PySide6.QtGui import QColor

    from decision_aid import palette
    from decision_aid.model import default_model
    from decision_aid.ui.pfs_chart import PfsChart
    from qt_driving import PaintWatch, settle, time_until_painted

    qt_application()
    model = default_model()
    results = [model.estimate(model.validate({**FIELDS, "edss": edss}), horizon=10) for edss in (4.0, 4.5)]
    size = (560, 420)  # about the chart's share of the 1280 x 800 window

    def curves(result):
        pfs = result.pfs
        return (np.asarray(pfs.times), 100 * np.asarray(pfs.estimate), 100 * np.asarray(pfs.lower),
                100 * np.asarray(pfs.upper))

    # the product's chart: every element (band, reference, extrapolation, marker, legend)
    product = PfsChart()
    product.resize(*size)
    product.show()

    # the same curve and band, nothing else, in pyqtgraph and in matplotlib
    plain = pg.PlotWidget(background="w")
    plain.resize(*size)
    plain.showGrid(x=True, y=True, alpha=0.25)
    band_color = QColor(palette.PERSONAL)
    band_color.setAlpha(45)
    lower, upper = plain.plot(pen=palette.PERSONAL), plain.plot(pen=palette.PERSONAL)
    plain.addItem(pg.FillBetweenItem(lower, upper, brush=pg.mkBrush(band_color)))
    line = plain.plot(pen=pg.mkPen(palette.PERSONAL, width=3))
    plain.setRange(xRange=(0, 10), yRange=(0, 100))
    plain.show()

    figure = Figure(figsize=(size[0] / 100, size[1] / 100), dpi=100)
    axes = figure.add_subplot()
    axes.set_xlim(0, 10)
    axes.set_ylim(0, 100)
    axes.grid(alpha=0.25)
    (mpl_line,) = axes.plot([], [], color=palette.PERSONAL, linewidth=3)
    canvas = FigureCanvasQTAgg(figure)
    canvas.resize(*size)
    canvas.show()
    band_holder = [axes.fill_between([0, 1], [0, 0], [0, 0])]
    settle(200)

    def show_product(result):
        from decision_aid.present.audience import Audience
        from decision_aid.present.estimate_view import chart_view

        product.set_view(chart_view(result, Audience.PATIENT), False, False)

    def show_plain(result):
        t, estimate, low, high = curves(result)
        lower.setData(t, low)
        upper.setData(t, high)
        line.setData(t, estimate)

    def show_matplotlib(result):
        t, estimate, low, high = curves(result)
        mpl_line.set_data(t, estimate)
        band_holder[0].remove()
        band_holder[0] = axes.fill_between(t, low, high, color=palette.PERSONAL, alpha=45 / 255, linewidth=0)
        canvas.draw_idle()

    def run(show, widget) -> list[float]:
        watch = PaintWatch([widget])
        out = []
        for index in range(5 + repeats * 4):
            result = results[index % 2]

            def change(result=result):
                watch.arm()  # no signal to wait for: every paint after the change counts
                show(result)
            elapsed = time_until_painted(change, watch, lambda: True)
            settle(20)
            if index >= 5:
                out.append(elapsed)
        return out

    timings = {"pyqtgraph_chart": run(show_product, product.plot.viewport()),
               "pyqtgraph_plain": run(show_plain, plain.viewport()),
               "matplotlib": run(show_matplotlib, canvas)}
    images = os.environ.get("BENCH_IMAGES")  # a folder: save what each chart drew, to look at
    for name, widget in (("pyqtgraph_chart", product), ("pyqtgraph_plain", plain), ("matplotlib", canvas)):
        if images:
            widget.grab().save(str(Path(images) / f"chart_{name}.png"))
        widget.close()
    medians = {name: statistics.median(values) for name, values in timings.items()}
    size_text = f"{size[0]} x {size[1]} px"
    return [
        Measure("chart_repaint_pyqtgraph_chart", f"The window's PfsChart alone, new result to painted ({size_text})",
                "ms", None, "median", timings["pyqtgraph_chart"]),
        Measure("chart_repaint_pyqtgraph_plain", f"pyqtgraph: curve + 95% band only ({size_text})", "ms", None,
                "median", timings["pyqtgraph_plain"]),
        Measure("chart_repaint_matplotlib", f"matplotlib FigureCanvasQTAgg: curve + 95% band ({size_text})", "ms",
                None, "median", timings["matplotlib"]),
        Measure("matplotlib_vs_pyqtgraph", "Ratio of medians: matplotlib / pyqtgraph, the same curve and band", "x",
                None, "value", [m / p for m, p in zip(timings["matplotlib"], timings["pyqtgraph_plain"])],
                value_override=medians["matplotlib"] / medians["pyqtgraph_plain"]),
        Measure("matplotlib_vs_window_chart", "Ratio of medians: matplotlib (curve + band) / the window's full chart",
                "x", None, "value", [m / p for m, p in zip(timings["matplotlib"], timings["pyqtgraph_chart"])],
                value_override=medians["matplotlib"] / medians["pyqtgraph_chart"]),
    ]


# -- fresh processes: cold start and memory ------------------------------------------------------

CHILDREN = HERE / "children"


def child_environment(home: str) -> dict[str, str]:
    """Offscreen, and a scratch HOME so that no remembered window state is read or written."""
    return process_environment({
        "QT_QPA_PLATFORM": "offscreen", "HOME": home, "XDG_CONFIG_HOME": f"{home}/.config",
        "DECISION_AID_DATA_DIR": f"{home}/data",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(CHILDREN), os.environ.get("PYTHONPATH")]))})


def cold_start_ms(script: str, arguments: list[str], home: str) -> float:
    """From just before ``python`` starts to the child's report of its first painted window."""
    command = [sys.executable, str(CHILDREN / script), *arguments]
    start = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, env=child_environment(home), timeout=120)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"{script} failed ({done.returncode}): {done.stderr[-2000:]}")
    return (float(done.stdout.split()[-1]) - start) * 1000


@measure("cold_start")
def cold_start(repeats: int) -> list[Measure]:
    import tempfile

    runs = {"bare": ("cold_bare.py", []), "app_profile": ("cold_app.py", PROFILE_ARGS), "app_empty": ("cold_app.py", []),
            "bare_gc_paused": ("cold_bare.py", ["--gc-paused"])}
    timings: dict[str, list[float]] = {name: [] for name in runs}
    with tempfile.TemporaryDirectory() as home:
        # Alternated: bare, app, app-empty, bare, ...; round 0 warms caches. Twice the rounds of the other
        # measures: a fresh process's start varies by a third on this kind of machine, and with 15
        # pairs the ratio of medians moved by 0.4 between two runs of the same code.
        for round_index in range(1 + 2 * repeats):
            for name, (script, arguments) in runs.items():
                elapsed = cold_start_ms(script, arguments, home)
                if round_index:
                    timings[name].append(elapsed)
    bare = statistics.median(timings["bare"])
    app = statistics.median(timings["app_profile"])
    empty = statistics.median(timings["app_empty"])
    paused = statistics.median(timings["bare_gc_paused"])
    return [
        Measure("cold_start_bare_window", "Fresh process: bare QMainWindow + one pyqtgraph plot, first paint", "ms",
                None, "median", timings["bare"]),
        Measure("cold_start_app_window", "Fresh process: `decision-aid` + profile flags, first paint", "ms", None,
                "median", timings["app_profile"]),
        Measure("cold_start_ratio", "Ratio of medians: app (with profile) / bare window", "x", 1.5, "value",
                [a / b for a, b in zip(timings["app_profile"], timings["bare"])], value_override=app / bare),
        Measure("cold_start_ratio_empty", "Ratio of medians: app (empty profile) / bare window", "x", None, "value",
                [a / b for a, b in zip(timings["app_empty"], timings["bare"])], value_override=empty / bare),
        Measure("cold_start_bare_window_gc_paused", "Fresh process: the bare window, collector paused as the app's",
                "ms", None, "median", timings["bare_gc_paused"]),
        Measure("cold_start_ratio_gc_paused_bare", "Ratio of medians: app (with profile) / bare window with the "
                "app's collector pause", "x", None, "value",
                [a / b for a, b in zip(timings["app_profile"], timings["bare_gc_paused"])], value_override=app / paused),
    ]


@measure("memory")
def memory(repeats: int) -> list[Measure]:
    import tempfile

    runs = max(2, repeats // 5)
    records = []
    with tempfile.TemporaryDirectory() as home:
        for _ in range(runs):
            done = subprocess.run([sys.executable, str(CHILDREN / "memory.py"), "200"], capture_output=True,
                                  text=True, env=child_environment(home), timeout=600)
            if done.returncode != 0:
                raise RuntimeError(f"memory.py failed ({done.returncode}): {done.stderr[-2000:]}")
            records.append(json.loads(done.stdout.splitlines()[-1]))
    peaks = [max(r["peak_mb"], r["rss_at_end_mb"]) for r in records]
    growth = [r["rss_at_end_mb"] - r["rss_at_50_mb"] for r in records]
    extra = {"getrusage_maxrss_mb": [round(r["getrusage_maxrss_mb"], 1) for r in records],
             "note": "peak is VmHWM; getrusage's ru_maxrss is kept across execve on Linux and so reports "
                     "the benchmark runner's own peak when that is larger"}
    return [
        Measure("memory_peak_after_200_changes", "Peak resident memory (VmHWM) of the window process", "MB",
                250.0, "median", peaks, extra),
        Measure("memory_growth_50_to_200", "Resident memory growth from change 50 to change 200 (/proc/self/statm)",
                "MB", 5.0, "median", growth),
    ]


# -- report -------------------------------------------------------------------------------------

def machine() -> dict:
    from importlib import metadata

    versions = {}
    for package in ("PySide6-Essentials", "pyqtgraph", "numpy", "matplotlib"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return {"platform": platform.platform(), "processor": platform.machine(), "python": platform.python_version(),
            "cpus": os.cpu_count(), "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()], **versions}


def build_report(results: list[Measure], started: dict | None = None) -> dict:
    """The JSON record: date, machine, and per measure its target, value, result and statistics."""
    return {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": machine(),
        "machine_at_start": started,
        "fresh_processes_bytecode": {
            "mode": BYTECODE["mode"],
            "calling_environment_PYTHONDONTWRITEBYTECODE": os.environ.get("PYTHONDONTWRITEBYTECODE")},
        "measures": [
            {**{k: v for k, v in asdict(m).items() if k not in ("samples", "value_override")}, **m.summary,
             "value": m.value, "pass": m.passed, "result": m.result}
            for m in results
        ],
    }


def table(results: list[Measure]) -> str:
    width = max(len(m.name) for m in results)
    lines = [f"{'measure':<{width}}  {'median':>9}  {'p95':>9}  {'spread (min-max)':>19}  {'value':>9}  "
             f"{'target':<16}  result"]
    for m in results:
        s = m.summary
        spread = f"{s['min']:.2f}-{s['max']:.2f}"
        target = "none (info)" if m.target is None else f"{m.statistic}<={m.target:g} {m.unit}"
        lines.append(f"{m.name:<{width}}  {s['median']:>9.2f}  {s['p95']:>9.2f}  {spread:>19}  {m.value:>9.2f}  "
                     f"{target:<16}  {m.result}")
    return "\n".join(lines)


def derived(results: list[Measure]) -> list[Measure]:
    """Ratios of measures taken in this same run (the machine's speed drifts between runs): the
    keystroke's repaint against the bare pyqtgraph repaint of a curve and its band (issue 23's
    target: at most 2.5 times), when both were measured."""
    medians = {m.name: m.summary["median"] for m in results}
    if not {"input_to_repaint_median", "chart_repaint_pyqtgraph_plain"} <= medians.keys():
        return []
    ratio = medians["input_to_repaint_median"] / medians["chart_repaint_pyqtgraph_plain"]
    return [Measure("keystroke_vs_bare_repaint", "Ratio of medians: keystroke to window repainted / bare pyqtgraph "
                    "curve + band repaint, same run", "x", 2.5, "value", [ratio], value_override=ratio)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=sorted(REGISTRY), help="run only this measure (repeatable)")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a rough check, not a record)")
    parser.add_argument("--output", type=Path, default=HERE / "results.json", help="where to write the JSON")
    parser.add_argument("--bytecode", choices=("compiled", "source"), default="compiled",
                        help="fresh processes load compiled bytecode, as an installed program does (default), or "
                             "run with the calling environment as it is (see BYTECODE in this file)")
    args = parser.parse_args(argv)
    repeats = 5 if args.quick else 15
    started = {"load_average_1_5_15": [round(x, 2) for x in os.getloadavg()], "time": time.strftime("%H:%M:%S")}
    results: list[Measure] = []
    import tempfile

    with tempfile.TemporaryDirectory(prefix="bench-bytecode-") as prefix:
        BYTECODE.update(mode=args.bytecode, prefix=prefix)
        for name in args.only or list(REGISTRY):
            print(f"measuring {name} ...", file=sys.stderr, flush=True)
            results.extend(REGISTRY[name](repeats))
    results.extend(derived(results))
    args.output.write_text(json.dumps(build_report(results, started), indent=2) + "\n")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
