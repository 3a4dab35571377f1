"""Routing rules are edited in the admin; a conflicting rule is refused as a form error."""

from django.urls import reverse

from bodies.models import County, Organisation
from governance.models import Matter, RoutingRule
from tests.admin.helpers import change_url, form_data


def _seeded_vg_rule():
    return RoutingRule.objects.get(
        county__code="14", matter__slug="nationell-satsning", concerns="municipalities"
    )


def test_conflicting_rule_is_refused_naming_the_other_rule(client, coordinator_vg):
    existing = _seeded_vg_rule()
    client.force_login(coordinator_vg)
    url = reverse("admin:governance_routingrule_add")
    data = form_data(client.get(url), "routingrule_form")
    data.update(
        matter=str(Matter.objects.get(slug="nationell-satsning").pk),
        concerns="municipalities",
        county=str(County.objects.get(code="14").pk),
        handlers=[str(Organisation.objects.get(slug="koncernkontoret").pk)],
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


def test_coordinator_edits_a_rules_explanation(client, coordinator_vg):
    rule = _seeded_vg_rule()
    client.force_login(coordinator_vg)
    data = form_data(client.get(change_url(rule)), "routingrule_form")
    data["explanation"] = "Förtydligad förklaring."
    response = client.post(change_url(rule), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    rule.refresh_from_db()
    assert rule.explanation == "Förtydligad förklaring."
    assert set(rule.handlers.values_list("slug", flat=True)) == {"vastkom"}


def test_dalarna_coordinator_cannot_edit_vg_rules(client, coordinator_dalarna):
    rule = _seeded_vg_rule()
    client.force_login(coordinator_dalarna)
    assert client.post(change_url(rule), {"explanation": "x"}).status_code == 403


def test_in_force_today_filter_follows_the_agreements_validity(client, superuser):
    """The Västra Götaland rules carry no dates of their own: they lapse with the declaration
    of intent at the end of 2018, so today they are not in force."""
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
