"""The API's JSON parser: a body nested too deep to parse is the client's error (400)."""

from __future__ import annotations

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            # Python's decoder recurses once per level; thousands of levels exhaust the stack.
            raise ParseError("JSON-innehållet är för djupt nästlat.") from exc
