"""Routing rules are edited in the admin; a conflicting rule is refused as a form error."""

import pytest
from django.urls import reverse

from governance.routing.models import RoutingRule
from tests.admin.helpers import change_url, form_data
from tests.factories import routing

pytestmark = pytest.mark.django_db


@pytest.fixture
def vg():
    """Västra Götaland's declaration of intent in miniature, with its routing rules."""
    return routing.vg_declaration()


def test_conflicting_rule_is_refused_naming_the_other_rule(client, coordinator_vg, vg):
    existing = vg.municipalities
    client.force_login(coordinator_vg)
    url = reverse("admin:governance_routingrule_add")
    data = form_data(client.get(url), "routingrule_form")
    data.update(
        matter=str(vg.initiatives.pk),
        concerns="municipalities",
        county=str(vg.county.pk),
        handlers=[str(vg.koncernkontoret.pk)],
        clause=str(existing.clause_id),
        priority="5",
    )
    before = RoutingRule.objects.count()
    response = client.post(url, data)
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    assert RoutingRule.objects.count() == before
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert str(existing) in errors or existing.matter.name in errors


def test_coordinator_edits_a_rules_explanation(client, coordinator_vg, vg):
    rule = vg.municipalities
    client.force_login(coordinator_vg)
    data = form_data(client.get(change_url(rule)), "routingrule_form")
    data["explanation"] = "Förtydligad förklaring."
    response = client.post(change_url(rule), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    rule.refresh_from_db()
    assert rule.explanation == "Förtydligad förklaring."
    assert set(rule.handlers.all()) == {vg.vastkom}


def test_dalarna_coordinator_cannot_edit_vg_rules(client, coordinator_dalarna, vg):
    rule = vg.municipalities
    client.force_login(coordinator_dalarna)
    assert client.post(change_url(rule), {"explanation": "x"}).status_code == 403


def test_in_force_today_filter_follows_the_agreements_validity(client, superuser, vg):
    """The Västra Götaland rules carry no dates of their own: they lapse with the declaration
    of intent at the end of 2018, so today they are not in force."""
    routing.dalarna_proposal()  # rules of another county, with dates of their own
    vg_rules = set(
        RoutingRule.objects.filter(county__code="14", valid_until__isnull=True).values_list(
            "pk", flat=True
        )
    )
    assert vg_rules
    client.force_login(superuser)
    url = reverse("admin:governance_routingrule_changelist")

    in_force = {r.pk for r in client.get(url + "?in_force=yes").context["cl"].result_list}
    lapsed = {r.pk for r in client.get(url + "?in_force=no").context["cl"].result_list}

    assert not vg_rules & in_force
    assert vg_rules <= lapsed
    assert in_force | lapsed == set(RoutingRule.objects.values_list("pk", flat=True))


def test_a_clauses_rules_are_edited_on_the_clause_page_and_conflicts_are_refused(
    client, coordinator_vg, vg
):
    existing = vg.municipalities
    other_clause = existing.clause.agreement.clauses.exclude(pk=existing.clause_id).first()
    client.force_login(coordinator_vg)
    url = change_url(other_clause)
    data = form_data(client.get(url), "clause_form")
    n = int(data["routing_rules-TOTAL_FORMS"])
    data.update(
        {
            "routing_rules-TOTAL_FORMS": str(n + 1),
            f"routing_rules-{n}-matter": str(existing.matter_id),
            f"routing_rules-{n}-concerns": existing.concerns,
            f"routing_rules-{n}-county": str(existing.county_id),
            f"routing_rules-{n}-priority": "5",
            f"routing_rules-{n}-handlers": [str(vg.koncernkontoret.pk)],
        }
    )
    before = RoutingRule.objects.count()
    response = client.post(url, data)
    assert response.status_code == 200
    assert RoutingRule.objects.count() == before
    page = response.content.decode()
    assert existing.slug in page  # the error names the conflicting rule

    # The same rule with the same answer as the existing one is no conflict.
    data[f"routing_rules-{n}-handlers"] = [
        str(pk) for pk in existing.handlers.values_list("pk", flat=True)
    ]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert RoutingRule.objects.filter(clause=other_clause, matter=existing.matter).exists()


def test_the_agreement_form_lists_each_clauses_rules_with_a_link(client, coordinator_vg, vg):
    rule = vg.municipalities
    client.force_login(coordinator_vg)
    page = client.get(change_url(rule.clause.agreement)).content.decode()
    assert change_url(rule.clause) + "#routing_rules-group" in page
    assert "Ändra klausulens hanteringsregler" in page


def test_routing_rule_list_searches_by_agreement_and_links_the_clause(client, coordinator_vg, vg):
    rule = vg.municipalities
    client.force_login(coordinator_vg)
    url = reverse("admin:governance_routingrule_changelist")
    response = client.get(url, {"q": "Avsiktsförklaring VG 2016"})
    assert rule in response.context["cl"].result_list
    assert change_url(rule.clause) in response.content.decode()
