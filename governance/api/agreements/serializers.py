"""API representations of agreements (with their parts nested on read) and decisions."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agreements.models import (
    LINEAGE_RELATIONS,
    Agreement,
    AgreementParty,
    AgreementRelation,
    AgreementStatus,
    Clause,
    Decision,
    DecisionKind,
    RelationKind,
    Signatory,
    status_of,
)
from agreements.renewal import (
    Basis,
    last_meeting_on_or_before,
    meetings_for,
    row_renewal_days,
)
from bodies.models import Body, Organisation, Person
from governance.api.agreements.rows import incoming_relations
from governance.api.documents.serializers import DocumentsField, DocumentSummarySerializer
from governance.core import prepared
from governance.core.api import (
    BASE_FIELDS,
    RECORD_FIELDS,
    ReadRefField,
    ReadRefListField,
    RegistrySerializer,
)
from governance.core.api.fields import RefBuilder, SelfUrlField, ref
from governance.documents.models import Document

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
LIST_PARTS = ("parties", "clauses", "signatories", "adoptions", "relations", "documents")
# Fields the list computes from the rows and relations itself; every other field of
# ``AgreementSerializer`` must be a column of the agreement or a reference to a record.
COMPUTED = (
    *LIST_PARTS,
    "url",
    "status",
    "status_date",
    "predecessor",
    "based_on",
    "successors",
    "renewal_deadline",
)
# Columns the status, lineage and renewal rules read.
RULE_COLUMNS = (
    "id",
    "slug",
    "is_draft",
    "valid_from",
    "valid_until",
    "in_force_until",
    "superseded_from",
    "renewal_type",
    "renewal_body_id",
    "notice_period_days",
    "renewal_body__slug",
    "renewal_body__name",
    "renewal_body__meetings_per_year",
    "renewal_body__summer_break",
)


class _RowPlan:
    """How each field of ``AgreementSerializer`` is read from a ``.values()`` row.

    Worked out once from the serializer's own fields, so a field added there either
    fits (a column, a reference) or makes the list fail loudly, never silently differ.
    """

    def __init__(self, serializer: serializers.Serializer):
        self.columns: list[tuple[str, str, object]] = []  # (field name, column, format)
        self.references: list[tuple[str, type, str, str | None]] = []
        self.order: list[str] = []
        values = set(RULE_COLUMNS)
        for name, field in serializer.fields.items():
            if field.write_only:
                continue
            self.order.append(name)
            if name in COMPUTED:
                continue
            try:
                model_field = Agreement._meta.get_field(field.source)
            except FieldDoesNotExist as exc:
                raise ImproperlyConfigured(
                    f"represent_agreements cannot read the field {name!r} from a row"
                ) from exc
            if model_field.is_relation:
                if not model_field.many_to_one:
                    raise ImproperlyConfigured(
                        f"represent_agreements cannot read the field {name!r} from a row"
                    )
                model = model_field.related_model
                name_attribute = RefBuilder(model).name_attribute
                self.references.append((name, model, field.source, name_attribute))
                values.update({f"{field.source}_id", f"{field.source}__slug"})
                if name_attribute:
                    values.add(f"{field.source}__{name_attribute}")
            else:
                self.columns.append((name, model_field.attname, field.to_representation))
                values.add(model_field.attname)
        self.values = tuple(sorted(values))


@lru_cache(maxsize=1)
def _plan() -> _RowPlan:
    return _RowPlan(AgreementSerializer())


@lru_cache(maxsize=8)
def _fields(serializer_class) -> dict:
    """A serializer's fields, built once: the list formats values with them, and the
    value fields it uses read nothing of the request."""
    return serializer_class().fields


def agreement_rows(queryset):
    """The agreements of ``queryset`` (filtered, ordered) as the rows the list is built from."""
    return queryset.prefetch_related(None).values(*_plan().values)


# Stands for the keys in the SQL ``rows_of`` compiles once.
_KEYS_MARK = [-20260]


@lru_cache(maxsize=1)
def _rows_sql() -> tuple[str, tuple]:
    """The SQL of ``agreement_rows`` for agreements given by key (one array parameter)."""
    keys = RawSQL("SELECT unnest(%s::integer[])", (_KEYS_MARK,))
    queryset = Agreement.objects.filter(pk__in=keys).order_by().values(*_plan().values)
    sql, params = queryset.query.sql_with_params()
    assert params.count(_KEYS_MARK) == 1, "the keys must be the one array parameter"
    return sql, params


def rows_of(pks: list[int]) -> list[dict]:
    """``agreement_rows`` of the agreements ``pks``, in that order, by SQL compiled once:
    the page's keys are found by the (filtered, ordered) queryset, and its rows read here,
    without compiling a query of some forty columns and their joins on every request."""
    sql, template = _rows_sql()
    params = [list(pks) if p == _KEYS_MARK else p for p in template]
    with connection.cursor() as cursor:
        prepared.execute(cursor, sql, params)
        names = [column.name for column in cursor.description]
        rows = (dict(zip(names, row, strict=True)) for row in cursor.fetchall())
        found = {row["id"]: row for row in rows}
    return [found[pk] for pk in pks if pk in found]


def status_day(context) -> dt.date:
    """The day ``status`` is given for: the ``on`` of the request, or today."""
    return context.get("on") or timezone.localdate()


def represent_agreements(data, context) -> list[dict]:
    """The API's representation of each agreement of ``data``, in its order: the one
    implementation behind the list and the detail (``AgreementSerializer``).

    ``data``: agreements as ``agreement_rows`` reads them, or instances (read again as
    rows). Their parts, relations and renewal deadlines are read as plain rows too, a
    fixed number of queries however many agreements, and the items are built here:
    status by ``models.status_of`` from the agreement's own columns, renewal deadlines
    by ``renewal.renewal_days``, values formatted by the serializer's own fields.
    """
    return _Representation(context).items(data)


class _Representation:
    def __init__(self, context):
        self.context = context

    def items(self, data) -> list[dict]:
        rows = list(data.all() if hasattr(data, "all") else data)
        if rows and isinstance(rows[0], Agreement):
            rows = rows_of([a.pk for a in rows])
        plan = _plan()
        request = self.context.get("request")
        day = status_day(self.context)
        pks = [r["id"] for r in rows]
        parts = self._parts(pks)
        incoming = incoming_relations(pks)
        agreement_ref = RefBuilder(Agreement, request)
        builders = {model: RefBuilder(model, request) for _n, model, _s, _a in plan.references}
        deadlines = self._renewal_deadlines(rows, incoming, request)
        items = []
        for row in rows:
            pk = row["id"]
            relations_in = incoming.get(pk, ())
            relations_out = parts["relations"].get(pk, ())
            computed = {
                "url": agreement_ref.url(row["slug"]),
                "status": str(
                    status_of(
                        day,
                        is_draft=row["is_draft"],
                        valid_from=row["valid_from"],
                        superseded_from=row["superseded_from"],
                        in_force_until=row["in_force_until"],
                    )
                ),
                "status_date": day,
                "predecessor": next(
                    (r["agreement"] for r in relations_out if r["kind"] in LINEAGE_RELATIONS),
                    None,
                ),
                "based_on": next(
                    (r["agreement"] for r in relations_out if r["kind"] == RelationKind.BASED_ON),
                    None,
                ),
                "successors": [
                    agreement_ref(r.source_slug, r.source_title, r.source_id)
                    for r in relations_in
                    if r.kind in LINEAGE_RELATIONS
                ],
                "renewal_deadline": deadlines.get(pk),
            }
            for name in LIST_PARTS:
                computed[name] = parts[name].get(pk, [])
            for name, column, format_value in plan.columns:
                value = row[column]
                computed[name] = None if value is None else format_value(value)
            for name, model, source, name_attribute in plan.references:
                computed[name] = builders[model](
                    row[f"{source}__slug"],
                    row[f"{source}__{name_attribute}"] if name_attribute else None,
                    row[f"{source}_id"],
                )
            items.append({name: computed[name] for name in plan.order})
        return items

    def _renewal_deadlines(self, rows, incoming, request) -> dict[int, dict]:
        """pk → the ``renewal_deadline`` of each row that needs one; one query for meetings."""
        due = []
        for row in rows:
            days = row_renewal_days(row, incoming)
            if days is not None:
                due.append((row, days))
        meetings = meetings_for([(row["renewal_body_id"], latest) for row, (_l, latest) in due])
        if not due:
            return {}
        fields = _fields(RenewalDeadlineSerializer)
        body_ref = RefBuilder(Body, request)
        found = {}
        for row, (lapses_on, latest_day) in due:
            # The rhythm of the body is all that the estimate reads of it.
            body = Body(
                pk=row["renewal_body_id"],
                slug=row["renewal_body__slug"],
                name=row["renewal_body__name"],
                meetings_per_year=row["renewal_body__meetings_per_year"],
                summer_break=row["renewal_body__summer_break"],
            )
            date, estimated, basis, meeting = last_meeting_on_or_before(
                body, latest_day, meetings.get(body.pk, [])
            )
            values = {
                "date": fields["date"].to_representation(date),
                "estimated": fields["estimated"].to_representation(estimated),
                "basis": fields["basis"].to_representation(basis),
                "body": body_ref(body.slug, body.name, body.pk),
                "meeting": ref(meeting, request),
                "latest_day": fields["latest_day"].to_representation(latest_day),
                "lapses_on": fields["lapses_on"].to_representation(lapses_on),
            }
            found[row["id"]] = {name: values[name] for name in fields}
        return found

    def _parts(self, pks: list[int]) -> dict[str, dict[int, list]]:
        """name of a part → agreement pk → its items, in the order the detail gives them."""
        request = self.context.get("request")
        organisation = RefBuilder(Organisation, request)
        body = RefBuilder(Body, request)
        person = RefBuilder(Person, request)
        decision = RefBuilder(Decision, request)
        agreement = RefBuilder(Agreement, request)
        parts: dict[str, dict[int, list]] = {name: {} for name in LIST_PARTS}
        if not pks:
            return parts
        # Parties, clauses, the clauses' references and signatories are most of a page's
        # rows: they are read with plain SQL (compiling the ORM's queries and building its
        # rows cost more than the database takes to answer). The order is the detail's.
        tables = {
            "party": AgreementParty._meta.db_table,
            "clause": Clause._meta.db_table,
            "clause_organisation": Clause.organisations.through._meta.db_table,
            "clause_body": Clause.bodies.through._meta.db_table,
            "signatory": Signatory._meta.db_table,
            "organisation": Organisation._meta.db_table,
            "body": Body._meta.db_table,
            "person": Person._meta.db_table,
            "decision": Decision._meta.db_table,
            "relation": AgreementRelation._meta.db_table,
            "agreement": Agreement._meta.db_table,
        }
        with connection.cursor() as cursor:
            prepared.execute(
                cursor,
                """
                SELECT p.agreement_id, p.role, p."order", o.id, o.slug, o.name
                FROM {party} p JOIN {organisation} o ON o.id = p.organisation_id
                WHERE p.agreement_id = ANY(%s) ORDER BY p.agreement_id, p."order", p.id
                """.format(**tables),
                [pks],
            )
            for agreement_id, role, order, org_id, org_slug, org_name in cursor.fetchall():
                parts["parties"].setdefault(agreement_id, []).append(
                    {
                        "organisation": organisation(org_slug, org_name, org_id),
                        "role": role,
                        "order": order,
                    }
                )

            named: dict[str, dict[int, list]] = {"organisations": {}, "bodies": {}}
            # As the clause's own related managers order them (Meta.ordering: name).
            for key, table, column, target, build in (
                (
                    "organisations",
                    "clause_organisation",
                    "organisation_id",
                    "organisation",
                    organisation,
                ),
                ("bodies", "clause_body", "body_id", "body", body),
            ):
                prepared.execute(
                    cursor,
                    f"""
                    SELECT l.clause_id, t.id, t.slug, t.name
                    FROM {{{table}}} l JOIN {{clause}} c ON c.id = l.clause_id
                    JOIN {{{target}}} t ON t.id = l.{column}
                    WHERE c.agreement_id = ANY(%s) ORDER BY t.name, t.id
                    """.format(**tables),
                    [pks],
                )
                for clause_id, target_id, slug, name in cursor.fetchall():
                    named[key].setdefault(clause_id, []).append(build(slug, name, target_id))

            prepared.execute(
                cursor,
                """
                SELECT id, agreement_id, slug, "order", heading, text FROM {clause}
                WHERE agreement_id = ANY(%s) ORDER BY agreement_id, "order", id
                """.format(**tables),
                [pks],
            )
            for clause_id, agreement_id, slug, order, heading, text in cursor.fetchall():
                parts["clauses"].setdefault(agreement_id, []).append(
                    {
                        "id": clause_id,
                        "slug": slug,
                        "order": order,
                        "heading": heading,
                        "text": text,
                        "organisations": named["organisations"].get(clause_id, []),
                        "bodies": named["bodies"].get(clause_id, []),
                    }
                )

            signed_on = _fields(SignatorySerializer)["signed_on"]
            prepared.execute(
                cursor,
                """
                SELECT s.agreement_id, s.title, s.signed_on, s."order",
                       p.id, p.slug, p.name, o.id, o.slug, o.name
                FROM {signatory} s JOIN {person} p ON p.id = s.person_id
                JOIN {organisation} o ON o.id = s.organisation_id
                WHERE s.agreement_id = ANY(%s) ORDER BY s.agreement_id, s."order", s.id
                """.format(**tables),
                [pks],
            )
            for row in cursor.fetchall():
                agreement_id, title, signed, order, *who = row
                parts["signatories"].setdefault(agreement_id, []).append(
                    {
                        "person": person(who[1], who[2], who[0]),
                        "title": title,
                        "organisation": organisation(who[4], who[5], who[3]),
                        "signed_on": None
                        if signed is None
                        else signed_on.to_representation(signed),
                        "order": order,
                    }
                )

            # Adoptions, newest first (ADOPTION_ORDER), and the relations to earlier
            # agreements in the order they were entered.
            date = _fields(AdoptionSerializer)["date"]
            prepared.execute(
                cursor,
                """
                SELECT d.agreement_id, d.slug, d.decided_by_text, d.date, d.year, d.reference,
                       b.id, b.slug, b.name
                FROM {decision} d LEFT JOIN {body} b ON b.id = d.body_id
                WHERE d.agreement_id = ANY(%s) AND d.kind = %s
                ORDER BY d.date DESC, d.year DESC, d.id
                """.format(**tables),
                [pks, DecisionKind.ADOPTION],
            )
            for agreement_id, slug, decided_by, day, year, reference, *by in cursor.fetchall():
                parts["adoptions"].setdefault(agreement_id, []).append(
                    {
                        "slug": slug,
                        "url": decision.url(slug),
                        "body": body(by[1], by[2], by[0]),
                        "decided_by_text": decided_by,
                        "date": None if day is None else date.to_representation(day),
                        "year": year,
                        "reference": reference,
                    }
                )
            kind = _fields(RelationSerializer)["kind"]
            prepared.execute(
                cursor,
                """
                SELECT r.source_id, r.kind, t.id, t.slug, t.title, d.id, d.slug, d.summary
                FROM {relation} r JOIN {agreement} t ON t.id = r.target_id
                LEFT JOIN {decision} d ON d.id = r.decision_id
                WHERE r.source_id = ANY(%s) ORDER BY r.id
                """.format(**tables),
                [pks],
            )
            for (
                source_id,
                relation_kind,
                *target,
                decision_id,
                d_slug,
                d_summary,
            ) in cursor.fetchall():
                parts["relations"].setdefault(source_id, []).append(
                    {
                        "kind": kind.to_representation(relation_kind),
                        "agreement": agreement(target[1], target[2], target[0]),
                        "decision": decision(d_slug, d_summary, decision_id),
                    }
                )
        user = getattr(request, "user", None)
        visible = Document.objects.visible_to(user).filter(agreement_id__in=pks)
        summary = DocumentSummarySerializer(context=self.context)
        for document in visible.order_by(*Document._meta.ordering):
            parts["documents"].setdefault(document.agreement_id, []).append(
                summary.to_representation(document)
            )
        return parts


class AgreementListSerializer(serializers.ListSerializer):
    """A list of agreements: ``represent_agreements``, as the detail."""

    def to_representation(self, data):
        return represent_agreements(data, self.context)


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
    documents = DocumentsField()
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
            "valid_from_basis",
            "valid_until",
            "valid_until_basis",
            "basis_note",
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
            "documents",
            "source",
            "confirmed_on",
            "confirmed_source",
            *RECORD_FIELDS,
        ]
        extra_kwargs = {
            "valid_from_basis": {
                "help_text": "'stated': the source gives this date; 'inferred': the registry "
                "worked it out (the reason is in `basis_note`)."
            },
            "valid_until_basis": {"help_text": "As `valid_from_basis`, for `valid_until`."},
            "basis_note": {"help_text": "Why an inferred value is what it is."},
            "confirmed_on": {
                "read_only": True,
                "help_text": "When a coordinator last confirmed the record against "
                "`confirmed_source`; null: known as of its source document's date.",
            },
            "confirmed_source": {"read_only": True},
        }

    def to_representation(self, instance):
        return represent_agreements([instance], self.context)[0]

    # The computed fields as the schema describes them; their values are built with the
    # rest of the item by ``represent_agreements``.
    @extend_schema_field(serializers.ChoiceField(choices=AgreementStatus.choices))
    def get_status(self, obj) -> str:
        raise NotImplementedError

    def get_status_date(self, obj) -> dt.date:
        raise NotImplementedError

    @extend_schema_field(RenewalDeadlineSerializer(allow_null=True))
    def get_renewal_deadline(self, obj):
        raise NotImplementedError

    @extend_schema_field(AdoptionSerializer(many=True))
    def get_adoptions(self, obj):
        raise NotImplementedError


class DecisionSerializer(RegistrySerializer):
    documents = DocumentsField()

    class Meta:
        model = Decision
        fields = [
            *BASE_FIELDS,
            "body",
            "decided_by_text",
            "date",
            "year",
            "date_basis",
            "basis_note",
            "kind",
            "summary",
            "reference",
            "agreement",
            "initiative",
            "documents",
            "source",
            *RECORD_FIELDS,
        ]
