"""Who handles and who decides a kind of matter: the routing rules of the agreements.

The rules are data (``RoutingRule``, each pointing at the clause it comes from);
this module is the one place that reads them. ``resolve_routing`` answers
"who handles this, who decides, and why" for the HTML page, the API, the admin
and the initiative pages alike; ``check_conflicts`` is the one rule for
refusing a rule that contradicts another, and ``save_routing_rule`` the one way
a rule is written (admin, API, seed).

A rule's validity is its own ``valid_from``/``valid_until`` where set, otherwise
that of its clause's agreement (so the Västra Götaland rules stop applying
after 2018-12-31 with the declaration of intent). A draft agreement is never in
force: a rule taken from a draft applies only from a ``valid_from`` set on the
rule itself, a deliberate decision recorded in the rule's explanation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from agreements.models import Agreement, AgreementRelation, AgreementStatus, Clause
from bodies.models import Body, County, Organisation, Principal

# Which rules answer an ask about given principals. An ask about both
# municipalities and region gets the rules for each of them and the rule for
# matters that concern both (VG clause 4: joint monitoring), ``any`` rules always.
MATCHING_CONCERNS: dict[str, tuple[str, ...]] = {
    Principal.MUNICIPALITIES: (Principal.MUNICIPALITIES, Principal.ANY),
    Principal.REGION: (Principal.REGION, Principal.ANY),
    Principal.BOTH: (Principal.MUNICIPALITIES, Principal.REGION, Principal.BOTH, Principal.ANY),
    Principal.ANY: (Principal.MUNICIPALITIES, Principal.REGION, Principal.BOTH, Principal.ANY),
}

# The principals a person may ask about (``any`` is for rules, not for asks).
ASKABLE_CONCERNS = (Principal.MUNICIPALITIES, Principal.REGION, Principal.BOTH)


# Validity ------------------------------------------------------------------


def rule_validity(rule) -> tuple[dt.date | None, dt.date | None]:
    """First and last day ``rule`` applies (None: open), its own dates before its agreement's.

    A draft agreement lends no start date: its rules start only where the rule says so.
    """
    agreement = rule.clause.agreement
    start = rule.valid_from
    if start is None and not agreement.is_draft:
        start = agreement.valid_from
    end = rule.valid_until if rule.valid_until is not None else agreement.in_force_until
    return start, end


def rule_in_force(rule, day: dt.date) -> bool:
    start, end = rule_validity(rule)
    if start is None or day < start:
        return False
    if end is not None and day > end:
        return False
    # Without an end of its own, a rule ends when a later agreement replaces its agreement.
    return not (
        rule.valid_until is None
        and rule.clause.agreement.status_on(day) == AgreementStatus.SUPERSEDED
    )


def _overlaps(a: tuple, b: tuple) -> bool:
    """Whether two validity periods share a day; an open or unknown bound is unbounded."""
    a_start, a_end = a
    b_start, b_end = b
    starts_before_b_ends = a_start is None or b_end is None or a_start <= b_end
    b_starts_before_a_ends = b_start is None or a_end is None or b_start <= a_end
    return starts_before_b_ends and b_starts_before_a_ends


class ValidityBasis:
    """Whose dates a rule's validity comes from."""

    RULE = "rule"  # the rule's own valid_from/valid_until (at least one of them)
    AGREEMENT = "agreement"  # its agreement's, extensions and replacement included


def validity_basis(rule) -> str:
    return ValidityBasis.RULE if (rule.valid_from or rule.valid_until) else ValidityBasis.AGREEMENT


def describe_validity(rule) -> str:
    start, end = rule_validity(rule)
    source = (
        _("enligt regeln")
        if validity_basis(rule) == ValidityBasis.RULE
        else _("enligt överenskommelsen")
    )
    if start is None:
        return _("gäller inte: utkast utan startdatum")
    if end is None:
        span = _("från %(start)s") % {"start": _day(start)}
    else:
        span = _("%(start)s – %(end)s") % {"start": _day(start), "end": _day(end)}
    return f"{span} ({source})"


def _day(day: dt.date) -> str:
    return date_format(day, "Y-m-d")


# Loading rules ---------------------------------------------------------------


def rules_queryset():
    """Rules with everything the resolver and the pages read, in a fixed number of queries."""
    from governance.routing.models import RoutingRule

    relations = AgreementRelation.objects.select_related("source")
    return RoutingRule.objects.select_related(
        "matter",
        "county",
        "deciding_body",
        "clause__agreement__renewal_body",
    ).prefetch_related(
        Prefetch("handlers", queryset=Organisation.objects.order_by("name")),
        Prefetch("clause__agreement__incoming_relations", queryset=relations),
    )


def rules_in_force_on(day: dt.date, queryset=None):
    """The rules of ``queryset`` (all) that apply on ``day``, their agreements' validity
    included, as a queryset (for admin filters and API filters)."""
    from governance.routing.models import RoutingRule

    queryset = RoutingRule.objects.all() if queryset is None else queryset
    candidates = rules_queryset().filter(pk__in=queryset.values("pk"))
    return queryset.filter(pk__in=[r.pk for r in candidates if rule_in_force(r, day)])


def _load(*, county_ids: Iterable[int] | None, matter_ids: Iterable[int]) -> list:
    qs = rules_queryset().filter(matter_id__in=list(matter_ids))
    if county_ids is not None:
        qs = qs.filter(county_id__in=list(county_ids))
    return list(qs.order_by("priority", "clause__order", "pk"))


# Answers ---------------------------------------------------------------------


@dataclass
class MatchedRule:
    """One rule that answered, with the clause and agreement it comes from."""

    rule: object
    clause: Clause
    agreement: Agreement
    handlers: list[Organisation]
    deciding_body: Body | None
    validity: str
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    validity_basis: str = ValidityBasis.AGREEMENT

    @property
    def agreement_is_draft(self) -> bool:
        return self.agreement.is_draft


@dataclass
class RoutingAnswer:
    """Who handles a kind of matter, who decides it, and the rules that say so."""

    matter: object
    concerns: str
    county: County | None
    on: dt.date
    handlers: list[Organisation]
    deciding_body: Body | None
    rules: list[MatchedRule]
    in_force: bool
    message: str
    renewal_body: Body | None = None
    ended_agreement: Agreement | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def concerns_label(self) -> str:
        return Principal(self.concerns).label

    @property
    def based_on_draft(self) -> bool:
        return any(m.agreement_is_draft for m in self.rules)


def _matched(rule) -> MatchedRule:
    start, end = rule_validity(rule)
    return MatchedRule(
        rule=rule,
        clause=rule.clause,
        agreement=rule.clause.agreement,
        handlers=list(rule.handlers.all()),
        deciding_body=rule.deciding_body,
        validity=describe_validity(rule),
        valid_from=start,
        valid_until=end,
        validity_basis=validity_basis(rule),
    )


def _short(obj) -> str:
    """An organisation's or body's short name (LiSA, SRO, VästKom), else its name."""
    return obj.short_name or obj.name


def _names(items) -> str:
    names = [_short(i) for i in items]
    if len(names) <= 1:
        return "".join(names)
    return _("%(first)s och %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def _answer(
    rules: list, *, matter, concerns: str, county: County | None, on: dt.date
) -> RoutingAnswer:
    """The answer from already loaded ``rules`` (of any county and matter)."""
    of_place = [
        r
        for r in rules
        if r.matter_id == matter.pk and (county is None or r.county_id == county.pk)
    ]
    in_force = [r for r in of_place if rule_in_force(r, on)]
    matching = [r for r in in_force if r.concerns in MATCHING_CONCERNS[concerns]]
    place = county.name if county else _("något län")
    common = {"matter": matter, "concerns": concerns, "county": county, "on": on}

    if matching:
        matched = [_matched(r) for r in matching]
        handlers: list[Organisation] = []
        for m in matched:
            handlers.extend(h for h in m.handlers if h not in handlers)
        deciding = next((m.deciding_body for m in matched if m.deciding_body), None)
        # A plain sentence: who does what; the matter's name (registry data, always Swedish)
        # stays in quotation marks so an English sentence around it still reads as English.
        facts = {"matter": matter.name, "county": place, "day": _day(on)}
        if handlers and deciding:
            message = _(
                "%(who)s tar emot ärendet och %(body)s beslutar (”%(matter)s” i %(county)s, "
                "den %(day)s)."
            ) % {**facts, "who": _names(handlers), "body": _short(deciding)}
        elif handlers:
            message = _("%(who)s tar emot ärendet (”%(matter)s” i %(county)s, den %(day)s).") % {
                **facts,
                "who": _names(handlers),
            }
        elif deciding:
            message = _("%(body)s beslutar (”%(matter)s” i %(county)s, den %(day)s).") % {
                **facts,
                "body": _short(deciding),
            }
        else:
            message = (
                _(
                    "Regeln för ”%(matter)s” i %(county)s den %(day)s anger inte vem som tar emot "
                    "ärendet."
                )
                % facts
            )
        notes = []
        if any(m.agreement_is_draft for m in matched):
            notes.append(
                _(
                    "Svaret bygger på ett förslag (utkast) som inte är antaget; "
                    "se regelns förklaring för varför det ändå visas."
                )
            )
        other_deciders = {m.deciding_body for m in matched if m.deciding_body} - {deciding}
        if other_deciders:
            notes.append(
                _("Även %(bodies)s beslutar enligt en annan matchande regel.")
                % {"bodies": _names(sorted(other_deciders, key=str))}
            )
        return RoutingAnswer(
            **common,
            handlers=handlers,
            deciding_body=deciding,
            rules=matched,
            in_force=True,
            message=message,
            notes=notes,
        )

    label = Principal(concerns).label.lower()
    if in_force:
        message = _(
            "Den %(day)s finns i %(county)s ingen regel för ”%(matter)s” när ärendet berör "
            "%(concerns)s."
        ) % {"county": place, "concerns": label, "matter": matter.name, "day": _day(on)}
        return RoutingAnswer(
            **common, handlers=[], deciding_body=None, rules=[], in_force=False, message=message
        )
    if not of_place:
        message = _("Registret har ingen hanteringsregel för ”%(matter)s” i %(county)s.") % {
            "matter": matter.name,
            "county": place,
        }
        return RoutingAnswer(
            **common, handlers=[], deciding_body=None, rules=[], in_force=False, message=message
        )

    # Rules exist but none applies on that day: say when they ended, or when they start.
    periods = [(r, *rule_validity(r)) for r in of_place]
    ended = [(end, r) for r, _start, end in periods if end is not None and end < on]
    starts = sorted(start for _r, start, _end in periods if start is not None and start > on)
    facts = {"matter": matter.name, "county": place, "day": _day(on)}
    if ended:
        end, last = max(ended, key=lambda pair: (pair[0], -pair[1].priority))
        agreement = last.clause.agreement
        renewal = agreement.renewal_body
        message = _(
            "Den %(day)s gäller ingen regel för ”%(matter)s” i %(county)s: reglerna kom från "
            "%(agreement)s, som gällde till och med %(end)s."
        ) % {**facts, "agreement": agreement, "end": _day(end)}
        if renewal:
            message += " " + _(
                "Därefter krävs ett nytt beslut i %(body)s om hur parterna ska arbeta vidare."
            ) % {"body": _short(renewal)}
        return RoutingAnswer(
            **common,
            handlers=[],
            deciding_body=None,
            rules=[],
            in_force=False,
            message=message,
            renewal_body=renewal,
            ended_agreement=agreement,
        )
    if starts:
        message = _(
            "Den %(day)s gäller ännu ingen regel för ”%(matter)s” i %(county)s; "
            "de första börjar gälla %(start)s."
        ) % {**facts, "start": _day(starts[0])}
    elif all(start is None for _r, start, _end in periods):
        message = (
            _(
                "Den %(day)s gäller ingen regel för ”%(matter)s” i %(county)s: "
                "reglerna kommer från ett utkast som inte har börjat gälla."
            )
            % facts
        )
    else:
        message = (
            _(
                "Den %(day)s gäller ingen regel för ”%(matter)s” i %(county)s: "
                "överenskommelsen som reglerna kommer från har ersatts."
            )
            % facts
        )
    return RoutingAnswer(
        **common, handlers=[], deciding_body=None, rules=[], in_force=False, message=message
    )


def resolve_routing(
    *, matter, concerns: str, county: County, on: dt.date | None = None
) -> RoutingAnswer:
    """Who handles ``matter`` concerning ``concerns`` in ``county`` on ``on`` (today), and why."""
    if concerns not in MATCHING_CONCERNS:
        raise ValueError(f"unknown concerns {concerns!r}")
    on = on or timezone.localdate()
    rules = _load(county_ids=[county.pk], matter_ids=[matter.pk])
    return _answer(rules, matter=matter, concerns=concerns, county=county, on=on)


# Initiatives -------------------------------------------------------------------


def _initiative_day(initiative, on: dt.date | None) -> dt.date:
    """The day to route an initiative on: given, else the end of its year (not after today)."""
    today = timezone.localdate()
    if on:
        return on
    if initiative.year:
        return min(dt.date(initiative.year, 12, 31), today)
    return today


def _initiative_answers(initiative, rules: list, on: dt.date | None) -> list[RoutingAnswer]:
    day = _initiative_day(initiative, on)
    concerns = initiative.concerns if initiative.concerns in MATCHING_CONCERNS else Principal.BOTH
    if initiative.county_id:
        counties = [initiative.county]
    else:
        # A national initiative reaches every county that has rules for its kind of matter.
        seen = {}
        for r in rules:
            if r.matter_id == initiative.matter_id:
                seen.setdefault(r.county_id, r.county)
        counties = sorted(seen.values(), key=lambda c: c.code) or [None]
    return [
        _answer(rules, matter=initiative.matter, concerns=concerns, county=c, on=day)
        for c in counties
    ]


def routing_for_initiative(initiative, on: dt.date | None = None) -> list[RoutingAnswer]:
    """Where ``initiative`` is routed: one answer per county it reaches.

    ``on`` defaults to the end of the initiative's year (or today), so an
    initiative of 2016 shows who handled it then. An initiative without a county
    is national: it gets an answer for every county with rules for its matter.
    """
    return routing_for_initiatives([initiative], on=on)[initiative.pk]


def routing_for_initiatives(initiatives: Iterable, on: dt.date | None = None) -> dict:
    """``routing_for_initiative`` for many initiatives, reading the rules once: {pk: answers}.

    The initiatives should have ``matter`` and ``county`` selected.
    """
    initiatives = list(initiatives)
    rules = _load(county_ids=None, matter_ids={i.matter_id for i in initiatives})
    return {i.pk: _initiative_answers(i, rules, on) for i in initiatives}


# Conflicts ---------------------------------------------------------------------


def find_conflicts(rule, handlers: Iterable | None = None) -> list:
    """Other rules with the same matter, concerns and county, overlapping validity and a
    different answer than ``rule`` would give with ``handlers``.

    ``handlers`` are the organisations (or their pks) the rule is being saved with.
    None means they are not known yet (a model's ``clean()`` runs before its
    many-to-many fields are saved): then only the deciding bodies are compared.
    """

    if not (rule.matter_id and rule.county_id and rule.concerns and rule.clause_id):
        return []
    mine = rule_validity(rule)
    pks = None if handlers is None else {getattr(h, "pk", h) for h in handlers}
    others = rules_queryset().filter(
        matter_id=rule.matter_id, county_id=rule.county_id, concerns=rule.concerns
    )
    if rule.pk:
        others = others.exclude(pk=rule.pk)
    conflicts = []
    for other in others.order_by("priority", "pk"):
        if not _overlaps(mine, rule_validity(other)):
            continue
        different = other.deciding_body_id != rule.deciding_body_id
        if pks is not None and {h.pk for h in other.handlers.all()} != pks:
            different = True
        if different:
            conflicts.append(other)
    return conflicts


def conflict_message(other) -> str:
    handlers = _names(list(other.handlers.all())) or _("ingen")
    deciding = _short(other.deciding_body) if other.deciding_body else _("inget")
    return _(
        "Regeln motsäger regeln ”%(other)s” (%(slug)s, från %(clause)s, %(validity)s): "
        "den anger hanteras av %(handlers)s och beslutande organ %(deciding)s. "
        "Ändra giltighetstiden eller svaret, eller ändra den andra regeln."
    ) % {
        "other": other,
        "slug": other.slug,
        "clause": other.clause,
        "validity": describe_validity(other),
        "handlers": handlers,
        "deciding": deciding,
    }


def find_repetition(rule):
    """Another rule from the same clause saying the same for the same matter, principals,
    county and days (deciding body and dates alike; handlers are compared by the caller)."""
    if not (rule.matter_id and rule.county_id and rule.concerns and rule.clause_id):
        return None
    same = rules_queryset().filter(
        matter_id=rule.matter_id,
        county_id=rule.county_id,
        concerns=rule.concerns,
        clause_id=rule.clause_id,
        deciding_body_id=rule.deciding_body_id,
        valid_from=rule.valid_from,
        valid_until=rule.valid_until,
    )
    if rule.pk:
        same = same.exclude(pk=rule.pk)
    return same.order_by("pk").first()


def check_conflicts(rule, handlers: Iterable | None = None) -> None:
    """Raise ``ValidationError`` naming the other rule if ``rule`` contradicts or repeats one.

    ``save_routing_rule`` calls it with the handlers being saved; ``RoutingRule.clean()``
    calls it without (so any ``full_clean`` refuses at least a different deciding body).
    A repetition is only told from a contradiction once the handlers are known; the
    database refuses it in any case (constraint ``routing_rule_not_repeated``).
    """
    conflicts = find_conflicts(rule, handlers)
    if conflicts:
        raise ValidationError([conflict_message(other) for other in conflicts], code="conflict")
    if handlers is not None and (repeated := find_repetition(rule)) is not None:
        raise ValidationError(
            _(
                "Regeln upprepar regeln ”%(other)s” (%(slug)s) från samma klausul; "
                "ändra den i stället för att lägga till en likadan."
            )
            % {"other": repeated, "slug": repeated.slug},
            code="repeated",
        )


def save_routing_rule(
    rule,
    handlers: Iterable | None = None,
    *,
    user=None,
    expected_version: int | None = None,
):
    """Validate ``rule`` with ``handlers`` and write both: how the admin, the API and the
    seed save a routing rule.

    In one transaction, under the routing rules' write lock (``lock_writes``, so two
    contradicting rules saved at once cannot both pass): ``user``'s write scope when a
    user is given (``scope.check_write``); the fields and dates (``full_clean``); no
    contradiction or repetition of another rule with these handlers
    (``check_conflicts``). Then the row is saved (only if still at ``expected_version``
    when one is given) and its handlers set. ``handlers`` None keeps the ones the rule
    has. Raises ``ValidationError``, ``scope.WriteRefused`` or ``StaleVersion`` and then
    writes nothing. Returns the rule.
    """
    from django.db import transaction

    from governance.core import scope
    from governance.core.concurrency import lock_writes, save_if_unchanged

    with transaction.atomic():
        lock_writes(type(rule))
        if user is not None:
            scope.check_write(user, rule)
        if handlers is None:
            handlers = rule.handlers.all() if rule.pk else []
        handlers = list(handlers)
        rule.full_clean()
        check_conflicts(rule, handlers)
        if rule.pk and expected_version is not None:
            save_if_unchanged(rule, expected_version=expected_version)
        else:
            rule.save()
        rule.handlers.set(handlers)
    return rule
