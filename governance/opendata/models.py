"""Webhook subscriptions and the deliveries made to them."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from governance.opendata import signing


class WebhookSubscription(models.Model):
    """A system that wants a signed POST for each change of the registry.

    Not tracked in the history on purpose: deliveries are about changes, and
    recording them as changes would feed the webhooks their own traffic.
    """

    name = models.CharField(_("namn"), max_length=200)
    url = models.URLField(
        _("mottagarens adress"),
        max_length=500,
        help_text=_("En https-adress som går att nå från internet."),
    )
    # Made by the registry, shown once when made; never typed or shown again.
    secret = models.CharField(
        _("hemlighet"),
        max_length=200,
        default=signing.new_secret,
        editable=False,
        help_text=_("Delas med mottagaren; varje anrop signeras enligt Standard Webhooks."),
    )
    types = models.JSONField(
        _("posttyper"),
        default=list,
        blank=True,
        help_text=_('T.ex. ["agreements.agreement", "bodies.body"]. Tom lista: alla ändringar.'),
    )
    active = models.BooleanField(_("aktiv"), default=True)
    cursor = models.CharField(_("senast köade ändring"), max_length=300, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skapad av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        app_label = "governance"  # see governance.core.apps
        verbose_name = _("webhook-prenumeration")
        verbose_name_plural = _("webhook-prenumerationer")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        from governance.opendata.receivers import RefusedReceiver, resolve

        if self.url:
            try:
                resolve(self.url)
            except RefusedReceiver as exc:
                raise ValidationError({"url": str(exc)}) from exc

    @property
    def masked_secret(self) -> str:
        return f"{signing.SECRET_PREFIX}…{self.secret[-4:]}" if self.secret else ""


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Väntar")
    DELIVERED = "delivered", _("Levererad")
    FAILED = "failed", _("Misslyckad")


class WebhookDelivery(models.Model):
    """One change sent (or to be sent) to one subscription: the delivery log."""

    subscription = models.ForeignKey(
        WebhookSubscription,
        verbose_name=_("prenumeration"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    change_cursor = models.CharField(_("ändring"), max_length=300)
    model = models.CharField(_("posttyp"), max_length=100)
    object_id = models.CharField(_("post-id"), max_length=100)
    action = models.CharField(_("händelse"), max_length=20)
    payload = models.JSONField(_("innehåll"))
    status = models.CharField(
        _("status"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("försök"), default=0)
    next_attempt_at = models.DateTimeField(_("nästa försök"), db_index=True)
    # Set while a worker sends it (claimed and committed before the POST, so no
    # transaction stays open across it); a worker that dies leaves it to expire.
    leased_until = models.DateTimeField(_("skickas, reserverad till"), null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(
        _("senaste svarskod"), null=True, blank=True
    )
    last_error = models.TextField(_("senaste fel"), blank=True)
    created_at = models.DateTimeField(_("köad"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("levererad"), null=True, blank=True)

    class Meta:
        app_label = "governance"  # see governance.core.apps
        verbose_name = _("webhook-leverans")
        verbose_name_plural = _("webhook-leveranser")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "change_cursor"], name="delivery_once_per_change"
            )
        ]

    def __str__(self):
        return f"{self.subscription}: {self.model} {self.action} ({self.get_status_display()})"
