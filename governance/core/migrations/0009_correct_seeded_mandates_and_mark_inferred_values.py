"""Correct registries loaded from the seed before mandates could be unknown and inferred
values were marked.

Only rows that still hold what the seed wrote are touched (``version`` 1: never changed
since they were created), so a coordinator's edit is never overwritten. A fresh
registry gets all of this from the seed itself.
"""

from django.db import migrations

SEED_SOURCES = [
    "avsiktsforklaring-vg-2016-text",
    "avsiktsforklaring-vg-2016-pdf",
    "skl-lansplaner-2014",
    "skl-broschyr-regionala-stodstrukturer",
    "dalarna-forslag-ny-organisation",
]
# The documents say these bodies decide (seed 002: Kalmar, Norrbotten; seed 004: Dalarna).
DECIDING = [
    "presidiekonferens-i-kalmar-lan",
    "samverkansberedningen-kommunerna-landstinget",
    "styrgruppen-for-chefsnatverket",
]
YEARLY = (
    "Datumen är härledda: källan talar om överenskommelsen för ett år, inte om dagar, så "
    "registret räknar den från 1 januari till 31 december det året."
)
PLAN_YEAR = (
    "Året är härlett: sammanställningen anger inte när planen beslutades, men planerna "
    "skulle tas fram under 2013 och alla län hade lämnat in sina planer i november 2013."
)
DALARNA_START = (
    "Startdatumet är härlett: förslaget anger inget datum. Registret räknar från "
    "2019-01-01, då förslaget beskriver organisationen som tar form med regionbildningen "
    "och rekryteringarna under 2019."
)
VG_START = (
    "Startdatumet är härlett: avsiktsförklaringen anger bara att den gäller t.o.m. "
    "utgången av 2018 och utgår från 2016 års överenskommelse; registret räknar den från "
    "1 januari 2016."
)
CONCERNS = "Registrets bedömning; källan säger inte vilka huvudmän satsningen berör."


def forwards(apps, schema_editor):
    Body = apps.get_model("bodies", "Body")
    Seat = apps.get_model("bodies", "Seat")
    Agreement = apps.get_model("agreements", "Agreement")
    Decision = apps.get_model("agreements", "Decision")
    RoutingRule = apps.get_model("governance", "RoutingRule")
    Initiative = apps.get_model("governance", "Initiative")

    seeded = {"source__slug__in": SEED_SOURCES, "version": 1}
    Body.objects.filter(slug__in=DECIDING, **seeded).update(has_decision_mandate=True)
    Body.objects.filter(has_decision_mandate=False, **seeded).update(has_decision_mandate=None)
    Seat.objects.filter(voting=True, **seeded).update(voting=None)
    Agreement.objects.filter(kind="national_agreement", **seeded).update(
        valid_from_basis="inferred", valid_until_basis="inferred", basis_note=YEARLY
    )
    Agreement.objects.filter(slug="avsiktsforklaring-vg-2016", **seeded).update(
        valid_from_basis="inferred", basis_note=VG_START
    )
    Decision.objects.filter(kind="plan_decision", date__isnull=True, **seeded).update(
        date_basis="inferred", basis_note=PLAN_YEAR
    )
    RoutingRule.objects.filter(county__code="20", valid_from__isnull=False, **seeded).update(
        valid_from_basis="inferred", basis_note=DALARNA_START
    )
    Initiative.objects.filter(**seeded).update(concerns_basis="inferred", basis_note=CONCERNS)


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0008_known_as_of_statements_named_roles_search"),
        ("agreements", "0009_known_as_of_and_inferred_dates"),
        ("bodies", "0007_known_as_of_and_unknown_mandate_and_vote"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
