"""Admin for documents: their own list, and an upload row on agreements and decisions.

The file goes through the same check as the API's (``files.check_upload``): its type
is read from the content. The file input takes a file dropped on it as well as one
chosen; a new file on an existing document replaces it and keeps the old one.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from governance.core.admin_base import (
    RegistryAdmin,
    RegistryInlineForm,
    RegistryModelForm,
    StackedInline,
)

from .files import EXTENSIONS, NAME_SUFFIXES, check_upload, max_bytes
from .models import Document, DocumentPage, DocumentVersion

ACCEPT = ",".join(sorted({*EXTENSIONS.keys(), *set().union(*NAME_SUFFIXES.values())}))
EDITABLE_FIELDS = ["title", "kind", "date", "public"]


def _upload_field() -> forms.FileField:
    return forms.FileField(
        label=_("fil"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
        help_text=_(
            "Välj eller dra hit en PDF, ett Word-dokument (DOCX), ett OpenDocument-dokument "
            "(ODT) eller en textfil, högst %(limit)s. En ny fil ersätter den nuvarande, "
            "som sparas som tidigare version."
        )
        % {"limit": filesizeformat(max_bytes())},
    )


class DocumentUploadMixin:
    """The upload: checked by content in clean, set on the instance before validation."""

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload is None:
            if not self.instance.file:
                raise forms.ValidationError(_("Välj en fil att ladda upp."), code="required")
            return None
        return check_upload(upload)

    def _post_clean(self):
        checked = self.cleaned_data.get("upload")
        if checked is not None:
            self.instance.replace_file(checked)
        super()._post_clean()


class DocumentForm(DocumentUploadMixin, RegistryModelForm):
    upload = _upload_field()

    class Meta:
        model = Document
        fields = [
            *EDITABLE_FIELDS,
            "agreement",
            "decision",
            "body",
            "support_structure",
            "source",
            "slug",
        ]


class DocumentInlineForm(DocumentUploadMixin, RegistryInlineForm):
    upload = _upload_field()

    class Meta:
        model = Document
        fields = EDITABLE_FIELDS


def _file_facts(document: Document) -> str:
    if not document or not document.pk or not document.file:
        return "–"
    return format_html(
        '<a href="{}">{}</a> ({}, {}, {} {})',
        document.get_absolute_url(),
        document.filename,
        document.type_label,
        filesizeformat(document.size),
        _("version"),
        document.file_version,
    )


class DocumentInline(StackedInline):
    """Documents on an agreement's or a decision's form (``fk_name`` set per parent)."""

    model = Document
    form = DocumentInlineForm
    fields = ["current_file", *EDITABLE_FIELDS, "upload", "text_status"]
    readonly_fields = ["current_file", "text_status"]
    verbose_name = _("dokument")
    verbose_name_plural = _("dokument (undertecknade överenskommelser, protokollsutdrag …)")

    @admin.display(description=_("nuvarande fil"))
    def current_file(self, obj):
        return _file_facts(obj)


class AgreementDocumentInline(DocumentInline):
    fk_name = "agreement"


class DecisionDocumentInline(DocumentInline):
    fk_name = "decision"


@admin.register(Document)
class DocumentAdmin(RegistryAdmin):
    form = DocumentForm
    list_display = [
        "title",
        "kind",
        "date",
        "owner_display",
        "public",
        "file_type",
        "file_size",
        "text_status",
    ]
    list_filter = ["kind", "public", "text_status"]
    search_fields = ["title", "filename", "slug"]
    list_select_related = ["agreement", "decision", "body", "support_structure", "source"]
    autocomplete_fields = ["agreement", "decision", "body", "source"]
    date_hierarchy = "date"
    readonly_fields = [
        "current_file",
        "sha256",
        "uploaded_at",
        "text_status",
        "page_count",
        "text_error",
        "earlier_versions",
    ]
    fieldsets = [
        (None, {"fields": ["title", "kind", "date", "public", "upload", "slug"]}),
        (
            _("Hör till"),
            {"fields": ["agreement", "decision", "body", "support_structure", "source"]},
        ),
        (
            _("Fil och text"),
            {
                "fields": [
                    "current_file",
                    "sha256",
                    "uploaded_at",
                    "text_status",
                    "page_count",
                    "text_error",
                    "earlier_versions",
                ]
            },
        ),
    ]

    @admin.display(description=_("hör till"))
    def owner_display(self, obj):
        return obj.owner or "–"

    @admin.display(description=_("filtyp"))
    def file_type(self, obj):
        return obj.type_label

    @admin.display(description=_("storlek"), ordering="size")
    def file_size(self, obj):
        return filesizeformat(obj.size)

    @admin.display(description=_("nuvarande fil"))
    def current_file(self, obj):
        return _file_facts(obj)

    @admin.display(description=_("tidigare filversioner"))
    def earlier_versions(self, obj):
        if not obj or not obj.pk:
            return "–"
        versions = list(obj.versions.all())
        if not versions:
            return "–"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{} {}: {}</a> ({})</li>',
                (
                    (
                        v.get_absolute_url(),
                        _("version"),
                        v.number,
                        v.filename,
                        filesizeformat(v.size),
                    )
                    for v in versions
                ),
            ),
        )


class DerivedAdmin(RegistryAdmin):
    """Rows written by file replacement and the text worker: to look at, never to edit."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(DocumentVersion)
class DocumentVersionAdmin(DerivedAdmin):
    list_display = ["document", "number", "filename", "file_type", "file_size", "replaced_at"]
    list_select_related = ["document"]
    search_fields = ["document__title", "filename"]

    @admin.display(description=_("filtyp"))
    def file_type(self, obj):
        return obj.type_label

    @admin.display(description=_("storlek"), ordering="size")
    def file_size(self, obj):
        return filesizeformat(obj.size)


@admin.register(DocumentPage)
class DocumentPageAdmin(DerivedAdmin):
    list_display = ["document", "number"]
    list_select_related = ["document"]
    search_fields = ["document__title"]
