"""``/api/v1/documents/``: documents, uploaded as multipart/form-data."""

from __future__ import annotations

from django_filters import rest_framework as filters
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser

from agreements.models import Agreement, Decision
from bodies.models import Body
from governance.api.documents.serializers import DocumentSerializer
from governance.core.api import RegistryFilterSet, RegistryViewSet, by_slug
from governance.documents.models import Document, DocumentKind, TextStatus


class DocumentFilter(RegistryFilterSet):
    kind = filters.ChoiceFilter(choices=DocumentKind.choices)
    agreement = by_slug(Agreement, "agreement")
    decision = by_slug(Decision, "decision")
    body = by_slug(Body, "body")
    text_status = filters.ChoiceFilter(choices=TextStatus.choices)

    class Meta:
        model = Document
        fields = ["kind", "agreement", "decision", "body", "text_status"]


class DocumentViewSet(RegistryViewSet):
    """Signed agreements, protocol extracts, plans and reports, with their files.

    Anyone reads public documents; signed-in staff also those that are not public.
    Coordinators upload with `multipart/form-data` (`file`, `title`, `kind`, `public`
    and the slug of the record in `agreement`, `decision` or `body`).
    """

    queryset = (
        Document.objects.select_related(
            "agreement", "decision", "body", "support_structure", "source"
        )
        .prefetch_related("versions")
        .order_by("-date", "title", "pk")
    )
    serializer_class = DocumentSerializer
    filterset_class = DocumentFilter
    parser_classes = [MultiPartParser, FormParser, JSONParser]
    search_fields = ["title", "filename"]
    ordering_fields = ["title", "date", "modified_at"]

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)
