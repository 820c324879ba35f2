"""The summary sheet as a person sees it: the PDF's text, its page size and its ink."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPageLayout, QPainter, QPdfWriter

from decision_aid import wording
from decision_aid.cli import main
from decision_aid.report.sheet import (SheetDoesNotFit, SheetOptions, ensure_gui_application, layout_sheet,
                                       page_layout, render_sheet, write_pdf)

RELAPSING = {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}
PROGRESSIVE_WARNED = {"age": 60, "course": "spms", "edss": 8.5, "prior_dmts": 4}
PROGRESSIVE = {"age": 45, "course": "ppms", "edss": 6.5, "prior_dmts": 1}
PAGE_POINTS = {"a4": (595, 842), "letter": (612, 792)}
DPI = 72

CASES = [
    (RELAPSING, 5, SheetOptions("patient", "a4")),
    (RELAPSING, 10, SheetOptions("clinician", "letter", name="J. D.", notes="Discussed the MIST trial.")),
    (PROGRESSIVE_WARNED, 10, SheetOptions("patient", "letter", name="Jane Doe", notes="Call in May.")),
    (PROGRESSIVE_WARNED, 5, SheetOptions("clinician", "a4")),
    (PROGRESSIVE, 5, SheetOptions("patient", "letter")),
    (PROGRESSIVE, 10, SheetOptions("clinician", "a4")),
]


def flat(text: str) -> str:
    """Whitespace collapsed and ligatures (fi, fl) unfolded, as a reader would see the words."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def pdf_text(path) -> str:
    """The text of page 1, the summary page (page 2 has the context and decision support)."""
    return flat(PdfReader(str(path)).pages[0].extract_text())


def page_image(path, index: int = 0, dpi: int = DPI) -> np.ndarray:
    """Grey levels 0 (black) to 255 (white), one pixel per point at 72 dpi."""
    page = pdfium.PdfDocument(str(path))[index]
    pixels = page.render(scale=dpi / 72, grayscale=True).to_numpy()
    return pixels if pixels.ndim == 2 else pixels[..., 0]


def ink(image: np.ndarray, rect: QRectF, paper: str) -> float:
    """Share of dark pixels in ``rect`` (points in the printable area of page 1)."""
    origin = page_layout(paper).paintRect(QPageLayout.Unit.Point).topLeft()
    left, top = int(rect.left() + origin.x()), int(rect.top() + origin.y())
    region = image[top:top + int(rect.height()), left:left + int(rect.width())]
    return float((region < 160).mean())


@pytest.fixture(scope="module")
def sheets(tmp_path_factory, model):
    ensure_gui_application()
    folder = tmp_path_factory.mktemp("sheets")
    made = []
    for index, (fields, horizon, options) in enumerate(CASES):
        result = model.estimate(model.validate(fields), horizon=horizon)
        path = folder / f"sheet{index}.pdf"
        write_pdf(path, result, options, model=model)
        made.append((path, result, options))
    return made


@pytest.mark.parametrize("case", range(len(CASES)))
def test_summary_page_and_decision_pages_on_the_chosen_paper(sheets, case):
    path, _, options = sheets[case]
    reader = PdfReader(str(path))
    assert len(reader.pages) == 3
    width, height = PAGE_POINTS[options.paper]
    for page in reader.pages:
        box = page.mediabox
        assert abs(float(box.width) - width) <= 1 and abs(float(box.height) - height) <= 1
    assert "Other studies" in flat(reader.pages[1].extract_text())
    assert "Questions to ask" in flat(reader.pages[2].extract_text())


@pytest.mark.parametrize("case", range(len(CASES)))
def test_numbers_match_the_model_as_displayed(sheets, case):
    path, result, options = sheets[case]
    text = pdf_text(path)
    outcomes = [(result.early_mortality, "died", "did not"),
                (result.pfs_5y, "were alive without worsening", "worsened or died"),
                (result.overall_survival_5y, "were alive", "had died")]
    for interval, happened, other in outcomes:
        assert flat(wording.both_ways(interval.estimate, happened, other)) in text
        assert wording.range_phrase(interval) in text
        if options.audience == "clinician":
            assert wording.interval_percent(interval) in text
        else:
            assert wording.percent(interval.estimate) not in text
    if options.audience == "clinician":
        for year, interval in result.pfs_at.items():
            assert f"{interval.estimate * 100:.1f}" in text
        assert "HR" not in text or "95% CI" in text
    else:
        assert "HR " not in text and "hazard ratio" not in text.lower().replace("hazard ratio 2.03", "")


@pytest.mark.parametrize("case", range(len(CASES)))
def test_source_versions_and_assumptions(sheets, case):
    import decision_aid

    path, result, options = sheets[case]
    text = pdf_text(path)
    assert flat(result.primary_citation) in text
    assert result.evidence_checksum[:12] in text and result.evidence_version in text
    assert f"model {result.model_version}" in text and decision_aid.__version__ in text
    for assumption in result.assumptions:
        assert (flat(assumption.text) in text) == (options.audience == "clinician")
    for caveat in result.caveats:
        assert flat(caveat.text) in text


@pytest.mark.parametrize("case", range(len(CASES)))
def test_warnings_name_and_notes_only_when_they_apply(sheets, case, model):
    path, result, options = sheets[case]
    text = pdf_text(path)
    every_warning = {w.text for fields in (RELAPSING, PROGRESSIVE_WARNED, PROGRESSIVE)
                     for w in model.warnings(model.validate(fields), 10)}
    assert result.warnings or not any(flat(w) in text for w in every_warning)
    for warning in every_warning:
        assert (flat(warning) in text) == (warning in {w.text for w in result.warnings})
    assert ("Please note" in text) == bool(result.warnings)
    for name in ("Jane Doe", "J. D."):
        assert (name in text) == (options.name == name)
    if options.notes:
        assert flat(options.notes) in text


@pytest.mark.parametrize("case", range(len(CASES)))
def test_page_chart_and_icon_arrays_have_ink(sheets, case, model):
    path, result, options = sheets[case]
    image = page_image(path)
    assert (image < 160).mean() > 0.02, "page looks blank"
    width, height = PAGE_POINTS[options.paper]
    plan = layout_sheet(result, options, QRectF(page_layout(options.paper).paintRect(QPageLayout.Unit.Point))
                        .translated(-page_layout(options.paper).paintRect(QPageLayout.Unit.Point).topLeft()),
                        model)
    assert ink(image, plan.rect("chart"), options.paper) > 0.03
    for index in range(3):
        assert ink(image, plan.rect(f"icons{index}"), options.paper) > 0.05
    bottom = max(item.rect.bottom() for item in plan.items)
    assert bottom <= page_layout(options.paper).paintRect(QPageLayout.Unit.Point).height() + 0.5


def test_chart_is_vector_no_raster_images(sheets):
    for path, _, _ in sheets:
        reader = PdfReader(str(path))
        for page in reader.pages:
            xobjects = page["/Resources"].get("/XObject", {})
            for ref in xobjects.values():
                assert ref.get_object().get("/Subtype") != "/Image"
        raw = path.read_bytes()
        assert b"/Subtype /Image" not in raw and b"/Subtype/Image" not in raw


def test_extrapolated_region_is_drawn_only_beyond_five_years(sheets, model):
    path10 = next(p for p, r, o in sheets if r.horizon_years == 10)
    path5 = next(p for p, r, o in sheets if r.horizon_years == 5)
    assert "extrapolated" in pdf_text(path10)
    assert "after 5 years: extrapolated" not in pdf_text(path5)


def test_extra_pages_are_painted_after_the_decision_page(tmp_path, model):
    ensure_gui_application()
    result = model.estimate(model.validate(RELAPSING))
    path = tmp_path / "two.pdf"
    writer = QPdfWriter(str(path))
    seen: list[QRectF] = []

    def second(painter: QPainter, rect: QRectF) -> None:
        seen.append(rect)
        painter.drawText(rect, "Second page marker")

    render_sheet(writer, result, SheetOptions(), model=model, extra_pages=[second])
    del writer
    reader = PdfReader(str(path))
    assert len(reader.pages) == 4
    assert "Second page marker" in flat(reader.pages[3].extract_text())
    assert "Second page marker" not in flat("".join(p.extract_text() for p in reader.pages[:3]))
    assert seen and seen[0].width() > 400


def test_notes_that_cannot_fit_are_refused_and_leave_no_file(tmp_path, model):
    ensure_gui_application()
    result = model.estimate(model.validate(RELAPSING))
    path = tmp_path / "long.pdf"
    path.write_bytes(b"keep me")
    with pytest.raises(SheetDoesNotFit):
        write_pdf(path, result, SheetOptions(notes="a long note line\n" * 200), model=model)
    assert path.read_bytes() == b"keep me"
    assert list(tmp_path.iterdir()) == [path]


def test_options_reject_unknown_values():
    with pytest.raises(ValueError, match="audience"):
        SheetOptions(audience="family")
    with pytest.raises(ValueError, match="paper"):
        SheetOptions(paper="a5")


# -- the command ------------------------------------------------------------------------------------

def test_command_writes_a_valid_pdf(tmp_path, model):
    path = tmp_path / "out.pdf"
    code = main(["sheet", "-o", str(path), "--age", "45", "--course", "ppms", "--edss", "6.5", "--prior-dmts", "1",
                 "--audience", "clinician", "--paper", "letter", "--name", "A. B.", "--notes", "See again",
                 "--horizon", "10"])
    assert code == 0
    reader = PdfReader(str(path))
    assert len(reader.pages) == 3 and abs(float(reader.pages[0].mediabox.height) - 792) <= 1
    result = model.estimate(model.validate(PROGRESSIVE), horizon=10)
    text = pdf_text(path)
    assert wording.interval_percent(result.early_mortality) in text and "A. B." in text and "See again" in text


def test_command_rejects_a_profile_with_one_line_and_no_file(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "existing.pdf"
    path.write_bytes(b"old sheet")
    done = subprocess.run([sys.executable, "-m", "decision_aid", "sheet", "-o", str(path), "--age", "38",
                           "--course", "rrms", "--edss", "4.2", "--prior-dmts", "3"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "--edss" in lines[0] and "4.2" in lines[0] and "Traceback" not in done.stderr
    assert path.read_bytes() == b"old sheet"
    assert list(tmp_path.iterdir()) == [path]
    fresh = tmp_path / "never.pdf"
    assert main(["sheet", "-o", str(fresh), "--age", "90", "--course", "rrms", "--edss", "4.0",
                 "--prior-dmts", "3"]) == 2
    assert not fresh.exists()


def test_estimate_path_stays_free_of_qt():
    import subprocess
    import sys

    code = ("import sys; from decision_aid.cli import main; main(['estimate','--age','38','--course','rrms',"
            "'--edss','4.0','--prior-dmts','3','--json']); assert 'PySide6' not in sys.modules, 'Qt imported'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("audience", ["patient", "clinician"])
@pytest.mark.parametrize("fields", [
    {"age": 34, "course": "rrms", "edss": 3.0, "prior_dmts": 2, "relapses_past_year": 2, "disease_duration_years": 4},
    {"age": 60, "course": "spms", "edss": 8.5, "prior_dmts": 4, "relapses_past_year": 0, "disease_duration_years": 30},
], ids=["trial-profile", "all-warnings"])
def test_every_page_fits_without_clipping(tmp_path, model, paper, audience, fields):
    """The fullest pages (trial arrays, every warning, blank tick boxes) fit at some type size;
    a page that could not fit would raise SheetDoesNotFit instead of being cut off."""
    from decision_aid.decision_support import VALUES_QUESTIONS

    result = model.estimate(model.validate(fields), horizon=10)
    for values in ((), tuple((q.id, q.choices[-1].id) for q in VALUES_QUESTIONS)):
        path = write_pdf(tmp_path / f"{len(values)}.pdf", result,
                         SheetOptions(audience=audience, paper=paper, name="A. B.", notes="Discuss again in May after the MRI.", values=values),
                         model=model)
        reader = PdfReader(str(path))
        assert len(reader.pages) == 3
        assert "Alternatives" in flat(reader.pages[2].extract_text())  # the last question, not cut off
