"""``{% load open_data %}{% open_data_licence as licence %}``: the licence of the bulk files,
for pages that link to them (one statement of it, in ``governance.opendata.bulk``)."""

from django import template
from django.utils.translation import gettext_lazy as _

from governance.opendata import bulk

register = template.Library()

# bulk.LICENCE_NAME in the reader's language; the files themselves keep the Swedish name.
LICENCE_NAME = _("CC0 1.0 Universell (Public Domain Dedication)")


@register.simple_tag
def open_data_licence() -> dict:
    return {"name": LICENCE_NAME, "url": bulk.LICENCE_URL}
