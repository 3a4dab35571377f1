"""API representations of agreements (with their parts nested on read) and decisions."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agreements.models import (
    Agreement,
    AgreementParty,
    AgreementRelation,
    AgreementStatus,
    Clause,
    Decision,
    Signatory,
)
from agreements.renewal import Basis, renewal_deadlines_of
from bodies.models import Body, Organisation, Person
from governance.api import (
    BASE_FIELDS,
    RECORD_FIELDS,
    ReadRefField,
    ReadRefListField,
    RegistrySerializer,
)
from governance.api.fields import RefBuilder, SelfUrlField

# An agreement's adoptions in the API: newest first, as decisions are listed.
ADOPTION_ORDER = ("-date", "-year", "pk")


class PartySerializer(serializers.ModelSerializer):
    organisation = ReadRefField()

    class Meta:
        model = AgreementParty
        fields = ["organisation", "role", "order"]
        read_only_fields = fields


class ClauseSerializer(serializers.ModelSerializer):
    organisations = ReadRefListField(help_text="Organisations the clause names.")
    bodies = ReadRefListField(help_text="Bodies the clause names.")

    class Meta:
        model = Clause
        fields = ["id", "slug", "order", "heading", "text", "organisations", "bodies"]
        read_only_fields = fields


class SignatorySerializer(serializers.ModelSerializer):
    person = ReadRefField()
    organisation = ReadRefField()

    class Meta:
        model = Signatory
        fields = ["person", "title", "organisation", "signed_on", "order"]
        read_only_fields = fields


class AdoptionSerializer(serializers.ModelSerializer):
    """A decision that adopted the agreement."""

    url = SelfUrlField()
    body = ReadRefField()

    class Meta:
        model = Decision
        fields = ["slug", "url", "body", "decided_by_text", "date", "year", "reference"]
        read_only_fields = fields


class RelationSerializer(serializers.ModelSerializer):
    """A typed link from this agreement to an earlier or framework agreement."""

    agreement = ReadRefField(source="target")
    decision = ReadRefField()

    class Meta:
        model = AgreementRelation
        fields = ["kind", "agreement", "decision"]
        read_only_fields = fields


class RenewalDeadlineSerializer(serializers.Serializer):
    """The last meeting at which the renewal body can decide to renew the agreement."""

    date = serializers.DateField(help_text="The day the body must decide by, at the latest.")
    estimated = serializers.BooleanField(
        help_text="True when no entered meeting was found and the date comes from the "
        "body's meeting rhythm (or is the latest possible day itself)."
    )
    basis = serializers.ChoiceField(
        choices=[
            (Basis.MEETING, "An entered meeting"),
            (Basis.RHYTHM, "Estimated from the body's meeting rhythm"),
            (Basis.NO_MEETINGS, "No meetings or rhythm: the latest possible day"),
        ]
    )
    body = ReadRefField(allow_null=False, help_text="The body that decides on renewal.")
    meeting = ReadRefField(help_text="The entered meeting the date is (null when estimated).")
    latest_day = serializers.DateField(
        help_text="The agreement's last day minus its notice period."
    )
    lapses_on = serializers.DateField(help_text="The agreement's last day, extensions included.")


# The parts of an agreement that a list builds from ``.values()`` rows: a page of 50
# agreements has some 250 clauses, 100 parties and their references, and building a
# model instance and running a nested serializer for each costs several times more
# than the database needs to deliver them.
LIST_PARTS = ("parties", "clauses", "signatories", "adoptions")


class AgreementListSerializer(serializers.ListSerializer):
    """A list of agreements with exactly the output of ``AgreementSerializer`` per item.

    The agreements themselves are instances (status and lineage are their methods);
    their parties, clauses, signatories and adoptions are read as plain rows, five
    queries for the whole list, and turned into the nested serializers' shapes here.
    Formatting of values goes through the nested serializers' own fields.
    """

    def to_representation(self, data):
        agreements = list(data.all() if hasattr(data, "all") else data)
        pks = [a.pk for a in agreements]
        parts = self._parts(pks)
        # All deadlines of the list at once; each agreement then finds its own cached.
        deadlines = renewal_deadlines_of(agreements)
        for agreement in agreements:
            agreement.__dict__["renewal_deadline"] = deadlines.get(agreement.pk)
        fields = list(self.child._readable_fields)
        rows = []
        for agreement in agreements:
            row = {}
            for field in fields:
                name = field.field_name
                if name in LIST_PARTS:
                    row[name] = parts[name].get(agreement.pk, [])
                    continue
                attribute = field.get_attribute(agreement)
                row[name] = None if attribute is None else field.to_representation(attribute)
            rows.append(row)
        return rows

    def _parts(self, pks: list[int]) -> dict[str, dict[int, list]]:
        request = self.context.get("request")
        organisation = RefBuilder(Organisation, request)
        body = RefBuilder(Body, request)
        person = RefBuilder(Person, request)
        decision = RefBuilder(Decision, request)
        parts: dict[str, dict[int, list]] = {name: {} for name in LIST_PARTS}
        if not pks:
            return parts

        for r in (
            AgreementParty.objects.filter(agreement_id__in=pks)
            .order_by("agreement_id", "order", "id")
            .values(
                "agreement_id",
                "role",
                "order",
                "organisation_id",
                "organisation__slug",
                "organisation__name",
            )
        ):
            parts["parties"].setdefault(r["agreement_id"], []).append(
                {
                    "organisation": organisation(
                        r["organisation__slug"], r["organisation__name"], r["organisation_id"]
                    ),
                    "role": r["role"],
                    "order": r["order"],
                }
            )

        clauses = list(
            Clause.objects.filter(agreement_id__in=pks)
            .order_by("agreement_id", "order", "id")
            .values("id", "agreement_id", "slug", "order", "heading", "text")
        )
        named: dict[str, dict[int, list]] = {"organisations": {}, "bodies": {}}
        links = [
            ("organisations", Clause.organisations.through, "organisation", organisation),
            ("bodies", Clause.bodies.through, "body", body),
        ]
        for key, through, target, build in links:
            for r in (
                through.objects.filter(clause__agreement_id__in=pks)
                # As the clause's own related manager orders them (Meta.ordering: name).
                .order_by(f"{target}__name", f"{target}_id")
                .values("clause_id", f"{target}_id", f"{target}__slug", f"{target}__name")
            ):
                named[key].setdefault(r["clause_id"], []).append(
                    build(r[f"{target}__slug"], r[f"{target}__name"], r[f"{target}_id"])
                )
        for c in clauses:
            parts["clauses"].setdefault(c["agreement_id"], []).append(
                {
                    "id": c["id"],
                    "slug": c["slug"],
                    "order": c["order"],
                    "heading": c["heading"],
                    "text": c["text"],
                    "organisations": named["organisations"].get(c["id"], []),
                    "bodies": named["bodies"].get(c["id"], []),
                }
            )

        signed_on = SignatorySerializer().fields["signed_on"]
        for r in (
            Signatory.objects.filter(agreement_id__in=pks)
            .order_by("agreement_id", "order", "id")
            .values(
                "agreement_id",
                "title",
                "signed_on",
                "order",
                "person_id",
                "person__slug",
                "person__name",
                "organisation_id",
                "organisation__slug",
                "organisation__name",
            )
        ):
            parts["signatories"].setdefault(r["agreement_id"], []).append(
                {
                    "person": person(r["person__slug"], r["person__name"], r["person_id"]),
                    "title": r["title"],
                    "organisation": organisation(
                        r["organisation__slug"], r["organisation__name"], r["organisation_id"]
                    ),
                    "signed_on": None
                    if r["signed_on"] is None
                    else signed_on.to_representation(r["signed_on"]),
                    "order": r["order"],
                }
            )

        date = AdoptionSerializer().fields["date"]
        for r in (
            Decision.objects.adoptions()
            .filter(agreement_id__in=pks)
            .order_by(*ADOPTION_ORDER)
            .values(
                "agreement_id",
                "slug",
                "decided_by_text",
                "date",
                "year",
                "reference",
                "body_id",
                "body__slug",
                "body__name",
            )
        ):
            parts["adoptions"].setdefault(r["agreement_id"], []).append(
                {
                    "slug": r["slug"],
                    "url": decision.url(r["slug"]),
                    "body": body(r["body__slug"], r["body__name"], r["body_id"]),
                    "decided_by_text": r["decided_by_text"],
                    "date": None if r["date"] is None else date.to_representation(r["date"]),
                    "year": r["year"],
                    "reference": r["reference"],
                }
            )
        return parts


class AgreementSerializer(RegistrySerializer):
    status = serializers.SerializerMethodField(
        help_text="Status as of `status_date` (today, or the `on` query parameter)."
    )
    status_date = serializers.SerializerMethodField()
    parties = PartySerializer(source="party_links", many=True, read_only=True)
    clauses = ClauseSerializer(many=True, read_only=True)
    signatories = SignatorySerializer(many=True, read_only=True)
    adoptions = serializers.SerializerMethodField(help_text="Decisions that adopted it.")
    relations = RelationSerializer(source="outgoing_relations", many=True, read_only=True)
    predecessor = ReadRefField(help_text="The agreement this one replaces, renews or extends.")
    based_on = ReadRefField(help_text="The framework agreement this one rests on.")
    successors = ReadRefListField(help_text="Agreements that replace, renew or extend this one.")
    renewal_deadline = serializers.SerializerMethodField(
        help_text="When the renewal body must decide at the latest; null when the agreement "
        "needs no express renewal (tacit or none, in force until replaced, a draft, "
        "already replaced or renewed)."
    )

    class Meta:
        model = Agreement
        list_serializer_class = AgreementListSerializer
        fields = [
            *BASE_FIELDS,
            "title",
            "short_name",
            "kind",
            "status",
            "status_date",
            "reference_number",
            "county",
            "is_draft",
            "valid_from",
            "valid_until",
            "validity_text",
            "renewal_type",
            "notice_period_days",
            "renewal_body",
            "renewal_text",
            "background",
            "purpose",
            "parties",
            "clauses",
            "signatories",
            "adoptions",
            "relations",
            "predecessor",
            "based_on",
            "successors",
            "renewal_deadline",
            "source",
            *RECORD_FIELDS,
        ]

    def _day(self) -> dt.date:
        return self.context.get("on") or timezone.localdate()

    @extend_schema_field(serializers.ChoiceField(choices=AgreementStatus.choices))
    def get_status(self, obj) -> str:
        return str(obj.status_on(self._day()))

    def get_status_date(self, obj) -> dt.date:
        return self._day()

    @extend_schema_field(RenewalDeadlineSerializer(allow_null=True))
    def get_renewal_deadline(self, obj):
        deadline = obj.renewal_deadline
        if deadline is None:
            return None
        return RenewalDeadlineSerializer(deadline, context=self.context).data

    @extend_schema_field(AdoptionSerializer(many=True))
    def get_adoptions(self, obj):
        decisions = getattr(obj, "adoption_decisions", None)
        if decisions is None:
            decisions = obj.decisions.adoptions().select_related("body").order_by(*ADOPTION_ORDER)
        return AdoptionSerializer(decisions, many=True, context=self.context).data


class DecisionSerializer(RegistrySerializer):
    class Meta:
        model = Decision
        fields = [
            *BASE_FIELDS,
            "body",
            "decided_by_text",
            "date",
            "year",
            "kind",
            "summary",
            "reference",
            "agreement",
            "initiative",
            "source",
            *RECORD_FIELDS,
        ]
