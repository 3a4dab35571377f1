"""Stored plain text as readable HTML: ``{% load prose %}`` then ``{{ text|prose }}``.

Lines that start with "- " become a bulleted list, other lines paragraphs, and straight
quotation marks become the Swedish typographic ones (”…”, ’).
"""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

_BULLET = re.compile(r"^\s*[-•]\s+")


def typographic(text: str) -> str:
    """Straight quotes to Swedish typographic ones: ”…” and ’."""
    return text.replace('"', "”").replace("'", "’")


@register.filter
def prose(text) -> str:
    blocks: list[tuple[str, list[str]]] = []
    for line in str(text or "").splitlines():
        if not line.strip():
            continue
        kind = "ul" if _BULLET.match(line) else "p"
        line = typographic(_BULLET.sub("", line).strip())
        if kind == "ul" and blocks and blocks[-1][0] == "ul":
            blocks[-1][1].append(line)
        else:
            blocks.append((kind, [line]))
    html = []
    for kind, lines in blocks:
        if kind == "ul":
            html.append(
                "<ul>" + format_html_join("", "<li>{}</li>", ((i,) for i in lines)) + "</ul>"
            )
        else:
            html.append(f"<p>{escape(lines[0])}</p>")
    return mark_safe("".join(html))
