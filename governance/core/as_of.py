"""The registry as of a date: the one day every page and API read of a request is about.

Pages take ``?per=ÅÅÅÅ-MM-DD``, the API ``?on=ÅÅÅÅ-MM-DD``; without either the day is
today. ``AsOfMiddleware`` reads the parameter once per request into ``request.as_of``
(an ``AsOf``); views, template tags and serializers ask ``day_of(request)`` and pass
the day to the one rule of each kind of record (``Agreement.objects.in_force_on``,
``Body.objects.active_on``, ``Membership.objects.on``, ``rules_in_force_on`` …).

A date that cannot be read, or lies outside 1900-01-01..2199-12-31, is refused: a
400 with the field's message in the API (``RegistryAPIMixin``), a page that says so
(``templates/as_of_invalid.html``) elsewhere. While a page is seen as of a date, its
internal links and GET forms carry ``per``, so browsing stays on that date:
``carry_per`` rewrites the finished HTML, one mechanism whatever template made it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from governance.core.dates import validate_date

PAGE_PARAM = "per"
API_PARAM = "on"
API_PREFIX = "/api/"


class InvalidDay(ValueError):
    """A date parameter that cannot be used; ``str()`` is the message for the person."""


def parse_day(raw: str) -> dt.date:
    """``raw`` (``ÅÅÅÅ-MM-DD``) as a date within the registry's calendar, or ``InvalidDay``."""
    text = (raw or "").strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise InvalidDay(_("Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2017-06-01."))
    try:
        day = dt.date.fromisoformat(text)
    except ValueError as exc:
        raise InvalidDay(_("Datumet finns inte i kalendern. Ange det som ÅÅÅÅ-MM-DD.")) from exc
    try:
        validate_date(day)
    except ValidationError as exc:
        raise InvalidDay(" ".join(exc.messages)) from exc
    return day


@dataclass(frozen=True)
class AsOf:
    """The day a request is about. ``given``: asked for explicitly (else today)."""

    day: dt.date
    given: bool = False
    param: str = PAGE_PARAM
    raw: str = ""
    error: str = ""

    @property
    def is_today(self) -> bool:
        return self.day == timezone.localdate()


def resolve(request) -> AsOf:
    """Read ``per`` (pages) or ``on`` (API) from ``request`` once; never raises."""
    param = API_PARAM if request.path.startswith(API_PREFIX) else PAGE_PARAM
    raw = request.GET.get(param)
    today = timezone.localdate()
    if raw in (None, ""):
        return AsOf(today, param=param)
    try:
        return AsOf(parse_day(raw), given=True, param=param, raw=raw)
    except InvalidDay as exc:
        return AsOf(today, param=param, raw=raw, error=str(exc))


def as_of(request) -> AsOf:
    """The request's ``AsOf`` (resolved here when the middleware has not run, e.g. in a
    template rendered outside a request cycle)."""
    if request is None:
        return AsOf(timezone.localdate())
    found = getattr(request, "as_of", None)
    return found if found is not None else resolve(getattr(request, "_request", request))


def day_of(request) -> dt.date:
    """The date this request's page or API answer is about (today unless asked otherwise)."""
    return as_of(request).day


# Links that keep the date --------------------------------------------------------------

_SKIPPED_PREFIXES = ("/static/", "/api/", "/data/", "/i18n/", "/healthz", "/kalender.ics")
_HREF = re.compile(r'(<a\b[^>]*?\shref=")(/[^"]*)(")', re.IGNORECASE)
_GET_FORM = re.compile(r"<form\b[^>]*>", re.IGNORECASE)


def _skipped(path: str) -> bool:
    admin = "/" + settings.ADMIN_URL.lstrip("/")
    return path.startswith(_SKIPPED_PREFIXES) or path.startswith(admin) or path.startswith("//")


def with_per(url: str, day: dt.date, *, html: bool = False) -> str:
    """``url`` with ``per=<day>`` in its query (an existing ``per`` is left alone)."""
    path, hash_mark, fragment = url.partition("#")
    amp = "&amp;" if html else "&"
    query = path.partition("?")[2].replace("&amp;", "&")
    if any(part.split("=", 1)[0] == PAGE_PARAM for part in query.split("&") if part):
        return url
    joiner = "" if path.endswith(("?", amp)) else (amp if "?" in path else "?")
    return f"{path}{joiner}{urlencode({PAGE_PARAM: day.isoformat()})}{hash_mark}{fragment}"


def without_per(request) -> str:
    """The current address without ``per``: the same page today."""
    params = request.GET.copy()
    params.pop(PAGE_PARAM, None)
    query = params.urlencode()
    return request.path + (f"?{query}" if query else "")


def carry_per(html: str, day: dt.date) -> str:
    """Internal links and GET forms of ``html`` keep ``per=<day>``."""

    def link(match):
        url = match.group(2)
        if _skipped(url) or "data-as-of-reset" in match.group(0):
            return match.group(0)
        return match.group(1) + with_per(url, day, html=True) + match.group(3)

    def form(match):
        tag = match.group(0)
        method = re.search(r'\smethod="([^"]*)"', tag, re.IGNORECASE)
        action = re.search(r'\saction="([^"]*)"', tag, re.IGNORECASE)
        if method and method.group(1).lower() != "get":
            return tag
        if action and (not action.group(1).startswith("/") or _skipped(action.group(1))):
            return tag
        if "data-as-of" in tag:
            return tag
        hidden = f'<input type="hidden" name="{PAGE_PARAM}" value="{escape(day.isoformat())}">'
        return tag + hidden

    return _GET_FORM.sub(form, _HREF.sub(link, html))


class AsOfMiddleware:
    """Resolves the request's date once; refuses an unreadable ``per`` with a page that
    says so; makes the pages of a chosen date link to that date."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.as_of = resolve(request)
        on_page = not request.path.startswith(API_PREFIX) and not _skipped(request.path)
        if request.as_of.error and on_page:
            return self.refuse(request)
        response = self.get_response(request)
        if request.as_of.given and on_page and _is_html(response):
            html = response.content.decode(response.charset)
            response.content = carry_per(html, request.as_of.day)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response

    def refuse(self, request) -> HttpResponse:
        html = render_to_string(
            "as_of_invalid.html",
            {"as_of_error": request.as_of.error, "as_of_raw": request.as_of.raw},
            request=request,
        )
        return HttpResponse(html, status=400)


def _is_html(response) -> bool:
    return (
        not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.has_header("Content-Disposition")
    )


def context(request) -> dict:
    """Template context: ``as_of`` (the request's ``AsOf``), ``status_day`` (its day),
    ``as_of_today_url`` (this page
    today) and ``as_of_kept`` (the page's other parameters, which the date control keeps)."""
    found = as_of(request)
    kept = [
        (name, value)
        for name, values in request.GET.lists()
        if name not in (PAGE_PARAM, "page")
        for value in values
    ]
    return {
        "as_of": found,
        # The day status words are said for (governance.core.known_as_of): the page's date.
        "status_day": found.day,
        "as_of_today_url": without_per(request) if (found.given or found.error) else "",
        "as_of_kept": kept,
    }
