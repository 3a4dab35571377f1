"""API representations of documents: the resource itself, and the list on other records."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from governance.core.api import BASE_FIELDS, RECORD_FIELDS, RegistrySerializer
from governance.core.api.fields import SelfUrlField
from governance.documents.files import check_upload
from governance.documents.models import Document, DocumentVersion

# What the list of documents on an agreement, decision or body says of each.
SUMMARY_FIELDS = [
    "slug",
    "url",
    "title",
    "kind",
    "date",
    "public",
    "download_url",
    "filename",
    "media_type",
    "size",
]


@extend_schema_field(serializers.URLField())
class DownloadUrlField(serializers.Field):
    """The stable address of the file's download (absolute)."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True, source="*")
        super().__init__(**kwargs)

    def to_representation(self, obj):
        path = obj.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class VersionSerializer(serializers.ModelSerializer):
    """A file the document had before it was replaced."""

    download_url = DownloadUrlField()

    class Meta:
        model = DocumentVersion
        fields = [
            "number",
            "download_url",
            "filename",
            "media_type",
            "size",
            "sha256",
            "uploaded_at",
            "replaced_at",
        ]
        read_only_fields = fields


class DocumentSummarySerializer(serializers.ModelSerializer):
    url = SelfUrlField()
    download_url = DownloadUrlField()

    class Meta:
        model = Document
        fields = SUMMARY_FIELDS
        # Not read_only_fields: the schema generator drops an all-read-only component
        # from request bodies, and a read-only field using it then has no schema at all.


@extend_schema_field(DocumentSummarySerializer(many=True))
class DocumentsField(serializers.Field):
    """The documents of a record that the requesting user may see.

    Reads ``visible_documents`` when the viewset prefetched it (``with_documents``),
    so a list costs one query for all its documents.
    """

    def __init__(self, **kwargs):
        kwargs.update(read_only=True, source="*")
        kwargs.setdefault(
            "help_text", "Documents attached to the record (only public ones unless signed in)."
        )
        super().__init__(**kwargs)

    def to_representation(self, obj):
        documents = getattr(obj, "visible_documents", None)
        if documents is None:
            request = self.context.get("request")
            user = getattr(request, "user", None)
            documents = obj.documents.visible_to(user).order_by(*Document._meta.ordering)
        return DocumentSummarySerializer(documents, many=True, context=self.context).data


def with_documents(queryset, request):
    """``queryset`` with the documents its records show prefetched for ``request``'s user."""
    user = getattr(request, "user", None)
    return queryset.prefetch_related(
        Prefetch(
            "documents",
            queryset=Document.objects.visible_to(user).order_by(*Document._meta.ordering),
            to_attr="visible_documents",
        )
    )


class DocumentSerializer(RegistrySerializer):
    file = serializers.FileField(
        write_only=True,
        help_text="The file: PDF, DOCX, ODT or UTF-8 text (its type is read from the "
        "content). Send it as multipart/form-data. On update: a new file replaces the "
        "current one, which is kept as a version.",
    )
    download_url = DownloadUrlField()
    versions = VersionSerializer(many=True, read_only=True)

    class Meta:
        model = Document
        fields = [
            *BASE_FIELDS,
            "title",
            "kind",
            "date",
            "public",
            "agreement",
            "decision",
            "body",
            "support_structure",
            "source",
            "file",
            "download_url",
            "filename",
            "media_type",
            "size",
            "sha256",
            "file_version",
            "uploaded_at",
            "versions",
            "text_status",
            "page_count",
            *RECORD_FIELDS,
        ]
        read_only_fields = [
            "filename",
            "media_type",
            "size",
            "sha256",
            "file_version",
            "uploaded_at",
            "text_status",
            "page_count",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance is not None and "file" in self.fields:
            self.fields["file"].required = False

    def validate_file(self, upload):
        try:
            return check_upload(upload)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from exc

    def create(self, validated_data):
        self._checked = validated_data.pop("file")
        return super().create(validated_data)

    def update(self, instance, validated_data):
        self._checked = validated_data.pop("file", None)
        return super().update(instance, validated_data)

    def _clean(self, instance, m2m):
        # The file is set on the instance before it is validated and saved, so a
        # document is never saved without one and a replaced file becomes a version.
        checked = getattr(self, "_checked", None)
        if checked is not None:
            instance.replace_file(checked)
        super()._clean(instance, m2m)
