"""Admin for webhook subscriptions (kept by coordinators) and the delivery log."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from governance.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from governance.opendata.changes import tracked_labels


class WebhookSubscriptionForm(forms.ModelForm):
    class Meta:
        model = WebhookSubscription
        fields = ["name", "url", "secret", "types", "active"]

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

    def clean_secret(self):
        secret = self.cleaned_data["secret"]
        if len(secret) < 16:
            raise forms.ValidationError(_("Hemligheten ska vara minst 16 tecken."))
        return secret


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(admin.ModelAdmin):
    form = WebhookSubscriptionForm
    list_display = ["name", "url", "active", "types", "created_by", "created_at"]
    list_filter = ["active"]
    search_fields = ["name", "url"]
    readonly_fields = ["created_by", "created_at", "cursor"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
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
