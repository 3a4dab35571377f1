"""A small form reader so tests post what a browser would post."""

from __future__ import annotations

from html.parser import HTMLParser

from django.contrib.auth.models import Permission


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = form_id is None
        self.depth = 0
        self.data: dict[str, list[str]] = {}
        self._select = None
        self._select_multiple = False
        self._select_values: list[str] = []
        self._first_option = None
        self._textarea = None
        self._text = ""

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and self.form_id is not None and a.get("id") == self.form_id:
            self.in_form = True
        if not self.in_form:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._add(name, a.get("value", "on"))
                return
            self._add(name, a.get("value", ""))
        elif tag == "select" and name:
            self._select, self._select_values, self._first_option = name, [], None
            self._select_multiple = "multiple" in a
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in a:
                self._select_values.append(value)
        elif tag == "textarea" and name:
            self._textarea, self._text = name, ""

    def handle_endtag(self, tag):
        if tag == "form" and self.form_id is not None and self.in_form:
            self.in_form = False
        if tag == "select" and self._select:
            values = self._select_values
            if not values and not self._select_multiple and self._first_option is not None:
                values = [self._first_option]
            for v in values:
                self._add(self._select, v)
            self._select = None
        elif tag == "textarea" and self._textarea:
            self._add(self._textarea, self._text.lstrip("\n"))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text += data


def form_data(response, form_id=None) -> dict:
    """The values a browser would submit from the page's form (the admin's change form)."""
    parser = _FormParser(form_id)
    parser.feed(response.content.decode())
    return {k: v if len(v) > 1 else v[0] for k, v in parser.data.items()}


def change_url(obj) -> str:
    from django.urls import reverse

    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def grant(user, *codenames):
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
