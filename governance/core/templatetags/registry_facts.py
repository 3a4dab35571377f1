"""How pages speak of certainty: unknown yes/no facts, inferred values, when a record is known.

``{% load registry_facts %}``, then ``{{ body.has_decision_mandate|yes_no_unknown:"Ja, …|Nej, …" }}``,
``{% basis record "valid_from" %}`` (prints "härlett: …" when the value is inferred),
``{% known_as_of record %}`` and ``{% body_status body day %}`` (the statements about a
record come from the page's view: ``governance.core.statements.statements_for``).
"""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

from governance.core import known_as_of as known
from governance.core.records import Basis

register = template.Library()


@register.filter
def yes_no_unknown(value, texts: str = ""):
    """'Ja'/'Nej' (or the given 'yes|no' texts), and 'Uppgift saknas i källan' for None."""
    yes, _sep, no = (texts or "").partition("|")
    if value is None:
        return _("Uppgift saknas i källan")
    return (yes or _("Ja")) if value else (no or _("Nej"))


@register.inclusion_tag("partials/basis.html")
def basis(record, field: str, with_note: bool = True):
    """The 'härlett' marker of ``record.<field>`` when the registry inferred it, with the
    reason as visible text (``with_note=False`` when a neighbouring marker gives it)."""
    value = getattr(record, f"{field}_basis", Basis.STATED)
    note = getattr(record, "basis_note", "") if with_note else ""
    return {"inferred": value == Basis.INFERRED, "note": note}


@register.simple_tag
def known_as_of(record):
    return known.known_as_of(record).sentence


@register.simple_tag
def body_status(body, day=None):
    return body.status_on(day)
