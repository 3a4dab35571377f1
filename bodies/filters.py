"""A county named by its SCB code or its slug: one form field, read by the API's filters
and by the site's forms (the routing question) alike."""

from __future__ import annotations

from django import forms
from django_filters import rest_framework as filters

from bodies.models import County


class CountyKeyField(forms.ModelChoiceField):
    """A county given by its SCB code or its slug (``County.objects.named``)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not isinstance(value, str) or "\x00" in value:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        found = self.queryset.named(value).first()
        if found is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return found

    def label_from_instance(self, obj):
        return obj.name


class CountyKeyFilter(filters.ModelChoiceFilter):
    field_class = CountyKeyField


COUNTY_HELP = (
    "The county: its SCB code with the leading zero (e.g. `14`) or its slug "
    "(e.g. `vastra-gotalands-lan`), as `/api/v1/counties/` gives them."
)


def by_county(field_name: str = "county", **kwargs):
    """Filter on a county given by its SCB code (``14``) or its slug."""
    return CountyKeyFilter(
        field_name=field_name,
        queryset=County.objects.all(),
        help_text=COUNTY_HELP,
        **kwargs,
    )
