"""Documents: the signed agreements, protocol extracts and plans themselves, with their text.

A ``Document`` belongs to the records it documents (an agreement, a decision, a body,
a county's support structure, a source document) and holds its current file in the
project's storage (``STORAGES["default"]``); a replaced file is kept as a
``DocumentVersion``. The text is read out of the file afterwards, page by page
(``DocumentPage``), by the ``extract_document_text`` worker, and is found by the
site search. Documents can hold personal data: only a document marked public is
shown to visitors who are not signed in (``Document.objects.visible_to``).
"""

from __future__ import annotations

import uuid

import pgtrigger
from django.conf import settings
from django.core.files import File
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from governance.core.dates import validate_date
from governance.core.history import track_history
from governance.core.records import RegistryRecord
from governance.core.search import stored_vector_field, stored_vector_index

from .files import EXTENSIONS, CheckedFile

# The records a document can belong to, in the order a county is looked up from them.
OWNER_FIELDS = ("agreement", "decision", "body", "support_structure", "source")
# Derived from the file, not edited by anyone: changing them is no new version of the record.
DERIVED_FIELDS = ("text_status", "page_count", "text_error", "extracted_at")
# Longer pages are cut: PostgreSQL's text search vectors hold at most 1 MB.
MAX_PAGE_CHARS = 200_000


class DocumentKind(models.TextChoices):
    SIGNED_AGREEMENT = "signed_agreement", _("Undertecknad överenskommelse")
    PROTOCOL_EXTRACT = "protocol_extract", _("Protokollsutdrag")
    PLAN = "plan", _("Plan")
    REPORT = "report", _("Rapport")
    OTHER = "other", _("Annat dokument")


class TextStatus(models.TextChoices):
    PENDING = "pending", _("Texten läses ut")
    EXTRACTED = "extracted", _("Texten är sökbar")
    SCANNED = "scanned", _("Skannat dokument utan textlager")
    FAILED = "failed", _("Texten kunde inte läsas ut")


def stored_name(instance, filename: str) -> str:
    """A name of our own in the storage: nothing a person typed reaches the file system."""
    suffix = next((e for e in EXTENSIONS.values() if filename.lower().endswith(e)), "")
    return f"dokument/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


def may_see_private(user) -> bool:
    """Signed-in staff see documents that are not public."""
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_staff)


class DocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self if may_see_private(user) else self.filter(public=True)

    def of(self, record):
        """The documents of ``record``, including those of its decisions."""
        of_kind = {
            "agreements.agreement": Q(agreement=record) | Q(decision__agreement=record),
            "bodies.body": Q(body=record) | Q(decision__body=record),
            "agreements.decision": Q(decision=record),
            "governance.supportstructure": Q(support_structure=record),
        }.get(record._meta.label_lower)
        return self.none() if of_kind is None else self.filter(of_kind)


class FileFields(models.Model):
    """One stored file and what was found out about it when it was uploaded."""

    file = models.FileField(_("fil"), upload_to=stored_name, max_length=255)
    filename = models.CharField(_("filnamn"), max_length=200)
    media_type = models.CharField(_("filtyp"), max_length=100)
    size = models.PositiveBigIntegerField(_("storlek i byte"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("uppladdad"), default=timezone.now)

    class Meta:
        abstract = True

    @property
    def type_label(self) -> str:
        return EXTENSIONS.get(self.media_type, "").lstrip(".").upper()


@track_history
class Document(RegistryRecord, FileFields):
    """A document the registry keeps: a signed agreement, a protocol extract, a plan …"""

    title = models.CharField(_("titel"), max_length=300)
    kind = models.CharField(_("typ"), max_length=30, choices=DocumentKind.choices)
    date = models.DateField(_("datum"), null=True, blank=True, validators=[validate_date])
    agreement = models.ForeignKey(
        "agreements.Agreement",
        verbose_name=_("överenskommelse"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
    )
    decision = models.ForeignKey(
        "agreements.Decision",
        verbose_name=_("beslut"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
    )
    body = models.ForeignKey(
        "bodies.Body",
        verbose_name=_("beslutsorgan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
    )
    support_structure = models.ForeignKey(
        "governance.SupportStructure",
        verbose_name=_("stödstruktur"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
    )
    public = models.BooleanField(
        _("offentlig"),
        default=False,
        help_text=_(
            "Visas för alla besökare. Låt rutan vara tom om dokumentet innehåller "
            "personuppgifter som inte ska publiceras: då ser bara inloggade det."
        ),
    )
    file_version = models.PositiveIntegerField(_("filversion"), default=1, editable=False)
    text_status = models.CharField(
        _("text"),
        max_length=20,
        choices=TextStatus.choices,
        default=TextStatus.PENDING,
        editable=False,
    )
    page_count = models.PositiveIntegerField(_("antal sidor"), null=True, editable=False)
    text_error = models.CharField(
        _("fel vid textutläsning"), max_length=500, blank=True, editable=False
    )
    extracted_at = models.DateTimeField(_("text utläst"), null=True, editable=False)

    objects = DocumentQuerySet.as_manager()

    class Meta(RegistryRecord.Meta):
        verbose_name = _("dokument")
        verbose_name_plural = _("dokument")
        ordering = ["-date", "title", "pk"]
        triggers = [
            pgtrigger.Trigger(
                name="bump_version",
                when=pgtrigger.Before,
                operation=pgtrigger.Update,
                condition=pgtrigger.AnyChange(exclude=["version", "modified_at", *DERIVED_FIELDS]),
                func="NEW.version := OLD.version + 1; NEW.modified_at := now(); RETURN NEW;",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(agreement__isnull=False)
                | Q(decision__isnull=False)
                | Q(body__isnull=False)
                | Q(support_structure__isnull=False)
                | Q(source__isnull=False),
                name="document_belongs_to_a_record",
                violation_error_message=_(
                    "Ange vilken överenskommelse, vilket beslut, beslutsorgan, vilken "
                    "stödstruktur eller vilket källdokument dokumentet hör till."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        replaced = getattr(self, "_replaced", None)
        if replaced is not None:
            replaced.document = self
            replaced.save()
            self._replaced = None
        if getattr(self, "_file_changed", False):
            self._file_changed = False
            if getattr(settings, "DOCUMENT_EXTRACT_ON_UPLOAD", False):
                from .extract import extract_pending

                transaction.on_commit(extract_pending)

    def get_absolute_url(self):
        """The download: a stable address whatever file is current."""
        return reverse("documents:download", kwargs={"slug": self.slug})

    def page_url(self, number: int) -> str:
        return f"{self.get_absolute_url()}#page={number}"

    @property
    def owner(self):
        """The record the document is shown with first."""
        for name in OWNER_FIELDS:
            if getattr(self, f"{name}_id"):
                return getattr(self, name)
        return None

    # The file -------------------------------------------------------------------------

    def replace_file(self, checked: CheckedFile) -> None:
        """Make ``checked`` the current file; the current one is kept as a version on save.

        The text of the new file has to be read out again: it is queued (the worker, or
        at once after the commit when ``DOCUMENT_EXTRACT_ON_UPLOAD`` is on).
        """
        if self.file and self.pk:
            self._replaced = DocumentVersion(
                number=self.file_version,
                **{name: getattr(self, name) for name in VERSION_FIELDS},
            )
            self.file_version += 1
        self.file = File(checked.file, name=checked.filename)
        self.filename = checked.filename
        self.media_type = checked.media_type
        self.size = checked.size
        self.sha256 = checked.sha256
        self.uploaded_at = timezone.now()
        self.text_status = TextStatus.PENDING
        self.page_count = None
        self.text_error = ""
        self.extracted_at = None
        self._file_changed = True


VERSION_FIELDS = ("file", "filename", "media_type", "size", "sha256", "uploaded_at")


class DocumentVersion(FileFields):
    """A file that was once a document's current one, kept when it was replaced."""

    document = models.ForeignKey(
        Document, verbose_name=_("dokument"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("filversion"))
    replaced_at = models.DateTimeField(_("ersatt"), auto_now_add=True)

    class Meta:
        verbose_name = _("tidigare filversion")
        verbose_name_plural = _("tidigare filversioner")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="document_version_once")
        ]

    def __str__(self):
        return f"{self.document}, {_('version')} {self.number}"

    def get_absolute_url(self):
        return reverse(
            "documents:version", kwargs={"slug": self.document.slug, "number": self.number}
        )


class DocumentPage(models.Model):
    """The text of one page of a document's current file, for the search."""

    document = models.ForeignKey(
        Document, verbose_name=_("dokument"), on_delete=models.CASCADE, related_name="pages"
    )
    number = models.PositiveIntegerField(_("sida"))
    text = models.TextField(_("text"), blank=True)

    search_document = stored_vector_field("documentpage")

    class Meta:
        verbose_name = _("dokumentsida")
        verbose_name_plural = _("dokumentsidor")
        ordering = ["document", "number"]
        indexes = [stored_vector_index("documentpage")]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="document_page_once")
        ]

    def __str__(self):
        return f"{self.document}, {_('sida')} {self.number}"
