"""Measure the reading level of every patient-facing text block and write docs/READABILITY.md.

A report, not a test: it prints nothing to fail on. Run after changing a text:

    python tools/readability.py            (needs the "test" extra: pip install -e ".[test]")

For each block it gives the Flesch-Kincaid grade and the number of words (textstat). The grade of a
block under about 20 words says little (one long word moves it a lot); such blocks are marked. The
blocks are read from where the program reads them: the evidence files (plain-language points,
guidance statements, the options view's study texts), the values exercise and the questions to ask,
the shared phrasing in ``wording``, and the texts composed for the options, harms, guidance and
disclosure, for a few example profiles. A block that reads the same for every example is listed once.
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
from importlib.metadata import version
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import textstat  # noqa: E402  (the test extra)

from decision_aid.context.about import disclosure  # noqa: E402
from decision_aid.context.guidance import ECTRIMS, GUIDANCE_SOURCES, guidance_fits  # noqa: E402
from decision_aid.model import default_model  # noqa: E402
from decision_aid.present import wording  # noqa: E402
from decision_aid.present.review_view import review_view  # noqa: E402
from decision_aid.present.guidance_view import NO_VERDICT, guidance_view, point_text  # noqa: E402
from decision_aid.present.harms_view import harms_view  # noqa: E402
from decision_aid.present.i18n import _  # noqa: E402
from decision_aid.present.method_view import method_view  # noqa: E402
from decision_aid.present.notes import note_text  # noqa: E402
from decision_aid.present.options_view import NOTES, options_view  # noqa: E402
from decision_aid.present.sheet_view import sheet_view  # noqa: E402
from decision_aid.present.studies_view import STUDIES_DIFFER, STUDIES_DIFFER_PLAIN, studies_view  # noqa: E402
from decision_aid.present.worksheet_view import questions_view, values_questions  # noqa: E402

OUTPUT = ROOT / "docs" / "READABILITY.md"
SHORT = 20  # words: below this the grade is unreliable
TARGET = 8  # the grade the issue asks for, about

EXAMPLES = (
    {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3, "relapses_past_year": 2},
    {"age": 52, "course": "spms", "edss": 6.5, "prior_dmts": 2, "relapses_past_year": 0,
     "disease_duration_years": 14},
    {"age": 45, "course": "ppms", "edss": 5.0, "prior_dmts": 1},
    {"age": 30, "course": "prms", "edss": 3.0, "prior_dmts": 1, "disease_duration_years": 4},
)


@dataclass(frozen=True)
class Block:
    group: str
    name: str
    text: str
    new: bool  # added for issue #14 (these are the ones rewritten towards grade 8)


def blocks() -> list[Block]:
    model = default_model()
    ev = model.evidence
    found: list[Block] = []

    def add(group: str, name: str, text: str | None, new: bool) -> None:
        if text and text.strip():
            found.append(Block(group, name, " ".join(text.split()), new))

    # Evidence files
    for i, text in enumerate(model.plain_language, 1):
        add("Evidence: plain-language points", f"{model.study.id} plain_language {i}", text, False)
    for guidance_id, source_id in GUIDANCE_SOURCES.items():
        add("Evidence: guidance statements", source_id, ev.get(source_id).text("statement"),
            guidance_id == ECTRIMS)
    for source in ev.sources:
        block = source.raw.get("comparison")
        if not isinstance(block, dict):
            continue
        add("Evidence: options study texts", f"{source.id} population", block["population"], True)
        for outcome in block["outcomes"]:
            add("Evidence: options study texts", f"{source.id} {outcome['code']} definition", outcome["definition"],
                True)
            add("Evidence: options study texts", f"{source.id} {outcome['code']} missing", outcome.get("missing"),
                True)
        for i, limit in enumerate(block.get("limits", ()), 1):
            add("Evidence: options study texts", f"{source.id} limit {i}", limit, True)
        add("Evidence: options study texts", f"{source.id} conclusion (quoted, not rewritten)",
            block.get("conclusion"), True)

    # Values exercise and questions to ask
    for question in values_questions():
        add("Values questions", f"{question.id} prompt", question.prompt, False)
        for choice in question.choices:
            add("Values questions", f"{question.id} / {choice.id}", choice.label, False)
    for question in questions_view(model, "patient"):
        add("Questions to ask", question.id, question.text, False)

    # Shared phrasing
    for course, text in wording.COURSE_EXPLANATIONS.items():
        add("Wording", f"course explanation {course}", text, False)
    add("Wording", "people like you", wording.people_like_you(), False)
    for i, text in enumerate(wording.NOT_COVERED, 1):
        add("Wording", f"not covered {i}", _(text), False)
    add("Wording", "studies differ (the clinician's words)", _(STUDIES_DIFFER), False)
    add("Wording", "studies differ (the patient's words)", _(STUDIES_DIFFER_PLAIN), True)
    add("Wording", "guidance: no verdict", _(NO_VERDICT), False)
    for note in model.caveats():
        add("Wording", f"caveat {note.id}", note_text(note), False)

    # Texts composed for example profiles
    for fields in EXAMPLES:
        profile = model.validate(fields)
        tag = f"{profile.course}, age {profile.age:g}"
        for fit in guidance_fits(model, profile):
            for point in fit.points:
                add("Guidance points (composed)", f"{fit.id} {point.code} ({tag})", point_text(fit.id, point), True)
        for row in harms_view(model, model.estimate(profile, draws=500), "patient").rows:
            add("Harms (composed)", f"{row.id} topic", row.topic, True)
            add("Harms (composed)", f"{row.id} note", row.note, True)
            add("Harms (composed)", f"{row.id} how often", ". ".join(row.how_often) + ".", True)
        for study in options_view(model, profile, "patient").studies:
            for outcome in study.outcomes:
                if outcome.comparison:
                    add("Options (composed)", f"{study.id} {outcome.code} hazard ratio in words",
                        outcome.comparison, True)
        result = model.estimate(profile, draws=500)
        options = options_view(model, profile, "patient")
        for name, text in (("intro", options.intro), ("elsewhere", options.elsewhere)):
            add("Views for the patient (composed)", f"options {name}", text, True)
        for study in options.studies:
            for name, text in (("kind", study.kind), ("match", study.match), ("entry criteria", study.eligibility)):
                add("Views for the patient (composed)", f"{study.id} {name} ({tag})", text, True)
        harms_words = harms_view(model, result, "patient")
        add("Views for the patient (composed)", "harms intro", harms_words.intro, True)
        add("Views for the patient (composed)", "harms footnote", harms_words.footnote, True)
        guidance = guidance_view(model, profile, "patient")
        add("Views for the patient (composed)", "guidance intro", guidance.intro, True)
        add("Views for the patient (composed)", "studies: you", ". ".join(
            studies_view(model, result, "patient").you_lines), True)
        for section in method_view(model, result, "patient").sections:
            if section.heading == "Assumptions":
                for text in section.paragraphs:
                    add("Views for the patient (composed)", "assumptions in brief", text, False)
        for i, text in enumerate(sheet_view(result, "patient", model).not_mean, 1):
            add("Views for the patient (composed)", f"sheet: what the numbers do not mean {i}", text, True)
    os.environ["DECISION_AID_TODAY"] = "2099-01-01"  # to measure the overdue notice
    add("Views for the patient (composed)", "review overdue notice", review_view(model.evidence).notice, True)
    for code, text in NOTES.items():
        add("Options notes", code, _(text), True)
    for item in disclosure().items:
        add("Disclosure", item.code, item.text, True)

    unique: dict[tuple[str, str], Block] = {}
    for block in found:  # the same text for several examples: once, under its first name
        unique.setdefault((block.group, block.text), block)
    return list(unique.values())


def measure(block: Block) -> tuple[float, int]:
    return textstat.flesch_kincaid_grade(block.text), textstat.lexicon_count(block.text, removepunct=True)


def report() -> str:
    rows = [(b, *measure(b)) for b in blocks()]
    long_rows = [r for r in rows if r[2] >= SHORT]
    lines = [
        "# Readability of the patient-facing texts",
        "",
        f"Written by `python tools/readability.py` on {_dt.date.today().isoformat()} (textstat "
        f"{version('textstat')}). A report, not a test.",
        "",
        "Flesch-Kincaid grade (US school grade; the aim is about grade "
        f"{TARGET}) and words per block. Blocks under {SHORT} words are marked *short*: their grade "
        "is unreliable (one long word, often a medical term that must stay, such as "
        "\"hypothyroidism\", moves it a lot). *New* marks the blocks added for issue #14, which were "
        "rewritten towards the target where plainer words exist; a quoted conclusion and the names of "
        "conditions and drugs are kept as they are. Of the older blocks, the worst were rewritten too (the "
        "NMSS paraphrase, \"people like you\", the first point of what the estimate does not cover, the "
        "patient's \"studies differ\" and the first question to ask); the others are measured only. Lists "
        "(a table cell, the lines beside the chart) are measured with a full stop after each line.",
        "",
        f"Blocks: {len(rows)}; of {len(long_rows)} with {SHORT} or more words, "
        f"{sum(1 for r in long_rows if r[1] <= TARGET)} are at grade {TARGET} or below.",
        "",
    ]
    group = None
    for block, grade, words in rows:
        if block.group != group:
            group = block.group
            lines += ["", f"## {group}", "", "| block | grade | words | |", "|---|---:|---:|---|"]
        marks = ", ".join(m for m, on in (("new", block.new), ("short", words < SHORT)) if on)
        lines.append(f"| {block.name} | {grade:.1f} | {words} | {marks} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    OUTPUT.write_text(report(), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
