"""The ``decision-aid`` command line.

``estimate`` must stay fast and Qt-free (it is used in scripts and CI), so Qt is imported only
by the sub-commands that draw something.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import sys
from dataclasses import dataclass
from typing import Any, Sequence

from . import __version__
from .command import EXIT_INTERRUPTED  # Ctrl-C: 128 + SIGINT, as shells report it
from .present.audience import AUDIENCES
from .present.i18n import _, available_languages, interface_language, set_language
from .printable import one_line
from .terminal import (address_space_problem, flush_stdout, interrupt_ends_the_command, interrupts_deferred,
                       output_failure, prepare_streams, say, short_of_memory, silence)

PROFILE_FLAGS = {
    "age": "--age",
    "course": "--course",
    "edss": "--edss",
    "prior_dmts": "--prior-dmts",
    "relapses_past_year": "--relapses-past-year",
    "disease_duration_years": "--disease-duration",
    "mri_activity_past_year": "--mri-activity",
    "relapses_on_treatment": "--relapses-on-treatment",
    "high_efficacy_dmt_failed": "--hedmt-failed",
    "high_efficacy_dmt_contraindicated": "--hedmt-contraindicated",
}

EXIT_REJECTED = 2  # a refused flag, profile, file, evidence or setting (README, "Exit statuses")
EXIT_NOT_WRITTEN = 1  # the output could not be written, the window could not open, or memory was short
MAX_SCREENSHOT_SIDE = 8192
# Flags the window (no sub-command) reads; before a sub-command they would be dropped silently.
WINDOW_FLAGS = {"screenshot": "--screenshot", "audience": "--audience", "horizon": "--horizon", "size": "--size",
                **{flag[2:].replace("-", "_"): flag for flag in PROFILE_FLAGS.values()}, "profile": "--profile",
                "language": "--language"}
TOP = "top_"  # the window's flags are stored as top_<name>, so a sub-command cannot override them unseen


def whole_number(text: str) -> int:
    """An argparse type: plain ASCII digits only (``int()`` also takes ``1_0``, ``+3``, ``٣``)."""
    if not re.fullmatch(r"[0-9]{1,9}", text.strip()):
        raise argparse.ArgumentTypeError(_("'{value}' is not a whole number", value=one_line(text)[:40]))
    return int(text)


class _StoreOnce(argparse.Action):
    """argparse's "store", refusing a flag given twice: ``--age 38 --age 70`` never silently
    estimates for 70 (nor ``--age 38 --ag 70``, an abbreviation of the same flag)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        given = f"_given_{self.dest}"
        if getattr(namespace, given, None) is not None:
            parser.error(_("{flag} is given twice ('{first}' and '{second}'); give it once",
                           flag=option_string or self.option_strings[-1],
                           first=one_line(getattr(namespace, given))[:40], second=one_line(values)[:40]))
        setattr(namespace, given, values)
        setattr(namespace, self.dest, values)


class _OneLineParser(argparse.ArgumentParser):
    """Argument errors as one line on stderr and exit status 2, like a rejected profile; every flag
    that takes a value may be given once."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.register("action", None, _StoreOnce)
        self.register("action", "store", _StoreOnce)

    def _print_message(self, message: str, file=None) -> None:
        """argparse ignores a failed write; here a help or version text that cannot be written is one
        line on stderr and exit status 1, and a refusal that cannot be written keeps its status 2."""
        stream = file
        if not message:
            return
        if stream is None:  # argparse gives sys.stdout for help and version, sys.stderr for errors
            if sys.stdout is None and sys.stderr is not None:  # help or version with stdout closed
                say(_("the output could not be written: {reason}", reason=_("the output is closed")))
                self.exit(EXIT_NOT_WRITTEN)
            return
        try:
            stream.write(message)
            stream.flush()
        except (OSError, ValueError) as exc:
            silence(stream)
            if stream is sys.stdout and not isinstance(exc, BrokenPipeError):
                say(_("the output could not be written: {reason}", reason=output_failure(exc)))
                self.exit(EXIT_NOT_WRITTEN)

    def format_help(self) -> str:
        """The help, with the limits it quotes read from the evidence now (only ``--help`` needs them:
        ``--version`` and a refused flag never load the evidence)."""
        limits = None
        for action in self._actions:
            make = getattr(action, "help_from_limits", None)
            if make is not None:
                limits = limits or _help_limits()
                action.help = make(limits)
        return super().format_help()

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_REJECTED, _("{program}: error: {problem} (see --help)", program=self.prog,
                                   problem=one_line(message)) + "\n")


@dataclass(frozen=True)
class _HelpLimits:
    """The numbers the profile flags' help quotes, from the model's evidence file (never written
    here); "?" where the evidence cannot be read (every command then refuses and says why)."""

    ages: dict
    prior_dmts_max: str
    relapses_max: str
    duration_max: str
    dmt_threshold: str
    edss_scale: str
    draws: str  # the model's default number of Monte Carlo draws
    short: str  # the horizons offered, in years: the study's follow-up and the longer one
    long: str


def _help_limits() -> _HelpLimits:
    from .evidence import EvidenceError
    from .model import default_model
    from .present.wording import edss_scale, number

    try:
        model = default_model()
    except EvidenceError:
        unknown = "?"
        return _HelpLimits(dict(low=unknown, high=unknown, studied_low=unknown, studied_high=unknown),
                           unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown)
    lim = model.limits
    return _HelpLimits(dict(low=number(lim.age_min), high=number(lim.age_max), studied_low=number(lim.studied_age_min),
                            studied_high=number(lim.studied_age_max)),
                       number(lim.prior_dmts_max), number(lim.relapses_max), number(lim.duration_max),
                       number(model.dmt_threshold), edss_scale(lim.edss_values), number(model.default_draws),
                       number(min(model.horizons)), number(max(model.horizons)))


def help_from_limits(action: argparse.Action, make) -> None:
    """``action``'s help is ``make(limits)``, made when the help is shown (``_OneLineParser.format_help``)."""
    action.help = "-"  # shown nowhere: replaced before any help is formatted
    action.help_from_limits = make


def add_profile_arguments(parser: argparse.ArgumentParser, prefix: str = "") -> None:
    group = parser.add_argument_group(
        _("patient profile"),
        _("All four of --age, --course, --edss and --prior-dmts are required, unless --profile FILE gives the "
          "profile. Values are checked, never rounded or clamped: a value outside the allowed range is refused."),
    )
    help_from_limits(group.add_argument("--age", dest=prefix + "age", metavar="YEARS"), lambda limits: _(
        "Age in years at transplant, {low} to {high} (decimals allowed). The study mostly included people aged "
        "{studied_low} to {studied_high}; outside that a warning is shown.", **limits.ages))
    group.add_argument("--course", dest=prefix + "course", metavar="COURSE", help=_(
        "Type of multiple sclerosis: rrms (relapsing-remitting: relapses with recovery in between), spms (secondary "
        "progressive: steady worsening after a relapsing phase), ppms (primary progressive: steady worsening from "
        "the start) or prms (progressive-relapsing: steady worsening with occasional relapses)."))
    help_from_limits(group.add_argument("--edss", dest=prefix + "edss", metavar="SCORE"), lambda limits: _(
        "Expanded Disability Status Scale score, the standard measure of disability in MS: {scale} (0 is a normal "
        "examination). For example 4.0 = walks about 500 m without aid, 6.0 = needs a cane to walk about 100 m, "
        "7.0 = uses a wheelchair. 10 means death and is not an input.", scale=limits.edss_scale))
    help_from_limits(group.add_argument("--prior-dmts", dest=prefix + "prior_dmts", metavar="N"), lambda limits: _(
        "Number of disease-modifying therapies used before transplant (for example interferon, fingolimod, "
        "natalizumab), a whole number 0 to {high}. More than {threshold} raises the modelled risk of progression.",
        high=limits.prior_dmts_max, threshold=limits.dmt_threshold))
    help_from_limits(group.add_argument("--relapses-past-year", dest=prefix + "relapses_past_year", metavar="N"),
                     lambda limits: _(
        "Optional: relapses in the past 12 months, a whole number 0 to {high}. With the MRI activity it decides "
        "whether the later cohorts' results apply to progressive MS, and it is compared with trial entry criteria.",
        high=limits.relapses_max))
    help_from_limits(group.add_argument("--disease-duration", dest=prefix + "disease_duration", metavar="YEARS"),
                     lambda limits: _(
        "Optional: years since diagnosis, 0 to {high}. Used only to compare with published guidance, not in the "
        "estimate.", high=limits.duration_max))
    group.add_argument("--mri-activity", dest=prefix + "mri_activity", metavar="yes|no", help=_(
        "Optional: new or enlarging T2 lesions, or gadolinium-enhancing lesions, on MRI in the past 12 months (yes or "
        "no; leave it out if not known). With the relapses it decides whether the later cohorts' results apply to "
        "progressive MS, and it is compared with the guidance."))
    group.add_argument("--relapses-on-treatment", dest=prefix + "relapses_on_treatment", metavar="yes|no", help=_(
        "Optional: the relapses of the past year happened while on a disease-modifying therapy (yes or no). Compared "
        "with the randomised trial's entry criteria and the guidance, not used in the estimate."))
    group.add_argument("--hedmt-failed", dest=prefix + "hedmt_failed", metavar="yes|no", help=_(
        "Optional: MS stayed active despite at least 6 months on a high-efficacy disease-modifying therapy (yes or "
        "no). Compared with the guidance, not used in the estimate."))
    group.add_argument("--hedmt-contraindicated", dest=prefix + "hedmt_contraindicated", metavar="yes|no", help=_(
        "Optional: high-efficacy disease-modifying therapies cannot be used (contraindicated) (yes or no). Compared "
        "with the guidance, not used in the estimate."))
    group.add_argument("--profile", dest=prefix + "profile", metavar="FILE", help=_(
        "Read the profile from a saved consultation file (.aidconsult.json) instead of the flags above; give one or "
        "the other, not both. Without a sub-command the window opens that consultation (or --screenshot renders "
        "it)."))


class ProfileInputError(Exception):
    """The profile could not be read from the command line: one line, exit status 2."""


def load_input(args: argparse.Namespace, model):
    """The raw profile fields, and the saved consultation when they came from ``--profile FILE``.

    Raises ``ProfileInputError`` for a file that cannot be used or for both kinds of input.
    """
    path = getattr(args, "profile", None)
    if path is None:
        return profile_input(args), None
    given = [flag for flag in PROFILE_FLAGS.values() if getattr(args, flag[2:].replace("-", "_")) is not None]
    if given:
        raise ProfileInputError(_("give either --profile FILE or the profile flags, not both (also given: {flags})",
                                  flags=", ".join(given)))
    from .consultation import ConsultationError, load_consultation

    try:
        consultation = load_consultation(path, model)
    except ConsultationError as exc:
        raise ProfileInputError(_("cannot use {path}: {problem}", path=one_line(path), problem=str(exc))) from None
    return dict(consultation.profile), consultation


def profile_input(args: argparse.Namespace) -> dict[str, Any]:
    """The raw profile fields as typed (validation happens in the model)."""
    raw = {field: getattr(args, flag[2:].replace("-", "_")) for field, flag in PROFILE_FLAGS.items()}
    return {k: v for k, v in raw.items() if v is not None or k in ("age", "course", "edss", "prior_dmts")}


def rejection_line(error, profile_file: str | None = None) -> str:
    """One line naming each rejected field by its flag (or, for a file, its field), the value and
    what is allowed; the words are present's (:mod:`decision_aid.present.refusals`)."""
    from .model import ProfileError, RequestError
    from .present import refusals

    if isinstance(error, ProfileError):
        return refusals.refusal_line(error.errors, None if profile_file else PROFILE_FLAGS, profile_file)
    if isinstance(error, RequestError):
        return refusals.request_refusal(error, "--" + error.field)
    return str(error)


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog="decision-aid",
        description=_("Shared decision-making aid for autologous haematopoietic stem cell transplantation (AHSCT) "
                      "in multiple sclerosis. Estimates from Muraro et al., JAMA Neurol 2017."),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--screenshot", dest=TOP + "screenshot", metavar="PATH", help=_(
        "Render the window for the given profile to a PNG file without showing it, then exit (a refused profile "
        "writes no file and exits 2)."))
    parser.add_argument("--audience", dest=TOP + "audience", choices=AUDIENCES, default=None, help=_(
        "Open (or render) the window in the patient view (plain words) or the clinician view (percentages, "
        "intervals, hazard ratios). Default: as last used, or with --profile the saved consultation's."))
    help_from_limits(parser.add_argument("--horizon", dest=TOP + "horizon", type=whole_number, default=None,
                                         metavar="YEARS"), lambda limits: _(
        "Length of the chart: {short} (the study's follow-up) or {long} (an extrapolation beyond {short}).",
        short=limits.short, long=limits.long))
    parser.add_argument("--language", dest=TOP + "language", choices=available_languages(), default=None, help=_(
        "Language of the window (default: as last chosen in View > Language, else the system's; a --screenshot "
        "uses the system's). The summary sheet's language is chosen on the Sheet tab."))
    parser.add_argument("--size", dest=TOP + "size", default=None, metavar="WxH", help=_(
        "Size of the --screenshot image in pixels (default 1280x800; at least 1024x700, at most {most} a side).",
        most=MAX_SCREENSHOT_SIDE))
    add_profile_arguments(parser, prefix=TOP)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_OneLineParser)
    estimate = sub.add_parser(
        "estimate",
        help=_("print the personal estimates for one patient profile"),
        description=_("Print the personal estimates for one profile: risk of death within 100 days of transplant, "
                      "chance of being alive at 5 years, and chance of being alive without disability worsening "
                      "over time, each with its 95% interval."),
    )
    add_profile_arguments(estimate)
    help_from_limits(estimate.add_argument("--horizon", type=whole_number, default=5, metavar="YEARS"), lambda limits: _(
        "Length of the progression-free curves: {short} (the study's follow-up, default) or {long} (after {short} "
        "years the study's curve is an extrapolation and the later cohorts' curve rests on one cohort).",
        short=limits.short, long=limits.long))
    help_from_limits(estimate.add_argument("--draws", type=whole_number, default=None, metavar="N"), lambda limits: _(
        "Monte Carlo draws for the intervals (default {draws}; seeded, so results repeat).", draws=limits.draws))
    estimate.add_argument("--json", action="store_true", help=_(
        "Print one JSON object (probabilities as fractions)."))
    estimate.add_argument("--language", choices=available_languages(), default=None, help=_(
        "Language of the table, of the JSON's readable texts and of the messages (default en). The JSON's keys and "
        "codes stay English; its \"language\" says which language the texts are in."))
    sheet = sub.add_parser(
        "sheet",
        help=_("write the summary sheet (several pages: the estimates first) for one profile as a PDF"),
        description=_("Write the summary sheet as a PDF: several pages, the estimates first (in words and "
                      "pictures, the chart, warnings, assumptions and the source), then the evidence around them "
                      "and a worksheet. Needs no display. A rejected profile writes no file."),
    )
    sheet.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help=_(
        "Where to write the PDF (an existing file is replaced only when the sheet is complete)."))
    add_profile_arguments(sheet)
    sheet.add_argument("--audience", choices=AUDIENCES, default=None, help=_(
        "patient: plain words, larger type, whole numbers in 100; clinician: percentages, intervals, hazard ratios "
        "and the assumptions in full. Default: patient, or with --profile the version chosen on its Sheet tab "
        "(never its window view)."))
    sheet.add_argument("--paper", choices=("a4", "letter"), default="a4", help=_("Paper size (default a4)."))
    sheet.add_argument("--name", metavar="TEXT", default=None, help=_(
        "Patient name or initials, printed on this sheet only. With --profile the saved name is printed unless "
        "--name is given (--name \"\" prints none)."))
    sheet.add_argument("--notes", metavar="TEXT", default=None, help=_(
        "Notes printed in the notes box (left blank: ruled lines to write on). With --profile the saved notes are "
        "printed unless --notes is given."))
    help_from_limits(sheet.add_argument("--horizon", type=whole_number, default=None, metavar="YEARS"), lambda limits: _(
        "Length of the chart: {short} or {long} (years {short} to {long} are an extrapolation). Default: {short}, or "
        "with --profile the saved consultation's.", short=limits.short, long=limits.long))
    sheet.add_argument("--language", choices=available_languages(), default=None, help=_(
        "Language of the sheet and of the messages (default en, or with --profile the saved consultation's sheet "
        "language). The numbers are the same in every language."))
    sheet.add_argument("--allow-missing-glyphs", action="store_true", help=_(
        "Make the sheet even when characters of the name or notes cannot be drawn by any installed font (they "
        "print as empty boxes). Without it such a sheet is refused, naming the characters."))
    return parser


class _Rejected(Exception):
    """The command cannot go on: one line for stderr, exit status 2."""


def validated_profile(args: argparse.Namespace, refusal: str):
    """The model, the validated profile and the saved consultation (or None) from the flags or
    ``--profile FILE``.

    Raises :class:`_Rejected` with one line naming the problem (evidence, file or field), so that
    every command refuses the same way and nothing is written for a rejected profile.
    """
    from .evidence import EvidenceError
    from .model import ProfileError, default_model

    try:
        model = default_model()
        raw, consultation = load_input(args, model)
        profile = model.validate(raw)
    except EvidenceError as exc:
        raise _Rejected(_("{refusal}: {problem}", refusal=refusal, problem=str(exc))) from None
    except ProfileInputError as exc:
        raise _Rejected(str(exc)) from None
    except ProfileError as exc:
        raise _Rejected(rejection_line(exc, args.profile)) from None
    return model, profile, consultation


def note_version_change(model, consultation) -> None:
    """After a command succeeded with ``--profile FILE``: one line if the file was saved with other
    evidence (said only on success, so a refusal stays one line)."""
    if consultation is not None:
        from .consultation import describe_version_change

        change = describe_version_change(consultation, model)
        if change:
            say(_("note: {change}", change=change))


def run_estimate(args: argparse.Namespace) -> int:
    from .context.about import AboutError, disclosure
    from .context.review import TodayError, evidence_review, today
    from .model import RequestError

    try:
        day = today()  # DECISION_AID_TODAY, checked before anything else is done
        model, profile, consultation = validated_profile(args, _("no estimates"))
        result = model.estimate(profile, horizon=args.horizon, draws=args.draws)
        about = disclosure() if args.json else None
    except (_Rejected, TodayError, AboutError) as exc:
        say(exc)
        return EXIT_REJECTED
    except RequestError as exc:  # horizon or draws
        say(rejection_line(exc))
        return EXIT_REJECTED
    from .present.review_view import review_line
    from .present.context_json import context_dict
    from .present.i18n import current_language

    review = evidence_review(model.evidence, day)
    if args.json:
        from .present.json_view import estimate_json

        print(json.dumps({**estimate_json(result), "context": context_dict(model, profile, result),
                          "evidence_review": review.as_dict(), "disclosure": about.as_dict(),
                          "language": current_language()}))
    else:
        from .present.text_table import context_section, estimate_table

        print(estimate_table(result, model))
        print(review_line(review))
        print()
        print(context_section(model, profile))
    note_version_change(model, consultation)
    return 0


def sheet_settings(args: argparse.Namespace, consultation) -> dict[str, Any]:
    """Audience, horizon, name and notes for ``sheet``: a flag given on the command line wins, then
    the saved consultation (``--profile FILE``), then the defaults (patient, 5 years, no name, no
    notes). The flags default to None, so "given" is told apart from argparse's defaults."""
    saved = {"audience": consultation.sheet_audience, "horizon": consultation.horizon,
             "name": consultation.patient_name, "notes": consultation.notes} if consultation else {}
    defaults = {"audience": "patient", "horizon": 5, "name": None, "notes": ""}
    chosen = {}
    for key, default in defaults.items():
        given = getattr(args, key)
        chosen[key] = given if given is not None else saved.get(key, default)
    chosen["name"] = chosen["name"] or None  # --name "" prints no name
    return chosen


def run_sheet(args: argparse.Namespace) -> int:
    """Validate first (no Qt, no file on rejection), then draw the PDF offscreen.

    The output is written whole or not at all (an existing file is kept on any failure) and only
    to a regular file: a link, folder, pipe or device, a read-only file and the ``--profile``
    input itself are refused.
    """
    from .consultation import MAX_NAME, MAX_NOTES
    from .model import RequestError
    from .present.free_text import HiddenCharacters, check_free_text

    for flag, text, most in (("--name", args.name, MAX_NAME), ("--notes", args.notes, MAX_NOTES)):
        if text is not None and len(text) > most:  # as much as a saved file may hold
            say(_("{flag}: {length} characters, more than the {most} allowed", flag=flag, length=len(text), most=most))
            return EXIT_REJECTED
    try:
        check_free_text("name", args.name)
        check_free_text("notes", args.notes)
    except HiddenCharacters as exc:
        say(_("{flag}: {problem}", flag="--" + exc.field, problem=str(exc)))
        return EXIT_REJECTED
    try:
        model, profile, consultation = validated_profile(args, _("no sheet"))
        settings = sheet_settings(args, consultation)
        result = model.estimate(profile, horizon=settings["horizon"])
    except _Rejected as exc:
        say(exc)
        return EXIT_REJECTED
    except RequestError as exc:
        say(rejection_line(exc))
        return EXIT_REJECTED
    from .safe_io import WriteError, check_output_target

    try:
        check_output_target(args.output, not_same_as=args.profile)
    except WriteError as exc:
        say(_("-o: {problem}", problem=str(exc)))
        return EXIT_REJECTED
    from .display import draw_offscreen

    draw_offscreen()
    with interrupts_deferred():  # Qt is loaded here
        from .report.sheet import SheetDoesNotFit, SheetOptions, write_pdf

    values = tuple(sorted(consultation.values.items())) if consultation else ()
    language = args.language or (consultation.sheet_language if consultation else "en")
    options = SheetOptions(audience=settings["audience"], paper=args.paper, name=settings["name"],
                           notes=settings["notes"], values=values, language=language,
                           left_out=consultation.sheet_left_out if consultation else ())  # as on its Sheet tab
    if not glyphs_drawable(options, args.allow_missing_glyphs):
        return EXIT_REJECTED
    try:
        write_pdf(args.output, result, options, model=model, not_same_as=args.profile)
    except SheetDoesNotFit as exc:
        say(_("--notes: {problem}", problem=str(exc)))
        return EXIT_REJECTED
    except HiddenCharacters as exc:  # checked above and when the file was read; never printed
        say(exc)
        return EXIT_REJECTED
    except WriteError as exc:
        say(exc)
        return EXIT_NOT_WRITTEN
    except OSError as exc:
        say(_("cannot write {path}: {problem}; nothing was replaced", path=one_line(args.output),
              problem=exc.strerror or str(exc)))
        return EXIT_NOT_WRITTEN
    note_version_change(model, consultation)
    return 0


def glyphs_drawable(options, allowed: bool) -> bool:
    """The window's font check (:mod:`decision_aid.ui.font_check`) for ``sheet``: characters of the
    name or notes that no installed font can draw (they would print as empty boxes) are named in
    one line, and the sheet is refused unless ``--allow-missing-glyphs`` is given (then it is a note
    and the sheet is made; Qt's own font warnings are silenced by :func:`~decision_aid.display.draw_offscreen`)."""
    from .report.sheet import ensure_gui_application
    from .ui.font_check import missing_glyphs_sentence, undrawable

    ensure_gui_application()
    missing = undrawable([options.name, options.notes])
    if not missing:
        return True
    if allowed:
        say(_("note: {problem}", problem=missing_glyphs_sentence(missing)))
        return True
    say(_("no sheet: {problem} Give --allow-missing-glyphs to make the sheet anyway, or install fonts (on Debian or "
          "Ubuntu: fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji).",
          problem=missing_glyphs_sentence(missing)))
    return False


def language_asked(argv: Sequence[str]) -> str | None:
    """The ``--language`` given anywhere on the command line, read before the parser is built so
    that the help and every message are in that language (argparse refuses a wrong one later)."""
    for index, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--language=") else (
            argv[index + 1] if arg == "--language" and index + 1 < len(argv) else None)
        if value in available_languages():
            return value
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Every failure is one line on stderr (when it can be written) and a
    documented exit status (README, "Exit statuses"), never a traceback. The process's language is
    as it found it when this returns (a caller that runs it in process, such as a test, keeps its own)."""
    language = interface_language()
    try:
        return _guarded(argv)
    finally:
        set_language(language)


def _guarded(argv: Sequence[str] | None) -> int:
    prepare_streams()
    try:
        with interrupt_ends_the_command(interrupted, EXIT_INTERRUPTED):
            return _main(sys.argv[1:] if argv is None else list(argv))
    except SystemExit as exc:  # --help, --version and refused flags: what argparse wrote must reach its reader
        if not flush_stdout() and exc.code == 0:
            raise SystemExit(EXIT_NOT_WRITTEN) from None
        raise
    except KeyboardInterrupt:
        say(interrupted())
        return EXIT_INTERRUPTED
    except MemoryError:
        say(_("not enough memory"))
        return EXIT_NOT_WRITTEN
    except ImportError as exc:
        if not short_of_memory(exc):
            raise
        say(_("not enough memory"))
        return EXIT_NOT_WRITTEN


def interrupted() -> str:
    return _("interrupted; no file was written or replaced")


def _main(argv: list[str]) -> int:
    set_language(language_asked(argv) or "en")  # the command line speaks English unless asked
    memory = address_space_problem("estimate")  # the least any command needs: the parser loads the model
    if memory:
        say(memory)
        return EXIT_NOT_WRITTEN
    parser = build_parser()
    args = parser.parse_args(argv)
    window_flags = {name: getattr(args, TOP + name, None) for name in WINDOW_FLAGS}
    if args.command is not None:
        early = [WINDOW_FLAGS[name] for name, value in window_flags.items() if value is not None]
        if early:
            parser.error(_("{flag} before the sub-command '{command}' would be ignored; put it after '{command}'",
                           flag=early[0], command=args.command))
    else:
        for name, value in window_flags.items():
            setattr(args, name, value)
    memory = address_space_problem(args.command or "window")
    if memory:
        say(memory)
        return EXIT_NOT_WRITTEN
    day = today_problem()
    if day:
        say(day)
        return EXIT_REJECTED
    if args.command == "estimate":
        return estimate_to_stdout(args)
    if args.command == "sheet":
        return run_sheet(args)
    return run_window_command(args)


def today_problem() -> str | None:
    """``DECISION_AID_TODAY`` set to something that is not a date: refused by every command alike
    (a sheet or a window would otherwise print or show a technical warning instead of a date)."""
    from .context.review import TodayError, today

    try:
        today()
    except TodayError as exc:
        return str(exc)
    return None


def estimate_to_stdout(args: argparse.Namespace) -> int:
    """``estimate``, whose output is the point: a closed or full standard output is one line on
    stderr and exit status 1; a reader that stops early (``| head -1``) is not an error."""
    if sys.stdout is None:
        say(_("the estimates could not be written: the standard output is closed"))
        return EXIT_NOT_WRITTEN
    try:
        code = run_estimate(args)
        sys.stdout.flush()  # a closed pipe or a full disk shows here, inside the try, not at exit
        return code
    except BrokenPipeError:  # e.g. `decision-aid estimate ... | head -1`: the reader had enough
        silence(sys.stdout)
        return 0  # not an error: what was read is what the reader wanted
    except OSError as exc:  # stdout on a full disk (ENOSPC), a device that fails (EIO)
        silence(sys.stdout)
        say(_("the estimates could not be written: {reason}", reason=output_failure(exc)))
        return EXIT_NOT_WRITTEN


def screenshot_size(text: str | None) -> tuple[int, int]:
    """``WIDTHxHEIGHT`` in plain digits, each side 1024x700 to MAX_SCREENSHOT_SIDE; else ValueError."""
    match = re.fullmatch(r"([0-9]{1,6})[xX]([0-9]{1,6})", (text or "1280x800").strip())
    if match is None:
        raise ValueError
    width, height = int(match.group(1)), int(match.group(2))
    if not (1024 <= width <= MAX_SCREENSHOT_SIDE and 700 <= height <= MAX_SCREENSHOT_SIDE):
        raise ValueError
    return width, height


class _Refused(Exception):
    """A window flag refused before any window opens: its one line and the exit status."""

    def __init__(self, line: object, status: int = EXIT_REJECTED) -> None:
        super().__init__(line)
        self.line, self.status = line, status


def run_window_command(args: argparse.Namespace) -> int:
    """No sub-command: open the window (pre-filled from any profile flags), or render a screenshot.

    Everything that can be checked without a window is checked first, so a wrong flag is one
    line and exit status 2, never a traceback from inside the window.

    The garbage collector is paused from here until the window's first turn of the event loop
    (:func:`decision_aid.ui.app.keep_start_objects`): paused only once the window's module was
    loaded, it still made about 17 ms of passes over the model, NumPy and Qt being loaded."""
    gc.disable()
    try:
        size = _screenshot_size_flag(args)
        model = _window_model(args)
        raw, consultation = _window_profile(args, model)
        if args.screenshot is None:
            from .model.ahead import estimates_ahead

            with estimates_ahead(model, raw):  # the first estimates on another core while Qt loads
                return _open_window(args, raw, consultation)
        return _render_screenshot(args, model, raw, consultation, size)
    except _Refused as refused:
        say(refused.line)
        return refused.status
    finally:
        gc.enable()  # also after a refusal, a screenshot, or a window that could not start


def _screenshot_size_flag(args: argparse.Namespace) -> tuple[int, int]:
    if args.screenshot is None and args.size is not None:
        raise _Refused(_("--size: only used with --screenshot"))
    try:
        return screenshot_size(args.size)
    except ValueError:
        raise _Refused(_("--size: '{value}' is not allowed; allowed: WIDTHxHEIGHT, at least 1024x700, at most {most} "
                         "a side", value=one_line(args.size)[:40], most=MAX_SCREENSHOT_SIDE)) from None


def _window_model(args: argparse.Namespace):
    """The model, or None when the evidence fails its checks and only the window is asked for (it
    explains itself that no estimates can be shown); a horizon the model does not offer is refused."""
    from .evidence import EvidenceError
    from .model import RequestError, default_model

    try:
        model = default_model()
    except EvidenceError as exc:
        if args.screenshot is not None or args.horizon is not None:
            raise _Refused(_("no estimates: {problem}", problem=str(exc))) from None
        return None
    if args.horizon is not None and args.horizon not in model.horizons:
        raise _Refused(rejection_line(RequestError("horizon", args.horizon, "not_offered",
                                                   {"values": tuple(model.horizons)})))
    return model


def _window_profile(args: argparse.Namespace, model) -> tuple[dict[str, Any], Any]:
    """The profile flags as typed, or the consultation ``--profile FILE`` names (and its profile)."""
    raw = {k: v for k, v in profile_input(args).items() if v is not None}
    if args.profile is None:
        return raw, None
    if model is None:
        raise _Refused(_("no estimates: the evidence files failed their checks, so {path} cannot be opened",
                         path=one_line(args.profile)))
    try:
        return load_input(args, model)
    except ProfileInputError as exc:
        raise _Refused(_("--profile: {problem}", problem=str(exc))) from None


def _open_window(args: argparse.Namespace, raw: dict[str, Any], consultation) -> int:
    with interrupts_deferred():  # Qt is loaded here
        from .ui.app import run_window

    if consultation is not None:  # opened like File > Open: the title names the file
        return run_window(None, args.audience, args.horizon, consultation_path=args.profile, language=args.language)
    return run_window(raw or None, args.audience, args.horizon, language=args.language)


def _render_screenshot(args: argparse.Namespace, model, raw: dict[str, Any], consultation,
                       size: tuple[int, int]) -> int:
    from .model import ProfileError
    from .safe_io import WriteError, check_output_target

    try:
        if raw or consultation is not None:
            model.validate(raw)
    except ProfileError as exc:
        raise _Refused(rejection_line(exc, args.profile)) from None
    try:
        check_output_target(args.screenshot, not_same_as=args.profile)
    except WriteError as exc:
        raise _Refused(_("--screenshot: {problem}", problem=str(exc))) from None
    with interrupts_deferred():  # Qt is loaded here
        from .ui.app import render_screenshot

    try:
        render_screenshot(args.screenshot, raw, args.audience, args.horizon, size, consultation=consultation,
                          language=args.language)
    except OSError as exc:
        raise _Refused(exc, EXIT_NOT_WRITTEN) from None
    return 0


if __name__ == "__main__":
    sys.exit(main())
