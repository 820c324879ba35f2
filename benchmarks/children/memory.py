"""Resident memory of the window over 200 profile changes, printed as JSON on stdout.

Each change goes through the form (one ``edited`` signal, as when a profile is filled), then the
real event loop runs until the chart and both icon arrays have painted the new result.
"""

import itertools
import json
import resource
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from decision_aid.model import default_model
from decision_aid.ui.app import application
from decision_aid.ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from qt_driving import peak_rss_bytes, rss_bytes, settle, watch_chart_in_view  # noqa: E402

CHANGES = int(sys.argv[1]) if len(sys.argv) > 1 else 200
CHECKPOINT = 50

app = application()
model = default_model()
scratch = tempfile.TemporaryDirectory()
window = MainWindow(model=model, settings=QSettings(str(Path(scratch.name) / "w.ini"), QSettings.Format.IniFormat),
                    autosave_path=Path(scratch.name) / "autosave.aidconsult.json")
window.resize(1280, 800)
window.show()
settle(100)
window.set_profile_fields({"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3})
watch = watch_chart_in_view(window)  # each change repaints the chart and the arrays in view, as the repaint measure
window.result_changed.connect(lambda result: watch.arm() if result is not None else None)

profiles = itertools.cycle(list(itertools.islice((
    {"age": age, "course": course, "edss": edss, "prior_dmts": dmts}
    for age, course, edss, dmts in zip(
        itertools.cycle(range(20, 61, 3)), itertools.cycle(model.limits.courses),
        itertools.cycle(model.limits.edss_values[:-1]), itertools.cycle(range(0, 9)))), 60)))
record: dict[str, float] = {}
for change in range(1, CHANGES + 1):
    watch.reset()
    window.set_profile_fields(next(profiles))
    if not watch.wait() or window.current_result() is None:
        raise SystemExit(f"change {change}: the window did not show a result")
    settle(20)  # the follow-up layout passes and deferred deletes, as between two keystrokes
    if change == CHECKPOINT:
        record["rss_at_50_mb"] = rss_bytes() / 2**20
record["rss_at_end_mb"] = rss_bytes() / 2**20
# getrusage's ru_maxrss survives execve on Linux: started from a large parent (the benchmark
# runner) it reports the parent's peak. VmHWM is the peak of this process's own address space.
record["getrusage_maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
record["peak_mb"] = peak_rss_bytes() / 2**20
record["changes"] = CHANGES
print(json.dumps(record))
