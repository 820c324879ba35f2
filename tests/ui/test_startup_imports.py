"""What the window's start loads: printing, Babel's CLDR data, matplotlib, the what-if columns
and views, How calculated, the sheet's options, the About box's disclosure, the user guide and
the Guidance tab's view (the estimate tab needs only its one sentence) wait until they are used (BENCHMARKS.md, cold start). ``ruff check`` keeps the imports out of
modules' tops; this checks what a real start, with an estimate painted, has loaded."""

from __future__ import annotations

import json

from shared import run_python

START = """
import json, sys, tempfile
from decision_aid.ui.app import application
app = application()
from PySide6.QtCore import QSettings
from decision_aid.ui.main_window import MainWindow
window = MainWindow(settings=QSettings(tempfile.mktemp(suffix='.ini'), QSettings.Format.IniFormat),
                    autosave_path=tempfile.mktemp())
window.set_profile_fields({'age': '38', 'course': 'rrms', 'edss': '4.0', 'prior_dmts': '3'})
window.flush()
window.show()
app.processEvents()
assert window.current_result() is not None
loaded = [name for name in ('PySide6.QtPrintSupport', 'decision_aid.report.sheet', 'babel', 'matplotlib',
                            'decision_aid.present.comparison_view', 'decision_aid.ui.method_panel',
                            'decision_aid.present.method_view', 'decision_aid.report.options', 'html',
                            'decision_aid.present.about_view', 'decision_aid.context.about',
                            'decision_aid.present.help_text', 'decision_aid.present.guidance_view',
                            'decision_aid.present.worksheet_view')
          if name in sys.modules]
print(json.dumps({'loaded': loaded, 'comparison_rows': len(window.comparison.rows)}))
"""


def test_a_started_window_with_an_estimate_has_not_loaded_printing_babel_or_the_comparison():
    done = run_python(START)
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.splitlines()[-1])
    assert found == {"loaded": [], "comparison_rows": 0}
