"""``{% document_list record %}``: a record's documents on its public page."""

from django import template

from governance.documents.models import Document

register = template.Library()


@register.inclusion_tag("documents/_list.html", takes_context=True)
def document_list(context, record):
    """The documents of ``record`` (and of its decisions) that the visitor may see."""
    request = context.get("request")
    documents = []
    if record is not None:
        documents = list(
            Document.objects.visible_to(getattr(request, "user", None))
            .of(record)
            .select_related("decision")
            .order_by(*Document._meta.ordering)
        )
    return {"documents": documents, "record": record}
