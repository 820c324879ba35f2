"""The ``decision-aid`` command line.

``estimate`` must stay fast and Qt-free (it is used in scripts and CI), so Qt is imported only
by the sub-commands that draw something.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Sequence

PROFILE_FLAGS = {
    "age": "--age",
    "course": "--course",
    "edss": "--edss",
    "prior_dmts": "--prior-dmts",
    "relapses_past_year": "--relapses-past-year",
    "disease_duration_years": "--disease-duration",
}

EXIT_REJECTED = 2


class _OneLineParser(argparse.ArgumentParser):
    """Argument errors as one line on stderr and exit status 2, like a rejected profile."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_REJECTED, f"{self.prog}: error: {message} (see --help)\n")


def add_profile_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "patient profile",
        "All four of --age, --course, --edss and --prior-dmts are required. Values are checked, "
        "never rounded or clamped: a value outside the allowed range is refused.",
    )
    group.add_argument("--age", metavar="YEARS", help="Age in years at transplant, 16 to 75 (decimals allowed). "
                       "The study mostly included people aged 18 to 55; outside that a warning is shown.")
    group.add_argument("--course", metavar="COURSE", help="Type of multiple sclerosis: rrms (relapsing-remitting: "
                       "relapses with recovery in between), spms (secondary progressive: steady worsening after a "
                       "relapsing phase), ppms (primary progressive: steady worsening from the start) or prms "
                       "(progressive-relapsing: steady worsening with occasional relapses).")
    group.add_argument("--edss", metavar="SCORE", help="Expanded Disability Status Scale score, the standard "
                       "measure of disability in MS: 0 (normal examination), then 1.0 to 9.5 in steps of 0.5 "
                       "(there is no 0.5). For example 4.0 = walks about 500 m without aid, 6.0 = needs a cane "
                       "to walk about 100 m, 7.0 = uses a wheelchair. 10 means death and is not an input.")
    group.add_argument("--prior-dmts", metavar="N", help="Number of disease-modifying therapies used before "
                       "transplant (for example interferon, fingolimod, natalizumab), a whole number 0 to 15. "
                       "More than 2 raises the modelled risk of progression.")
    group.add_argument("--relapses-past-year", metavar="N", help="Optional: relapses in the past 12 months, a "
                       "whole number 0 to 20. Used only to compare with trial entry criteria, not in the estimate.")
    group.add_argument("--disease-duration", metavar="YEARS", help="Optional: years since diagnosis, 0 to 60. "
                       "Used only to compare with published guidance, not in the estimate.")


def profile_input(args: argparse.Namespace) -> dict[str, Any]:
    """The raw profile fields as typed (validation happens in the model)."""
    raw = {field: getattr(args, flag[2:].replace("-", "_")) for field, flag in PROFILE_FLAGS.items()}
    return {k: v for k, v in raw.items() if v is not None or k in ("age", "course", "edss", "prior_dmts")}


def rejection_line(error) -> str:
    """One line naming each rejected field by its flag, the value and what is allowed."""
    from .model import ProfileError

    if isinstance(error, ProfileError):
        return "; ".join(
            f"{PROFILE_FLAGS.get(e.field, e.field)} is required; {e.allowed}" if e.missing
            else f"{PROFILE_FLAGS.get(e.field, e.field)}: {str(e.value)!r} is not allowed; {e.allowed}"
            for e in error.errors
        )
    return str(error)


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog="decision-aid",
        description="Shared decision-making aid for autologous haematopoietic stem cell transplantation "
        "(AHSCT) in multiple sclerosis. Estimates from Muraro et al., JAMA Neurol 2017.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_OneLineParser)
    estimate = sub.add_parser(
        "estimate",
        help="print the personal estimates for one patient profile",
        description="Print the personal estimates for one profile: risk of death within 100 days of "
        "transplant, chance of being alive at 5 years, and chance of being alive without disability "
        "worsening over time, each with its 95% interval.",
    )
    add_profile_arguments(estimate)
    estimate.add_argument("--horizon", type=int, default=5, metavar="YEARS",
                          help="Length of the progression-free curve: 5 (the study's follow-up, default) or 10 "
                          "(years 5 to 10 are an extrapolation).")
    estimate.add_argument("--draws", type=int, default=None, metavar="N",
                          help="Monte Carlo draws for the intervals (default 4000; seeded, so results repeat).")
    estimate.add_argument("--json", action="store_true", help="Print one JSON object (probabilities as fractions).")
    return parser


def run_estimate(args: argparse.Namespace) -> int:
    from .evidence import EvidenceError
    from .model import ProfileError, default_model

    try:
        model = default_model()
        profile = model.validate(profile_input(args))
        result = model.estimate(profile, horizon=args.horizon, draws=args.draws)
    except EvidenceError as exc:
        print(f"decision-aid: no estimates: {exc}", file=sys.stderr)
        return EXIT_REJECTED
    except (ProfileError, ValueError) as exc:
        print(f"decision-aid: {rejection_line(exc)}", file=sys.stderr)
        return EXIT_REJECTED
    from .context import context_dict

    if args.json:
        print(json.dumps({**result.as_dict(), "context": context_dict(model, profile)}))
    else:
        from .textreport import context_section, estimate_table

        print(estimate_table(result))
        print()
        print(context_section(model, profile))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "estimate":
        return run_estimate(args)
    parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
