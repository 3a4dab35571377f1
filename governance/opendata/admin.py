"""Admin for webhook subscriptions and the delivery log: superusers only.

A subscription's secret signs what the registry sends and its address decides
where the delivery worker connects, so neither is for coordinators or readers
to see or set. The registry makes the secret; it is shown once, on the page that
answers the save that made it (never stored in a message or a cookie), and
masked after that. A new one can be made at any time, shown once the same way.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from governance.core.admin import SuperuserOnlyMixin
from governance.opendata import signing
from governance.opendata.changes import tracked_labels
from governance.opendata.models import DeliveryStatus, WebhookDelivery, WebhookSubscription


def _https_by_default(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


class WebhookSubscriptionForm(forms.ModelForm):
    new_secret = forms.BooleanField(
        label=_("Skapa en ny hemlighet"),
        required=False,
        help_text=_("Den gamla slutar gälla direkt. Den nya visas en gång, när du sparar."),
    )

    class Meta:
        model = WebhookSubscription
        fields = ["name", "url", "types", "active"]
        formfield_callback = _https_by_default

    def clean_types(self):
        types = self.cleaned_data.get("types") or []
        if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
            raise forms.ValidationError(_('Ange en lista med posttyper, t.ex. ["bodies.body"].'))
        unknown = sorted(set(types) - set(tracked_labels()))
        if unknown:
            raise forms.ValidationError(
                _("Okända posttyper: %(types)s. Giltiga är t.ex. %(examples)s.")
                % {"types": ", ".join(unknown), "examples": ", ".join(tracked_labels()[:5])}
            )
        return types


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    form = WebhookSubscriptionForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "url", "active", "types", "created_by", "created_at"]
    list_filter = ["active"]
    search_fields = ["name", "url"]
    readonly_fields = ["secret_shown", "created_by", "created_at", "cursor"]

    @admin.display(description=_("hemlighet"))
    def secret_shown(self, obj):
        return obj.masked_secret if obj and obj.pk else _("Skapas när du sparar.")

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if obj is None:  # a new subscription gets its secret anyway
            fields = [f for f in fields if f != "new_secret"]
        return fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        elif form.cleaned_data.get("new_secret"):
            obj.secret = signing.new_secret()
            request.webhook_secret_changed = True
        super().save_model(request, obj, form, change)

    def _show_secret_once(self, request, obj):
        # The admin marks every page no-store already: the secret stays out of caches.
        return TemplateResponse(
            request,
            "admin/governance/webhooksubscription/secret.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "subscription": obj,
                "secret": obj.secret,
                "title": _("Hemligheten för %(name)s") % {"name": obj.name},
            },
        )

    def response_add(self, request, obj, post_url_continue=None):
        return self._show_secret_once(request, obj)

    def response_change(self, request, obj):
        if getattr(request, "webhook_secret_changed", False):
            return self._show_secret_once(request, obj)
        return super().response_change(request, obj)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = [
        "subscription",
        "model",
        "action",
        "object_id",
        "status",
        "attempts",
        "last_status_code",
        "next_attempt_at",
        "delivered_at",
    ]
    list_filter = ["status", "subscription", "model"]
    list_select_related = ["subscription"]
    date_hierarchy = "created_at"
    actions = ["retry_now"]
    readonly_fields = [f.name for f in WebhookDelivery._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    @admin.action(description=_("Försök leverera igen nu"), permissions=["change"])
    def retry_now(self, request, queryset):
        n = queryset.exclude(status=DeliveryStatus.DELIVERED).update(
            status=DeliveryStatus.PENDING, next_attempt_at=timezone.now()
        )
        self.message_user(
            request, _("%(n)s leveranser köade för nytt försök.") % {"n": n}, messages.SUCCESS
        )
