"""A rate is never phrased as a share (issue 26, item 1), in English and in every translation.

A rate counts events for every 100 people (one person can have several: "310 relapses for every 100
people" is possible); a share counts people out of 100 ("2 in 100", never more than 100). The Spanish
catalogue printed "unos 310 de cada 100": a share's words around a rate. The messages are classified
by what they are used for, not by a list of today's strings: every rate per 100 is written by
``wording.per_hundred_whole`` or ``wording.per_hundred_number``; each is marked here, every view that
shows the evidence's rates is built in both audiences, and each message that received a marked
number must say "per 100 people" in English and "por cada 100 personas" in Spanish. The share
messages are the ones the share phrases (``count_phrase``, ``range_phrase``...) use.
"""

from __future__ import annotations

import re

import pytest

from decision_aid.present import i18n, wording
from decision_aid.present.harms_view import harms_view
from decision_aid.present.options_view import options_view
from decision_aid.present.worksheet_view import worksheet_view

PROFILES = ({"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3},
            {"age": 52, "course": "spms", "edss": 6.0, "prior_dmts": 2, "relapses_past_year": 1},
            {"age": 45, "course": "ppms", "edss": 5.5, "prior_dmts": 0})
#: What must follow a rate's number in each language (NBSP or space before "100").
RATE_WORDS = {"en": r"(?: \{events\}| events)? (?:per|for every) 100 people",
              "es": r"(?: \{events\}| episodios)? por cada[\u00a0 ]100 personas"}
SHARE_WORDS = {"en": r"\bin \{total\}", "es": r"\bde cada[\u00a0 ]\{total\}"}


class Rate(str):
    """A number that is a rate per 100 people (marked so that the sentence receiving it is known)."""


def used_messages(monkeypatch, build) -> dict[str, set[str]]:
    """The English messages filled while ``build()`` runs, each with its placeholders that got a Rate."""
    used: dict[str, set[str]] = {}
    fill = i18n._fill

    def recording_fill(translated, source, values, may_omit=frozenset()):
        used.setdefault(source, set()).update(k for k, v in values.items() if isinstance(v, Rate))
        return fill(translated, source, values, may_omit)

    with monkeypatch.context() as patch:
        patch.setattr(i18n, "_fill", recording_fill)
        build()
    return used


def translated(source: str, language: str) -> str:
    return source if language == "en" else i18n.catalogue(language).gettext(source)


@pytest.fixture
def rate_messages(model, monkeypatch) -> dict[str, set[str]]:
    whole, number = wording.per_hundred_whole, wording.per_hundred_number
    monkeypatch.setattr(wording, "per_hundred_whole", lambda rate: Rate(whole(rate)))
    monkeypatch.setattr(wording, "per_hundred_number", lambda value: Rate(number(value)))

    def build():
        for language in ("en", "es"):
            with i18n.use_language(language):
                for audience in ("patient", "clinician"):
                    for fields in PROFILES:
                        result = model.estimate(model.validate(fields))
                        harms_view(model, result, audience)
                        options_view(model, result.profile, audience, result)
                    worksheet_view(model, {}, audience)

    used = used_messages(monkeypatch, build)
    return {source: names for source, names in used.items() if names}


def test_the_evidence_shows_rates_in_both_audiences(rate_messages):
    """The classification found the rate sentences (relapses per year, events per person, the
    worksheet's serious side effects), so the test below cannot pass on nothing."""
    assert len(rate_messages) >= 4, rate_messages
    assert any("{events}" in source for source in rate_messages)  # the patient's relapses a year
    assert any("sae_beam" in names for names in rate_messages.values())  # the worksheet


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_rate_is_phrased_per_100_people_never_out_of_100(rate_messages, language):
    wrong = []
    for source, names in rate_messages.items():
        text = translated(source, language)
        for sentence in re.split(r"(?<=[.;])\s", text):
            said = False  # "about 310 for every 100 people, against about 150 with Cy/ATG": said once
            for found in re.finditer(r"\{(" + "|".join(names) + r")\}", sentence):
                if re.match(r"\{\w+\}" + RATE_WORDS[language], sentence[found.start():]):
                    said = True
                elif not said:
                    wrong.append((found.group(1), text))
        if re.search(SHARE_WORDS[language], text) or "de cada" in text:
            wrong.append(("a share's words", text))
    assert not wrong, wrong


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_share_is_phrased_out_of_100(monkeypatch, language):
    """The share phrases say "in 100" / "de cada 100", never "per" / "por cada" (a share is people
    out of 100, never events)."""
    from decision_aid.model import Interval

    def build():
        for p in (0.003, 0.02, 0.5, 0.998):
            wording.count_phrase(p)
            wording.other_side_phrase(p)
            wording.in_hundred_label(p)
        for interval in (Interval(0.5, 0.4, 0.6), Interval(0.01, 0.001, 0.03), Interval(0.99, 0.97, 0.999)):
            wording.range_phrase(interval)

    shares = [source for source in used_messages(monkeypatch, build) if "{total}" in source]
    assert len(shares) >= 5
    for source in shares:
        text = translated(source, language)
        assert re.search(SHARE_WORDS[language], text), text
        assert not re.search(r"\bper\b|\bpor cada\b", text), text
