"""Editing parts together, and constraint violations shown as form errors (never a 500)."""

import pytest
from django.urls import reverse

from agreements.models import Agreement, AgreementKind
from bodies.models import Body, County, Organisation, Person
from funding.models import DistributionKey, DistributionShare
from tests.admin.helpers import change_url, form_data


def _add_agreement_data(client, **fields):
    data = form_data(client.get(reverse("admin:agreements_agreement_add")), "agreement_form")
    data.update(fields)
    return data


@pytest.mark.usefixtures("seed")
def test_agreement_is_created_with_parties_clauses_signatory_and_adoption(client, coordinator_vg):
    client.force_login(coordinator_vg)
    vg = County.objects.get(code="14")
    vgr, vastkom = Organisation.objects.get(slug="vgr"), Organisation.objects.get(slug="vastkom")
    person = Person.objects.create(name="Anna Andersson")
    lisa = Body.objects.get(slug="lisa")
    data = _add_agreement_data(
        client,
        title="Samverkansavtal om kunskapsstöd",
        kind=AgreementKind.COLLABORATION_AGREEMENT,
        county=str(vg.pk),
        valid_from="2019-01-01",
        valid_until="2020-12-31",
        **{
            "party_links-TOTAL_FORMS": "2",
            "party_links-0-order": "1",
            "party_links-0-organisation": str(vgr.pk),
            "party_links-0-role": "party",
            "party_links-1-order": "2",
            "party_links-1-organisation": str(vastkom.pk),
            "party_links-1-role": "party",
            "clauses-TOTAL_FORMS": "2",
            "clauses-0-order": "2",
            "clauses-0-text": "Andra punkten.",
            "clauses-1-order": "1",
            "clauses-1-text": "Första punkten.",
            "signatories-TOTAL_FORMS": "1",
            "signatories-0-order": "1",
            "signatories-0-person": str(person.pk),
            "signatories-0-title": "regiondirektör",
            "signatories-0-organisation": str(vgr.pk),
            "decisions-TOTAL_FORMS": "1",
            "decisions-0-kind": "adoption",
            "decisions-0-body": str(lisa.pk),
            "decisions-0-date": "2018-12-05",
            "decisions-0-summary": "LiSA antog avtalet.",
        },
    )
    response = client.post(reverse("admin:agreements_agreement_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    agreement = Agreement.objects.get(title="Samverkansavtal om kunskapsstöd")
    assert list(agreement.clauses.values_list("text", flat=True)) == [
        "Första punkten.",
        "Andra punkten.",
    ]
    assert set(agreement.parties.values_list("slug", flat=True)) == {"vgr", "vastkom"}
    assert agreement.signatories.get().person == person
    assert agreement.decisions.adoptions().get().body == lisa
    assert agreement.clauses.first().slug == f"{agreement.slug}-1"


def test_dates_in_the_wrong_order_are_a_form_error(client, superuser):
    client.force_login(superuser)
    data = _add_agreement_data(
        client,
        title="Baklänges",
        kind=AgreementKind.COLLABORATION_AGREEMENT,
        valid_from="2020-01-01",
        valid_until="2019-01-01",
    )
    response = client.post(reverse("admin:agreements_agreement_add"), data)
    assert response.status_code == 200
    assert "kan inte vara före" in response.content.decode()
    assert not Agreement.objects.filter(title="Baklänges").exists()


@pytest.mark.usefixtures("seed")
def test_duplicate_party_inline_is_a_form_error(client, superuser):
    agreement = Agreement.objects.get(slug="avsiktsforklaring-vg-2016")
    vgr = Organisation.objects.get(slug="vgr")
    client.force_login(superuser)
    data = form_data(client.get(change_url(agreement)), "agreement_form")
    n = int(data["party_links-TOTAL_FORMS"])
    data.update(
        {
            "party_links-TOTAL_FORMS": str(n + 1),
            f"party_links-{n}-organisation": str(vgr.pk),
            f"party_links-{n}-role": "party",
            f"party_links-{n}-order": "9",
        }
    )
    response = client.post(change_url(agreement), data)
    assert response.status_code == 200
    assert agreement.party_links.filter(organisation=vgr).count() == 1


@pytest.mark.usefixtures("seed")
def test_distribution_shares_not_summing_to_100_are_a_form_error(client, superuser):
    key = DistributionKey.objects.create(name="Testnyckel", basis="lika delar")
    a, b = Organisation.objects.get(slug="vgr"), Organisation.objects.get(slug="vastkom")
    DistributionShare.objects.create(key=key, organisation=a, weight=1, share_percent=50)
    DistributionShare.objects.create(key=key, organisation=b, weight=1, share_percent=50)
    client.force_login(superuser)
    data = form_data(client.get(change_url(key)), "distributionkey_form")
    first = next(k for k in data if k.startswith("shares-") and k.endswith("-share_percent"))
    data[first] = "40"
    response = client.post(change_url(key), data)
    assert response.status_code == 200
    assert "100 %" in response.content.decode()
    assert sorted(key.shares.values_list("share_percent", flat=True)) == [50, 50]
