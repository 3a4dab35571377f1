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

VG = "avsiktsforklaring-vg-2016"
VG13 = "avsiktsforklaring-vg-2013"


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
@pytest.mark.usefixtures("seed")
def test_bulk_update_setting_valid_until_before_valid_from_is_refused():
    assert refused_by_database(
        lambda: Agreement.objects.filter(slug=VG).update(valid_until=dt.date(2015, 12, 31))
    )
    assert Agreement.objects.get(slug=VG).valid_until == dt.date(2018, 12, 31)


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_saving_an_agreement_that_ends_before_it_starts_is_refused():
    agreement = Agreement.objects.get(slug=VG)
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
    assert not refused_by_database(
        lambda: Agreement.objects.filter(slug=VG).update(
            valid_from=dt.date(2018, 12, 31), valid_until=dt.date(2018, 12, 31)
        )
    )


# --- co-financing shares between 0 and 100 -------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("percent", ["100.01", "-1", "250"])
@pytest.mark.usefixtures("seed")
def test_cofinancing_share_outside_0_to_100_is_refused(percent):
    assert refused_by_database(
        lambda: CofinancingShare.objects.filter(year=2014).update(
            principals_share_percent=Decimal(percent)
        )
    )


@pytest.mark.django_db
@pytest.mark.parametrize("percent", ["0", "100"])
def test_cofinancing_share_at_the_bounds_is_accepted(percent):
    assert not refused_by_database(
        lambda: CofinancingShare.objects.filter(year=2014).update(
            principals_share_percent=Decimal(percent)
        )
    )


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_state_pays_what_the_principals_do_not():
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


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model, slug",
    [
        (Organisation, "vgr"),  # party, owner, parent of Koncernkontoret
        (Organisation, "vastkom"),
        (Body, "sro"),  # renewal body of the 2016 declaration
        (Body, "chefsnatverket"),  # parent of the steering group
        (Agreement, "overenskommelse-ebp-2016"),  # the VG declaration is based on it
        (Agreement, VG13),  # replaced by the 2016 declaration, adopted by decisions
    ],
)
@pytest.mark.usefixtures("seed")
def test_deleting_a_referenced_record_is_refused_not_cascaded(model, slug):
    obj = model.objects.get(slug=slug)
    with pytest.raises(ProtectedError):
        obj.delete()
    assert model.objects.filter(slug=slug).exists()


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_database_refuses_a_raw_delete_of_a_referenced_organisation():
    def raw_delete():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM bodies_organisation WHERE slug = %s", ["koncernkontoret"])

    assert refused_by_database(raw_delete)


# --- SCB codes -------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_municipality_code_is_unique():
    dalarna = County.objects.get(code="20")
    Municipality.objects.create(code="2080", name="Falun", county=dalarna)
    assert refused_by_database(
        lambda: Municipality.objects.create(code="2080", name="Falun igen", county=dalarna)
    )


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_county_code_is_unique():
    assert refused_by_database(lambda: County.objects.create(code="20", name="Ett annat län"))


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["208", "20800", "2O80"])
@pytest.mark.usefixtures("seed")
def test_municipality_code_must_be_four_digits(code):
    dalarna = County.objects.get(code="20")
    assert refused_by_database(
        lambda: Municipality.objects.create(code=code, name="Fel", county=dalarna)
    )


# --- no cycles in mandates or lineage ------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_body_cannot_get_its_mandate_from_its_own_descendant():
    network = Body.objects.get(slug="chefsnatverket")
    network.parent = Body.objects.get(slug="arbetsgrupper-dalarna")
    with pytest.raises(ValidationError) as error:
        network.full_clean()
    assert "kan inte få mandat från sig självt" in str(error.value.message_dict["parent"])


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_database_refuses_a_body_that_is_its_own_parent():
    network = Body.objects.get(slug="chefsnatverket")
    assert refused_by_database(lambda: Body.objects.filter(pk=network.pk).update(parent=network.pk))


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_agreement_cannot_become_its_own_predecessor_through_its_successor():
    relation = AgreementRelation(
        source=Agreement.objects.get(slug=VG13),
        kind=RelationKind.REPLACES,
        target=Agreement.objects.get(slug=VG),
    )
    with pytest.raises(ValidationError, match="kan inte vara sin egen föregångare"):
        relation.full_clean()


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_database_refuses_an_agreement_related_to_itself():
    vg = Agreement.objects.get(slug=VG)
    assert refused_by_database(
        lambda: AgreementRelation.objects.create(source=vg, kind=RelationKind.RENEWS, target=vg)
    )


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_based_on_a_framework_is_not_a_cycle():
    relation = AgreementRelation(
        source=Agreement.objects.get(slug="overenskommelse-2013"),
        kind=RelationKind.BASED_ON,
        target=Agreement.objects.get(slug="overenskommelse-2011"),
    )
    relation.full_clean()


# --- status as of a date ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "slug, day, status",
    [
        (VG, dt.date(2015, 12, 31), AgreementStatus.UPCOMING),
        (VG, dt.date(2016, 1, 1), AgreementStatus.IN_FORCE),
        (VG, dt.date(2017, 6, 1), AgreementStatus.IN_FORCE),
        (VG, dt.date(2018, 12, 31), AgreementStatus.IN_FORCE),
        (VG, dt.date(2019, 1, 1), AgreementStatus.EXPIRED),
        (VG13, dt.date(2014, 6, 1), AgreementStatus.IN_FORCE),
        (VG13, dt.date(2016, 6, 1), AgreementStatus.SUPERSEDED),
        ("organisationsforslag-dalarna-2019", dt.date(2019, 6, 1), AgreementStatus.DRAFT),
        ("overenskommelse-ebp-2016", dt.date(2017, 1, 1), AgreementStatus.EXPIRED),
    ],
)
@pytest.mark.usefixtures("seed")
def test_agreement_status_on_a_date(slug, day, status):
    agreement = Agreement.objects.get(slug=slug)
    assert agreement.status_on(day) == status
    assert Agreement.objects.with_status(status, day).filter(slug=slug).exists()


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_in_force_on_lists_the_2016_declaration_but_not_its_predecessor():
    in_force = set(
        Agreement.objects.in_force_on(dt.date(2017, 6, 1)).values_list("slug", flat=True)
    )
    assert VG in in_force
    assert VG13 not in in_force
    assert "organisationsforslag-dalarna-2019" not in in_force


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_a_draft_successor_does_not_supersede():
    draft = Agreement.objects.create(
        title="Utkast till ny avsiktsförklaring",
        kind=AgreementKind.DECLARATION_OF_INTENT,
        is_draft=True,
        valid_from=dt.date(2019, 1, 1),
    )
    AgreementRelation.objects.create(
        source=draft, kind=RelationKind.REPLACES, target=Agreement.objects.get(slug=VG)
    )
    assert Agreement.objects.get(slug=VG).status_on(dt.date(2018, 6, 1)) == (
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
@pytest.mark.usefixtures("seed")
def test_slug_is_made_from_short_name_with_numeric_suffix_on_collision():
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
@pytest.mark.usefixtures("seed")
def test_slug_stays_stable_when_the_name_changes():
    lisa = Body.objects.get(slug="lisa")
    lisa.short_name = "LiSA-gruppen"
    lisa.save()
    lisa.refresh_from_db()
    assert lisa.slug == "lisa"


@pytest.mark.django_db
def test_name_without_letters_gets_the_model_name_as_slug():
    org = Organisation.objects.create(name="—", kind="other")
    assert org.slug == "organisation"
