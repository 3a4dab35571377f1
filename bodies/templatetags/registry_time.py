"""Template tags for the time questions: what ends soon, what must be decided when.

``{% load registry_time %}``, then ``{% term_warnings as warnings %}`` (the days of the
``TERM_END_WARNING_DAYS`` setting; ``{% term_warnings 30 as warnings %}`` for others), for
the admin's index page; public pages get the same from their views. A body's chair periods and an
agreement's deadline are model properties (``body.coming_chair_periods``,
``agreement.renewal_deadline``) and need no tag.
"""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone

from bodies.services import TermWarnings, term_end_warning_days, terms_ending_within
from governance.as_of import day_of

register = template.Library()


def _day(context) -> dt.date:
    """The page's date (``?per=``, else today)."""
    return day_of(context.get("request"))


@register.simple_tag(takes_context=True)
def term_warnings(context, days: int | None = None):
    """Memberships and chair terms ending within ``days`` days of the page's date (by
    default the ``TERM_END_WARNING_DAYS`` setting), soonest first."""
    if days is None:
        days = term_end_warning_days()
    return TermWarnings(int(days), terms_ending_within(int(days), _day(context)))


@register.simple_tag
def days_left(day, today=None):
    """Days from today (or ``today``) to ``day``."""
    return (day - (today or timezone.localdate())).days
