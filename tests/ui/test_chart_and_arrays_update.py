"""What the chart and the icon arrays show after the profile, horizon and view change, many times
over: both keep work from one estimate to the next (the chart its axes, region and legend; an
icon array its pixels), and nothing kept may outlive the estimate it belongs to."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from decision_aid.present import wording
from decision_aid.present.graphics import Glyph
from decision_aid.ui.icon_array_widget import IconArrayWidget, _rasterised
from helpers import replace_text, type_profile  # noqa: F401  (fixtures: settings_path, window in conftest)


def frame(chart) -> dict:
    """What a person reads around the curves: axis titles, ticks, x range, region, legend."""
    item = chart.plot_item
    return {
        "y_title": item.getAxis("left").labelText,
        "x_title": item.getAxis("bottom").labelText,
        "y_ticks": item.getAxis("left")._tickLevels,
        "x_ticks": item.getAxis("bottom")._tickLevels,
        "x_range_end": round(item.viewRange()[0][1], 6),
        "region": chart.region.isVisible() and chart.region.getRegion(),
        "region_label": chart.region_label.isVisible() and chart.region_label.textItem.toPlainText(),
        "legend": list(chart.legend.entries),
    }


def set_horizon(qtbot, window, years: int) -> None:
    window.set_horizon(years)
    qtbot.waitUntil(lambda: window.current_result() is not None and window.current_result().horizon_years == years)


def test_chart_frame_follows_horizon_audience_and_refusal_back_and_forth(qtbot, window):
    type_profile(qtbot, window)
    five = frame(window.chart)
    assert five["region"] is False and five["x_range_end"] < 6
    assert [level[0] for level in five["x_ticks"][0]] == list(range(0, 6))
    set_horizon(qtbot, window, 10)
    ten = frame(window.chart)
    assert ten["region"] == (5.0, 10.0) and ten["x_range_end"] >= 10
    assert [level[0] for level in ten["x_ticks"][0]] == list(range(0, 11))
    assert any("extrapolated" in entry for entry in ten["legend"])
    assert any("from one cohort" in entry for entry in ten["legend"])
    set_horizon(qtbot, window, 5)
    assert frame(window.chart) == five

    window.set_audience("clinician")
    clinician = frame(window.chart)
    assert clinician["y_title"] == "% alive without worsening" and clinician != five
    window.set_audience("patient")
    assert frame(window.chart) == five and five["y_title"] == "People in 100"

    replace_text(qtbot, window.profile_form.age, "200")  # refused: no curve, no frame of the old one
    qtbot.waitUntil(lambda: window.current_result() is None)
    window.flush()  # the widgets follow at the zero-delay refresh
    assert window.chart.legend.entries == [] and not window.chart.region.isVisible()
    left = window.chart.personal.getData()[0]
    assert left is None or len(left) == 0
    replace_text(qtbot, window.profile_form.age, "38")
    qtbot.waitUntil(lambda: window.current_result() is not None)
    assert frame(window.chart) == five


def test_chart_curves_and_marker_are_the_new_estimates_after_each_keystroke(qtbot, window):
    type_profile(qtbot, window)
    chart = window.chart
    for age in ("39", "52", "38"):
        replace_text(qtbot, window.profile_form.age, age)
        qtbot.waitUntil(lambda a=age: window.current_result() is not None
                        and window.current_result().profile.age == float(a))
        result = window.current_result()
        np.testing.assert_allclose(chart.personal.getData()[1], 100 * result.pfs.estimate)
        np.testing.assert_allclose(chart.band_lower.getData()[1], 100 * result.pfs.lower)
        np.testing.assert_allclose(chart.band_upper.getData()[1], 100 * result.pfs.upper)
        np.testing.assert_allclose(chart.recent.getData()[1], 100 * result.pfs_recent.estimate)
        assert list(chart.marker.data["y"]) == [100 * result.pfs_5y.estimate, 100 * result.pfs_recent_at[5].estimate]
        marker = chart.marker_label.textItem.toPlainText()
        for interval in (result.pfs_5y, result.pfs_recent_at[5]):
            assert wording.in_hundred_label(interval.estimate) in marker


def painted(widget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)


def test_icon_array_repaints_the_new_counts_never_the_kept_pixels(qtbot, window):
    type_profile(qtbot, window)
    icons = window.outcomes.five_years.icons
    before_array, before = icons.array(), painted(icons)
    replace_text(qtbot, window.profile_form.age, "55")
    replace_text(qtbot, window.profile_form.prior_dmts, "6")
    qtbot.waitUntil(lambda: window.current_result() is not None and icons.array() != before_array)
    after = painted(icons)
    assert after != before
    fresh = IconArrayWidget()
    qtbot.addWidget(fresh)
    fresh.resize(icons.size())
    fresh.set_array(icons.array())
    assert painted(fresh) == after  # exactly what a widget that never kept anything paints


def test_icon_array_pixels_are_made_at_the_device_pixel_ratio(window, qtbot):
    type_profile(qtbot, window)
    array = window.outcomes.early.icons.array()
    for ratio in (1.0, 2.0, 1.25):
        pixmap = _rasterised(array, 150, ratio, "#767676")
        assert pixmap.devicePixelRatio() == ratio
        assert (pixmap.width(), pixmap.height()) == (round(150 * ratio),) * 2
    crisp = _rasterised(array, 150, 2.0, "#767676").toImage()
    # its own white where no person is drawn, framed (any system palette: the glyphs' colours were chosen on white)
    assert crisp.pixelColor(0, 0).name() == "#767676" and crisp.pixelColor(3, 3).name() == "#ffffff"
    outcome = sum(1 for i in range(100) if array.glyph(i) is Glyph.OUTCOME)
    assert outcome == array.solid


def label_lines(text_item) -> list[str]:
    """The lines a pyqtgraph TextItem's text is laid out in, as shown."""
    block = text_item.textItem.document().firstBlock()
    layout = block.layout()
    return [block.text()[layout.lineAt(i).textStart():][:layout.lineAt(i).textLength()].strip()
            for i in range(layout.lineCount())]


def test_the_extrapolated_region_label_wraps_between_words_on_a_narrow_chart(qtbot, window):
    type_profile(qtbot, window)
    set_horizon(qtbot, window, 10)
    chart = window.chart
    words = chart.region_label.textItem.toPlainText().split()
    for width in (600, 320, 240, 200):
        chart.plot.setFixedWidth(width)  # as in a zoomed, narrow window
        qtbot.waitUntil(lambda w=width: chart.plot.viewport().width() <= w)
        chart._place_marker_label()
        lines = label_lines(chart.region_label)
        assert " ".join(lines).split() == words, width
        assert all(set(line.split()) <= set(words) for line in lines), (width, lines)  # no word cut in two
