"""Words from the Ordlista, explained where a page first uses them.

``{% load glossary %}``, then ``{% term "huvudman" "huvudmännen" %}``: the first time a page
uses the term it becomes a link to its entry on /ordlista/, with the explanation as the link's
title for a pointer and the entry itself one step away for everyone else; later uses on the same
page are plain text. The first argument is the entry's anchor, the second the word as the
sentence needs it (defaults to the term).
"""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html

from governance.site.glossary import find

register = template.Library()


@register.simple_tag(takes_context=True)
def term(context, anchor: str, text: str = ""):
    entry = find(anchor)
    if entry is None:
        raise template.TemplateSyntaxError(f"No glossary entry {anchor!r}")
    text = text or entry.term
    request = context.get("request")
    marked = getattr(request, "glossary_terms_marked", None)
    if marked is None:
        marked = set()
        if request is not None:
            request.glossary_terms_marked = marked
    if anchor in marked:
        return text
    marked.add(anchor)
    return format_html(
        '<a class="term" href="{}#{}" title="{}">{}</a>',
        reverse("web:glossary"),
        entry.anchor,
        entry.explanation,
        text,
    )
