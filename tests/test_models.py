"""The data model's invariants hold in the database, whatever writes the row; derived status
and slugs follow their rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, connection, transaction
from django.db.models import ProtectedError
from django.utils.text import slugify

from agreements.models import (
    Agreement,
    AgreementKind,
    AgreementRelation,
    AgreementStatus,
    RelationKind,
)
from bodies.models import Body, BodyKind, BodyLevel, County, Municipality, Organisation
from funding.models import CofinancingShare, DistributionKey, DistributionShare, compute_shares
from tests.factories import agreements, bodies, funding, routing


def _declaration():
    """An agreement valid 2016–2018 (like Västra Götaland's declaration of intent)."""
    return agreements.agreement(start=dt.date(2016, 1, 1), end=dt.date(2018, 12, 31))


def refused_by_database(write):
    """Run ``write`` in a savepoint and report whether PostgreSQL refused it."""
    try:
        with transaction.atomic():
            write()
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    except (IntegrityError, DataError):
        return True
    return False


# --- valid-until not before valid-from ----------------------------------------------------


@pytest.mark.django_db
def test_bulk_update_setting_valid_until_before_valid_from_is_refused():
    vg = _declaration()
    assert refused_by_database(
        lambda: Agreement.objects.filter(pk=vg.pk).update(valid_until=dt.date(2015, 12, 31))
    )
    assert Agreement.objects.get(pk=vg.pk).valid_until == dt.date(2018, 12, 31)


@pytest.mark.django_db
def test_saving_an_agreement_that_ends_before_it_starts_is_refused():
    agreement = _declaration()
    agreement.valid_from = dt.date(2019, 1, 1)
    assert refused_by_database(agreement.save)


@pytest.mark.django_db
def test_full_clean_explains_valid_until_before_valid_from():
    agreement = Agreement(
        title="Testavtal",
        kind=AgreementKind.COLLABORATION_AGREEMENT,
        valid_from=dt.date(2020, 1, 1),
        valid_until=dt.date(2019, 12, 31),
    )
    with pytest.raises(ValidationError, match="kan inte vara före 'gäller från'"):
        agreement.full_clean()


@pytest.mark.django_db
def test_an_agreement_ending_the_day_it_starts_is_accepted():
    vg = _declaration()
    assert not refused_by_database(
        lambda: Agreement.objects.filter(pk=vg.pk).update(
            valid_from=dt.date(2018, 12, 31), valid_until=dt.date(2018, 12, 31)
        )
    )
    vg.refresh_from_db()
    assert (vg.valid_from, vg.valid_until) == (dt.date(2018, 12, 31), dt.date(2018, 12, 31))


# --- co-financing shares between 0 and 100 -------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("percent", ["100.01", "-1", "250"])
def test_cofinancing_share_outside_0_to_100_is_refused(percent):
    funding.cofinancing_share(year=2014, percent=25)
    assert refused_by_database(
        lambda: CofinancingShare.objects.filter(year=2014).update(
            principals_share_percent=Decimal(percent)
        )
    )


@pytest.mark.django_db
@pytest.mark.parametrize("percent", ["0", "100"])
def test_cofinancing_share_at_the_bounds_is_accepted(percent):
    funding.cofinancing_share(year=2014, percent=25)
    assert not refused_by_database(
        lambda: CofinancingShare.objects.filter(year=2014).update(
            principals_share_percent=Decimal(percent)
        )
    )
    assert CofinancingShare.objects.get(year=2014).principals_share_percent == Decimal(percent)


@pytest.mark.django_db
def test_state_pays_what_the_principals_do_not():
    funding.cofinancing_share(year=2014, percent=25)
    assert CofinancingShare.objects.get(year=2014).state_share_percent == Decimal("75")


# --- distribution keys sum to 100 % when the transaction commits ----------------------------------


def _key_with_two_principals():
    a = Organisation.objects.create(name="Kommun A", kind="municipality")
    b = Organisation.objects.create(name="Region B", kind="region")
    return DistributionKey.objects.create(name="Testnyckel"), a, b


@pytest.mark.django_db(transaction=True)
def test_distribution_shares_not_summing_to_100_are_refused_at_commit():
    key, a, b = _key_with_two_principals()
    with pytest.raises(IntegrityError, match="not 100"), transaction.atomic():
        DistributionShare.objects.create(key=key, organisation=a, weight=60, share_percent=60)
        DistributionShare.objects.create(key=key, organisation=b, weight=30, share_percent=30)
    assert not DistributionShare.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_distribution_shares_may_be_edited_together_and_commit_at_100():
    key, a, b = _key_with_two_principals()
    shares = compute_shares({a: Decimal(3), b: Decimal(1)})
    with transaction.atomic():
        for org, share in shares.items():
            DistributionShare.objects.create(
                key=key, organisation=org, weight=1, share_percent=share
            )
    # Moving ten points from one principal to the other passes through 85 % mid-transaction.
    with transaction.atomic():
        DistributionShare.objects.filter(organisation=a).update(share_percent=Decimal("65"))
        DistributionShare.objects.filter(organisation=b).update(share_percent=Decimal("35"))
    assert sorted(key.shares.values_list("share_percent", flat=True)) == [
        Decimal("35"),
        Decimal("65"),
    ]

    with pytest.raises(IntegrityError), transaction.atomic():
        DistributionShare.objects.filter(organisation=b).delete()
    assert key.shares.count() == 2


def test_computed_shares_sum_to_exactly_100():
    shares = compute_shares({"a": Decimal(1), "b": Decimal(1), "c": Decimal(1)})
    assert sum(shares.values()) == Decimal(100)
    with pytest.raises(ValueError):
        compute_shares({"a": Decimal(0)})


# --- PROTECT: referenced rows cannot be deleted ------------------------------------------------------


def _party_owner_and_parent():
    """An organisation like Västra Götalandsregionen: party, owner and parent."""
    org = bodies.organisation()
    agreements.party(of=agreements.agreement(), org=org)
    bodies.body(owners=[org])
    bodies.organisation(kind="department", parent=org)
    return org


def _party_and_handler():
    """An organisation like VästKom: party and handler of a routing rule."""
    org = bodies.organisation(kind="municipal_federation")
    agreements.party(of=agreements.agreement(), org=org)
    routing.routing_rule(handlers=[org])
    return org


def _renewal_body():
    """A body like SRO: the renewal body of a declaration."""
    sro = bodies.body(kind=BodyKind.POLITICAL)
    agreements.agreement(renewal_body=sro)
    return sro


def _mandate_of_another_body():
    """A body like Dalarna's heads' network: its steering group has its mandate from it."""
    network = bodies.body(kind=BodyKind.NETWORK)
    bodies.body(parent=network)
    return network


def _framework():
    """An agreement like the national agreement of 2016: a declaration is based on it."""
    framework = agreements.agreement(kind=AgreementKind.NATIONAL_AGREEMENT)
    agreements.relation(_declaration(), RelationKind.BASED_ON, framework)
    return framework


def _replaced_and_adopted():
    """An agreement like the declaration of 2013: replaced by a later one, adopted by a body."""
    old = agreements.agreement(start=dt.date(2014, 1, 1), end=dt.date(2015, 12, 31))
    agreements.relation(_declaration(), RelationKind.REPLACES, old)
    agreements.adoption(old, bodies.body())
    return old


@pytest.mark.django_db
@pytest.mark.parametrize(
    "referenced",
    [
        _party_owner_and_parent,
        _party_and_handler,
        _renewal_body,
        _mandate_of_another_body,
        _framework,
        _replaced_and_adopted,
    ],
)
def test_deleting_a_referenced_record_is_refused_not_cascaded(referenced):
    obj = referenced()
    model = type(obj)
    with pytest.raises(ProtectedError):
        obj.delete()
    assert model.objects.filter(pk=obj.pk).exists()


@pytest.mark.django_db
def test_database_refuses_a_raw_delete_of_a_referenced_organisation():
    # Like Koncernkontoret: a handler of routing rules, a link the ORM would cascade.
    handler = bodies.organisation(kind="department")
    routing.routing_rule(handlers=[handler])

    def raw_delete():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM bodies_organisation WHERE id = %s", [handler.pk])

    assert refused_by_database(raw_delete)
    assert Organisation.objects.filter(pk=handler.pk).exists()


# --- SCB codes -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_municipality_code_is_unique():
    dalarna = bodies.county("20")
    Municipality.objects.create(code="2080", name="Falun", county=dalarna)
    assert refused_by_database(
        lambda: Municipality.objects.create(code="2080", name="Falun igen", county=dalarna)
    )


@pytest.mark.django_db
def test_county_code_is_unique():
    bodies.county("20")
    assert refused_by_database(lambda: County.objects.create(code="20", name="Ett annat län"))


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["208", "20800", "2O80"])
def test_municipality_code_must_be_four_digits(code):
    dalarna = bodies.county("20")
    assert refused_by_database(
        lambda: Municipality.objects.create(code=code, name="Fel", county=dalarna)
    )


# --- no cycles in mandates or lineage ------------------------------------------------------------------


@pytest.mark.django_db
def test_body_cannot_get_its_mandate_from_its_own_descendant():
    network = bodies.body("Chefsnätverket", kind=BodyKind.NETWORK)
    steering = bodies.body("Styrgruppen", parent=network)
    working_groups = bodies.body("Arbetsgrupper", kind=BodyKind.WORKING_GROUP, parent=steering)
    network.parent = working_groups
    with pytest.raises(ValidationError) as error:
        network.full_clean()
    assert "kan inte få mandat från sig självt" in str(error.value.message_dict["parent"])


@pytest.mark.django_db
def test_database_refuses_a_body_that_is_its_own_parent():
    network = bodies.body(kind=BodyKind.NETWORK)
    assert refused_by_database(lambda: Body.objects.filter(pk=network.pk).update(parent=network.pk))


@pytest.mark.django_db
def test_agreement_cannot_become_its_own_predecessor_through_its_successor():
    vg, vg13 = _declaration(), agreements.agreement(start=dt.date(2014, 1, 1))
    agreements.relation(vg, RelationKind.REPLACES, vg13)
    relation = AgreementRelation(source=vg13, kind=RelationKind.REPLACES, target=vg)
    with pytest.raises(ValidationError, match="kan inte vara sin egen föregångare"):
        relation.full_clean()


@pytest.mark.django_db
def test_database_refuses_an_agreement_related_to_itself():
    vg = _declaration()
    assert refused_by_database(
        lambda: AgreementRelation.objects.create(source=vg, kind=RelationKind.RENEWS, target=vg)
    )


@pytest.mark.django_db
def test_based_on_a_framework_is_not_a_cycle():
    national = AgreementKind.NATIONAL_AGREEMENT
    of_2010, of_2011, of_2013 = (agreements.agreement(kind=national) for _ in range(3))
    agreements.relation(of_2011, RelationKind.BASED_ON, of_2010)
    relation = AgreementRelation(source=of_2013, kind=RelationKind.BASED_ON, target=of_2011)
    relation.full_clean()


# --- status as of a date ---------------------------------------------------------------------------------


@pytest.fixture
def lineage():
    """Agreements like the seed's: Västra Götaland's declaration of 2016 (2016–2018) replacing
    that of 2013 (2014–2015), Dalarna's draft proposal, and the national agreement of 2016."""
    vg, vg13 = (
        _declaration(),
        agreements.agreement(start=dt.date(2014, 1, 1), end=dt.date(2015, 12, 31)),
    )
    agreements.relation(vg, RelationKind.REPLACES, vg13)
    return {
        "vg": vg,
        "vg13": vg13,
        "draft": agreements.agreement(
            start=None, kind=AgreementKind.ORGANISATION_PROPOSAL, is_draft=True
        ),
        "ebp-2016": agreements.agreement(
            kind=AgreementKind.NATIONAL_AGREEMENT, end=dt.date(2016, 12, 31)
        ),
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, day, status",
    [
        ("vg", dt.date(2015, 12, 31), AgreementStatus.UPCOMING),
        ("vg", dt.date(2016, 1, 1), AgreementStatus.IN_FORCE),
        ("vg", dt.date(2017, 6, 1), AgreementStatus.IN_FORCE),
        ("vg", dt.date(2018, 12, 31), AgreementStatus.IN_FORCE),
        ("vg", dt.date(2019, 1, 1), AgreementStatus.EXPIRED),
        ("vg13", dt.date(2014, 6, 1), AgreementStatus.IN_FORCE),
        ("vg13", dt.date(2016, 6, 1), AgreementStatus.SUPERSEDED),
        ("draft", dt.date(2019, 6, 1), AgreementStatus.DRAFT),
        ("ebp-2016", dt.date(2017, 1, 1), AgreementStatus.EXPIRED),
    ],
)
def test_agreement_status_on_a_date(lineage, name, day, status):
    agreement = Agreement.objects.get(pk=lineage[name].pk)
    assert agreement.status_on(day) == status
    assert Agreement.objects.with_status(status, day).filter(pk=agreement.pk).exists()


@pytest.mark.django_db
def test_in_force_on_lists_the_2016_declaration_but_not_its_predecessor(lineage):
    in_force = set(Agreement.objects.in_force_on(dt.date(2017, 6, 1)))
    assert lineage["vg"] in in_force
    assert lineage["vg13"] not in in_force
    assert lineage["draft"] not in in_force


@pytest.mark.django_db
def test_a_draft_successor_does_not_supersede():
    vg = _declaration()
    draft = Agreement.objects.create(
        title="Utkast till ny avsiktsförklaring",
        kind=AgreementKind.DECLARATION_OF_INTENT,
        is_draft=True,
        valid_from=dt.date(2019, 1, 1),
    )
    AgreementRelation.objects.create(source=draft, kind=RelationKind.REPLACES, target=vg)
    assert Agreement.objects.get(pk=vg.pk).status_on(dt.date(2018, 6, 1)) == (
        AgreementStatus.IN_FORCE
    )


# --- slugs ----------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model, slug",
    [
        (Organisation, "vastkom"),
        (Organisation, "vgr"),
        (Organisation, "koncernkontoret"),
        (Body, "lisa"),
        (Body, "sro"),
        (Body, "chefsnatverket"),
        (Body, "valfardsradet"),
        (Body, "nsk-s"),
    ],
)
@pytest.mark.usefixtures("seed")
def test_seeded_slug_is_slugified_short_name_or_name(model, slug):
    obj = model.objects.get(slug=slug)
    assert slugify(obj.short_name or obj.name) == slug


@pytest.mark.django_db
def test_slug_is_made_from_short_name_with_numeric_suffix_on_collision():
    seeded = bodies.organisation("Västkom", short_name="VästKom", kind="other")
    assert seeded.slug == "vastkom"
    first = Organisation.objects.create(
        name="Västsvenska kommunalförbundens samorganisation", short_name="VästKom", kind="other"
    )
    second = Organisation.objects.create(name="Ännu en", short_name="VästKom", kind="other")
    assert (first.slug, second.slug) == ("vastkom-2", "vastkom-3")


@pytest.mark.django_db
def test_slug_falls_back_to_name_and_is_ascii():
    body = Body.objects.create(
        name="Välfärdsrådet i Östergötland", kind=BodyKind.POLITICAL, level=BodyLevel.COUNTY
    )
    assert body.slug == "valfardsradet-i-ostergotland"
    assert body.slug.isascii()


@pytest.mark.django_db
def test_slug_stays_stable_when_the_name_changes():
    lisa = bodies.body("Ledning i samverkan", short_name="LiSA")
    assert lisa.slug == "lisa"
    lisa.short_name = "LiSA-gruppen"
    lisa.save()
    lisa.refresh_from_db()
    assert lisa.slug == "lisa"


@pytest.mark.django_db
def test_name_without_letters_gets_the_model_name_as_slug():
    org = Organisation.objects.create(name="—", kind="other")
    assert org.slug == "organisation"
