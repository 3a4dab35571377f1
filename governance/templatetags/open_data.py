"""``{% load open_data %}{% open_data_licence as licence %}``: the licence of the bulk files,
for pages that link to them (one statement of it, in ``governance.opendata.bulk``)."""

from django import template

from governance.opendata import bulk

register = template.Library()


@register.simple_tag
def open_data_licence() -> dict:
    return {"name": bulk.LICENCE_NAME, "url": bulk.LICENCE_URL}
