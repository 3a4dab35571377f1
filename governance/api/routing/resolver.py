"""``GET /api/v1/routing/resolve/``: who handles and who decides a matter, and why.

The parameters are validated by the same form as the page "Vem hanterar vad?"
and answered by ``governance.routing.resolve_routing``; this module only
translates between HTTP and those. ``answer_data`` (and ``RoutingAnswerSerializer``
for the schema) also serialise the answers of ``routing_for_initiative``.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from governance.core.api.errors import VALIDATION_ERROR_SCHEMA
from governance.core.api.fields import RefSerializer, ref
from governance.core.api.viewsets import RegistryAPIMixin
from governance.core.read_cache import cached_read
from governance.routing.forms import RoutingQueryForm
from governance.routing.services import (
    ASKABLE_CONCERNS,
    RoutingAnswer,
    ValidityBasis,
    resolve_routing,
    routing_for_initiatives,
)


class RoutingRuleRefSerializer(serializers.Serializer):
    """One rule that matched, with the clause and the agreement it comes from."""

    slug = serializers.SlugField(help_text="Slug of the routing rule.")
    clause = serializers.CharField(help_text="The clause's text, as in the agreement.")
    clause_slug = serializers.SlugField()
    clause_order = serializers.IntegerField(help_text="The clause's number in the agreement.")
    agreement = serializers.SlugField(help_text="Slug of the agreement the clause belongs to.")
    agreement_title = serializers.CharField()
    agreement_is_draft = serializers.BooleanField(
        help_text="True when the agreement is a draft (e.g. Dalarna's proposal)."
    )
    concerns = serializers.CharField(help_text="Principals the rule speaks of.")
    handlers = serializers.ListField(child=serializers.SlugField())
    deciding_body = serializers.SlugField(allow_null=True)
    validity = serializers.CharField(help_text="When the rule applies, and by whose dates.")
    valid_from = serializers.DateField(
        allow_null=True,
        help_text="First day the rule applies (null: not in force, e.g. a draft's rule "
        "without a date of its own).",
    )
    valid_until = serializers.DateField(
        allow_null=True, help_text="Last day the rule applies (null: until replaced)."
    )
    basis = serializers.ChoiceField(
        choices=[ValidityBasis.RULE, ValidityBasis.AGREEMENT],
        help_text="Whose dates these are: the rule's own (`rule`) or its agreement's "
        "(`agreement`, extensions and replacement included).",
    )
    explanation = serializers.CharField(allow_blank=True)


class RoutingAnswerSerializer(serializers.Serializer):
    """The answer: handlers, deciding body, the rules behind it, or why nothing applies."""

    matter = RefSerializer()
    concerns = serializers.ChoiceField(choices=[c.value for c in ASKABLE_CONCERNS] + ["any"])
    county = RefSerializer(
        allow_null=True, help_text="The county, named as the county resource names it."
    )
    on = serializers.DateField(help_text="The day the answer is for.")
    handlers = RefSerializer(many=True, help_text="Organisations that handle the matter.")
    deciding_body = RefSerializer(allow_null=True, help_text="The body that decides, if any.")
    rules = RoutingRuleRefSerializer(many=True)
    in_force = serializers.BooleanField(help_text="Whether any rule applies on that day.")
    message = serializers.CharField(help_text="The answer in Swedish, in one or two sentences.")
    notes = serializers.ListField(child=serializers.CharField())
    renewal_body = RefSerializer(
        allow_null=True,
        help_text="When the rules have ended: the body that must decide how to continue.",
    )


def answer_data(answer: RoutingAnswer, request=None) -> dict:
    """The JSON of one answer (the shape of ``RoutingAnswerSerializer``)."""
    return {
        "matter": ref(answer.matter, request),
        "concerns": answer.concerns,
        "county": ref(answer.county, request),
        "on": answer.on.isoformat(),
        "handlers": [ref(h, request) for h in answer.handlers],
        "deciding_body": ref(answer.deciding_body, request),
        "rules": [
            {
                "slug": m.rule.slug,
                "clause": m.clause.text,
                "clause_slug": m.clause.slug,
                "clause_order": m.clause.order,
                "agreement": m.agreement.slug,
                "agreement_title": m.agreement.title,
                "agreement_is_draft": m.agreement.is_draft,
                "concerns": m.rule.concerns,
                "handlers": [h.slug for h in m.handlers],
                "deciding_body": m.deciding_body.slug if m.deciding_body else None,
                "validity": m.validity,
                "valid_from": m.valid_from.isoformat() if m.valid_from else None,
                "valid_until": m.valid_until.isoformat() if m.valid_until else None,
                "basis": m.validity_basis,
                "explanation": m.rule.explanation,
            }
            for m in answer.rules
        ],
        "in_force": answer.in_force,
        "message": answer.message,
        "notes": list(answer.notes),
        "renewal_body": ref(answer.renewal_body, request),
    }


@extend_schema_field(RoutingAnswerSerializer(many=True))
class InitiativeRoutingField(serializers.Field):
    """Where an initiative is routed: ``routing = InitiativeRoutingField()`` on a serializer.

    Read-only, one answer per county the initiative reaches (see
    ``governance.routing.routing_for_initiative``). In a list, the rules are read
    once for all initiatives of the page, so the query count does not grow with it.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs["read_only"] = True
        kwargs.setdefault(
            "help_text",
            "Where the initiative is routed, per county, at the end of its year "
            "(the same answer as /api/v1/routing/resolve/).",
        )
        super().__init__(**kwargs)

    def _answers(self, initiative) -> list[RoutingAnswer]:
        root = self.root
        cache = getattr(root, "_routing_answers", None)
        if cache is None or initiative.pk not in cache:
            instances = getattr(root, "instance", None)
            many = isinstance(instances, (list, tuple)) or hasattr(instances, "model")
            batch = list(instances) if many else [initiative]
            if initiative not in batch:
                batch = [initiative]
            cache = {**(cache or {}), **routing_for_initiatives(batch)}
            root._routing_answers = cache
        return cache[initiative.pk]

    def to_representation(self, initiative):
        request = self.context.get("request")
        return [answer_data(a, request) for a in self._answers(initiative)]


PARAMETERS = [
    OpenApiParameter(
        "matter",
        OpenApiTypes.STR,
        required=True,
        description="Slug of the kind of matter (see `/api/v1/matters/`), "
        "e.g. `nationell-satsning`.",
    ),
    OpenApiParameter(
        "concerns",
        OpenApiTypes.STR,
        required=True,
        enum=[c.value for c in ASKABLE_CONCERNS],
        description="Which principals the matter concerns: the municipalities, the region, "
        "or both.",
    ),
    OpenApiParameter(
        "county",
        OpenApiTypes.STR,
        required=True,
        description="The county: its SCB code (länskod), e.g. `14` for Västra Götaland, or "
        "its slug, e.g. `vastra-gotalands-lan`.",
    ),
    OpenApiParameter(
        "on",
        OpenApiTypes.DATE,
        required=False,
        description="The day to answer for, `YYYY-MM-DD`; today when left out.",
    ),
]


class RoutingResolveView(RegistryAPIMixin, APIView):
    """Who handles a kind of matter in a county on a day, who decides, and which clauses say so."""

    http_method_names = ["get", "head", "options"]
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]
    validates_on_itself = True

    @extend_schema(
        operation_id="routing_resolve",
        summary="Vem hanterar vad? Resolve the routing of a matter",
        description="Applies the routing rules of the agreements in force on `on` (today when "
        "left out): returns the handling organisations, the deciding body and the rules with "
        "their clause text and agreement. When no rule applies, `in_force` is false and "
        "`message` says why and, when the rules have ended, which body must decide the renewal "
        "(`renewal_body`).",
        parameters=PARAMETERS,
        responses={
            200: RoutingAnswerSerializer,
            400: OpenApiResponse(
                response=VALIDATION_ERROR_SCHEMA,
                description="Missing, unknown or malformed parameters: messages per field.",
            ),
        },
        examples=[
            OpenApiExample(
                "Refused parameters",
                value={
                    "concerns": [
                        "Okänt värde. Ange kommunerna (municipalities), regionen "
                        "(region) eller båda (both)."
                    ]
                },
                response_only=True,
                status_codes=["400"],
            )
        ],
        tags=["routing"],
    )
    @cached_read
    def get(self, request):
        form = RoutingQueryForm(request.query_params)
        if not form.is_valid():
            raise ValidationError({field: list(errors) for field, errors in form.errors.items()})
        answer = resolve_routing(**form.query())
        return Response(answer_data(answer, request))
