"""The core's records: source documents, statements of sources, coordinators' scope and the
registry's version. Nothing here knows a domain app; counties are named by label."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from governance.core.dates import validate_date, validate_year, year_in_range
from governance.core.history import track_history
from governance.core.records import RegistryRecord
from governance.core.search import stored_vector_field, stored_vector_index
from governance.core.text import SingleLineFields, single_line


@track_history
class SourceDocument(SingleLineFields, models.Model):
    """A document the registry's facts are taken from."""

    slug = models.SlugField(_("kortnamn i adress"), max_length=120, unique=True)
    title = models.CharField(_("titel"), max_length=300)
    short_title = models.CharField(
        _("kort titel"),
        max_length=120,
        blank=True,
        help_text=_("Hur sidorna nämner källan, t.ex. 'SKL:s sammanställning av länsplanerna'."),
    )
    publisher = models.CharField(_("utgivare"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(
        _("år"), null=True, blank=True, validators=[validate_year]
    )
    published_on = models.DateField(
        _("daterad"),
        null=True,
        blank=True,
        validators=[validate_date],
        help_text=_("Dokumentets datum. Tomt när bara året (eller inget) är känt."),
    )
    reference = models.CharField(_("beteckning"), max_length=100, blank=True)
    url = models.URLField(_("länk"), blank=True)
    description = models.TextField(_("beskrivning"), blank=True)

    class Meta:
        verbose_name = _("källdokument")
        verbose_name_plural = _("källdokument")
        ordering = ["year", "title"]
        constraints = [year_in_range("year"), single_line("title")]

    def __str__(self):
        return self.title

    @property
    def display_title(self) -> str:
        return self.short_title or self.title

    @property
    def dated(self) -> str:
        """The document's date as precisely as it is known: '2016-03-01', '2014' or ''."""
        if self.published_on:
            return self.published_on.isoformat()
        return str(self.year) if self.year else ""


def described_by_source_on(day: dt.date) -> Q:
    """Records whose source had been published by ``day``'s year (undated sources count
    as always known): what the registry can say about that day."""
    return Q(source__isnull=True) | Q(source__year__isnull=True) | Q(source__year__lte=day.year)


class StatementKind(models.TextChoices):
    """What a statement of a source is to the registry."""

    ACCOUNT = "account", _("Uppgift enligt källan")
    ANNOUNCED_CHANGE = "announced_change", _("Aviserad förändring")
    FINDING = "finding", _("Resultat")


class StatementQuerySet(models.QuerySet):
    def about(self, record):
        """The statements attached to ``record`` (any registry record)."""
        return self.filter(
            subject_type=ContentType.objects.get_for_model(type(record)), subject_id=record.pk
        )


@track_history
class Statement(RegistryRecord):
    """What one source says on one question, in the registry's words, with its place.

    Several statements on the same ``topic`` from different sources are how the registry
    shows that documents disagree. An announced change with a date (or a year) is a
    dated event; without one it is a note. ``subject`` ties a statement to the record it
    is about (a body, an agreement, a county's support structure …); a statement about
    the documents themselves (SKL's figures on the county plans) has none.
    """

    kind = models.CharField(
        _("typ"), max_length=20, choices=StatementKind.choices, default=StatementKind.ACCOUNT
    )
    topic = models.CharField(
        _("fråga"),
        max_length=200,
        help_text=_("Samma fråga på flera uppgifter visar att källorna skiljer sig åt."),
    )
    text = models.TextField(_("uppgift"))
    is_quotation = models.BooleanField(
        _("citat"), default=False, help_text=_("Texten är källans egna ord.")
    )
    section = models.CharField(_("avsnitt eller sida i källan"), max_length=200, blank=True)
    event_on = models.DateField(
        _("datum för händelsen"), null=True, blank=True, validators=[validate_date]
    )
    event_year = models.PositiveSmallIntegerField(
        _("år för händelsen"), null=True, blank=True, validators=[validate_year]
    )
    subject_type = models.ForeignKey(
        ContentType,
        verbose_name=_("gäller posttyp"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    subject_id = models.PositiveBigIntegerField(_("gäller post-id"), null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    objects = StatementQuerySet.as_manager()

    search_document = stored_vector_field("statement")

    class Meta(RegistryRecord.Meta):
        verbose_name = _("uppgift ur källa")
        verbose_name_plural = _("uppgifter ur källor")
        ordering = ["topic", "order", "id"]
        indexes = [
            stored_vector_index("statement"),
            models.Index(fields=["subject_type", "subject_id"], name="statement_subject"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(subject_type__isnull=True, subject_id__isnull=True)
                | Q(subject_type__isnull=False, subject_id__isnull=False),
                name="statement_subject_complete",
            )
        ]

    def __str__(self):
        return f"{self.topic}: {self.text[:60]}"

    def slug_text(self):
        return f"{self.topic} {self.source.slug if self.source_id else ''}"

    @property
    def is_event(self) -> bool:
        return self.event_on is not None or self.event_year is not None

    @property
    def when(self) -> str:
        if self.event_on:
            return self.event_on.isoformat()
        return str(self.event_year) if self.event_year else ""

    def get_absolute_url(self):
        subject = self.subject
        if subject is not None and hasattr(subject, "get_absolute_url"):
            return f"{subject.get_absolute_url()}#uppgift-{self.pk}"
        return reverse("web:timeline") + f"#uppgift-{self.pk}"


class CoordinatorScope(models.Model):
    """The counties (and the national level) a coordinator may change records for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("användare"),
        on_delete=models.CASCADE,
        related_name="coordinator_scope",
    )
    counties = models.ManyToManyField(
        "bodies.County", verbose_name=_("län"), blank=True, related_name="coordinators"
    )
    national = models.BooleanField(_("nationell nivå"), default=False)

    class Meta:
        verbose_name = _("samordnares ansvarsområde")
        verbose_name_plural = _("samordnares ansvarsområden")

    def __str__(self):
        return str(self.user)


class RegistryVersion(models.Model):
    """When the registry last changed: one row, moved on by every committed write.

    ``governance.core.read_cache`` keys its cached pages and API reads on this value. A
    deferred trigger on every table of the registry's apps (``InstallChangeTrigger`` in
    their migrations) updates it at commit, in the writing transaction, so a reader that
    sees the new value also sees the data it stands for, whoever wrote it: admin,
    API, import, management command or plain SQL.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    changed_at = models.DateTimeField(_("senast ändrat"))

    class Meta:
        verbose_name = _("registrets version")
        verbose_name_plural = _("registrets version")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="registry_version_single_row"),
        ]

    def __str__(self):
        return self.changed_at.isoformat()

    @classmethod
    def last_changed(cls) -> dt.datetime | None:
        """When the registry last changed (None before its first write): deletes included,
        which no ``modified_at`` shows. The footer, the DCAT catalogue and the read cache
        all ask this."""
        return cls.objects.filter(pk=1).values_list("changed_at", flat=True).first()
