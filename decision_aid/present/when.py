"""A moment in words, in local time: "today at 14:05", "yesterday at 09:30", "on 3 March 2026 at 14:05"."""

from __future__ import annotations

from datetime import datetime, timedelta

from .i18n import N_, _

MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
          N_("August"), N_("September"), N_("October"), N_("November"), N_("December"))


def day_in_words(moment: datetime) -> str:
    """"3 March 2026"."""
    return _("{day} {month} {year}", day=moment.day, month=_(MONTHS[moment.month - 1]), year=moment.year)


def moment_in_words(moment: datetime, now: datetime) -> str:
    """``moment`` (already in local time) as a person says it, relative to ``now`` (local time too)."""
    clock = f"{moment.hour:02d}:{moment.minute:02d}"
    if moment.date() == now.date():
        return _("today at {time}", time=clock)
    if moment.date() == (now - timedelta(days=1)).date():
        return _("yesterday at {time}", time=clock)
    return _("on {date} at {time}", date=day_in_words(moment), time=clock)
