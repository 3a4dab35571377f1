"""The question "who handles what?": one form, read by the HTML page and the API alike."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bodies.filters import CountyKeyField
from bodies.models import County
from governance.core.dates import validate_date
from governance.routing.models import Matter
from governance.routing.services import ASKABLE_CONCERNS


class SlugChoiceField(forms.ModelChoiceField):
    """A record picked by a code or slug; a value the database cannot hold is just unknown."""

    def to_python(self, value):
        if isinstance(value, str) and "\x00" in value:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class RoutingQueryForm(forms.Form):
    """Matter (slug), concerned principals, county (SCB code) and date."""

    matter = SlugChoiceField(
        label=_("Ärendetyp"),
        queryset=Matter.objects.order_by("order", "name"),
        to_field_name="slug",
        empty_label=_("Välj ärendetyp"),
        error_messages={
            "required": _("Välj en ärendetyp."),
            "invalid_choice": _("Okänd ärendetyp. Välj en av ärendetyperna i listan."),
        },
    )
    concerns = forms.ChoiceField(
        label=_("Berör"),
        choices=[(c.value, c.label) for c in ASKABLE_CONCERNS],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Ange vilka huvudmän ärendet berör."),
            "invalid_choice": _(
                "Okänt värde. Ange kommunerna (municipalities), regionen (region) "
                "eller båda (both)."
            ),
        },
    )
    county = CountyKeyField(
        label=_("Län"),
        queryset=County.objects.order_by("code"),
        to_field_name="code",
        empty_label=_("Välj län"),
        error_messages={
            "required": _("Välj ett län."),
            "invalid_choice": _(
                "Okänt län. Ange länets tvåsiffriga SCB-kod (t.ex. 14) eller dess kortnamn "
                "(t.ex. vastra-gotalands-lan)."
            ),
        },
    )
    on = forms.DateField(
        label=_("Datum"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("ÅÅÅÅ-MM-DD. Tomt: i dag."),
        validators=[validate_date],
        error_messages={"invalid": _("Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2017-06-01.")},
    )

    def __init__(self, *args, day=None, **kwargs):
        # ``day``: the date the question is asked for when the form leaves it empty (the
        # page's ``?per=`` date, the API's ``on``); today by default.
        super().__init__(*args, **kwargs)
        self.day = day or timezone.localdate()
        self.fields["on"].initial = self.day

    def full_clean(self):
        super().full_clean()
        # Point each refused control at its message (the template gives it id "<name>-fel").
        for name in self.errors:
            if name not in self.fields:
                continue
            attrs = self.fields[name].widget.attrs
            described = [f"id_{name}_helptext"] if self.fields[name].help_text else []
            attrs["aria-invalid"] = "true"
            attrs["aria-describedby"] = " ".join([*described, f"{name}-fel"])

    def query(self) -> dict:
        """Keyword arguments for ``resolve_routing`` from a valid form."""
        data = self.cleaned_data
        return {
            "matter": data["matter"],
            "concerns": data["concerns"],
            "county": data["county"],
            "on": data.get("on") or self.day,
        }
