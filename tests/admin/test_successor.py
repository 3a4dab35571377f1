"""'Registrera efterföljare': one form, prefilled, previewed, written only when saved."""

import datetime as dt

import pytest
from django.urls import reverse

from agreements.models import Agreement, AgreementRelation, Clause, RelationKind
from governance.core import scope
from governance.routing.models import RoutingRule
from governance.routing.services import resolve_routing
from governance.routing.successor import SuccessorPlan, register_successor
from tests.admin.helpers import form_data
from tests.factories import agreements, bodies, routing

pytestmark = pytest.mark.django_db


@pytest.fixture
def made():
    """Västra Götaland's declaration of intent of 2016 in miniature (its routing rules in
    clauses 2, 3, 4 and 6), named and worded as the document is where a successor reads it:
    a title without a year, a short name with it, two parties, and a first clause that
    speaks of "under år 2016"."""
    made = routing.vg_declaration()
    vg = made.declaration
    vg.title = "Regionala samverkans- och stödstrukturer för gemensam kunskapsutveckling"
    vg.short_name = "Avsiktsförklaring VG 2016"
    vg.save()
    first = made.clauses[1]
    first.text = "att under år 2016 på länsnivå utveckla en gemensam struktur"
    first.save()
    agreements.party(vg, made.vastkom)
    agreements.party(vg, bodies.organisation("Västra Götalandsregionen", in_county=made.county))
    return made


@pytest.fixture
def vg(made):
    return Agreement.objects.get(pk=made.declaration.pk)


def _url(agreement, kind=None):
    url = reverse("admin:agreements_agreement_successor", args=[agreement.pk])
    return f"{url}?kind={kind}" if kind else url


def _counts():
    return (
        Agreement.objects.count(),
        Clause.objects.count(),
        RoutingRule.objects.count(),
        AgreementRelation.objects.count(),
    )


def _plan(vg, **changes):
    values = {
        "kind": RelationKind.REPLACES,
        "title": "Avsiktsförklaring för 2019–2021",
        "short_name": "Avsiktsförklaring VG 2019",
        "agreement_kind": vg.kind,
        "valid_from": dt.date(2019, 1, 1),
        "valid_until": dt.date(2021, 12, 31),
    }
    values.update(changes)
    return SuccessorPlan(**values)


def test_the_form_is_prefilled_from_the_predecessor_moved_to_the_next_period(
    client, coordinator_vg, vg
):
    client.force_login(coordinator_vg)
    response = client.get(_url(vg, RelationKind.RENEWS))
    assert response.status_code == 200
    data = form_data(response, "successor_form")
    assert data["title"] == vg.title
    assert data["short_name"] == "Avsiktsförklaring VG 2019"
    assert data["agreement_kind"] == vg.kind
    assert (data["valid_from"], data["valid_until"]) == ("2019-01-01", "2021-12-31")
    assert data["kind"] == RelationKind.RENEWS
    assert data["parties"] == data["clauses"] == data["routing_rules"] == "on"
    page = response.content.decode()
    # Each choice explained in one sentence.
    assert "Ersätter: en ny överenskommelse tar över" in page
    assert "Förnyar: samma samarbete fortsätter" in page


def test_change_form_and_action_lead_to_the_form(client, coordinator_vg, vg):
    client.force_login(coordinator_vg)
    change = client.get(reverse("admin:agreements_agreement_change", args=[vg.pk]))
    assert _url(vg) in change.content.decode()
    response = client.post(
        reverse("admin:agreements_agreement_changelist"),
        {"action": "open_successor_form", "_selected_action": [vg.pk]},
    )
    assert response.status_code == 302
    assert response["Location"] == _url(vg)


def test_an_abandoned_successor_leaves_nothing_behind(client, coordinator_vg, vg):
    before = _counts()
    client.force_login(coordinator_vg)
    data = form_data(client.get(_url(vg)), "successor_form")
    data["_preview"] = "1"
    preview = client.post(_url(vg), data)
    assert preview.status_code == 200
    page = preview.content.decode()
    assert 'id="successor-preview"' in page
    # The miniature has clauses 1, 2, 3, 4 and 6.
    assert "5 klausuler" in page and "hanteringsregler" in page
    # The first clause speaks of "under år 2016": flagged for review.
    assert "§1 (2016)" in page
    # The coordinator walks away: nothing was written.
    assert _counts() == before
    # … and the next attempt is not blocked.
    data["_save"] = "1"
    assert client.post(_url(vg), data).status_code == 302


def test_saved_successor_carries_parties_clauses_and_rules_into_the_new_period(
    client, coordinator_vg, made, vg
):
    client.force_login(coordinator_vg)
    data = form_data(client.get(_url(vg)), "successor_form")
    data.update(_save="1", title="Avsiktsförklaring för 2019–2022", valid_until="2022-12-31")
    response = client.post(_url(vg), data, follow=True)
    assert response.status_code == 200
    new = Agreement.objects.get(outgoing_relations__target=vg)
    assert new.title == "Avsiktsförklaring för 2019–2022"
    assert new.slug == "avsiktsforklaring-vg-2019"
    assert not new.is_draft
    assert new.outgoing_relations.get().kind == RelationKind.REPLACES
    assert set(new.parties.values_list("pk", flat=True)) == set(
        vg.parties.values_list("pk", flat=True)
    )
    assert list(new.clauses.values_list("order", "text")) == list(
        vg.clauses.values_list("order", "text")
    )
    old_rules = RoutingRule.objects.filter(clause__agreement=vg)
    new_rules = RoutingRule.objects.filter(clause__agreement=new)
    assert new_rules.count() == old_rules.count() > 0
    messages = [str(m) for m in response.context["messages"]]
    assert any(f"{old_rules.count()} hanteringsregler" in m for m in messages), messages
    assert any("§1 (2016)" in m for m in messages), messages

    # The resolver answers for 2019 from the new agreement's rules.
    answer = resolve_routing(
        matter=made.initiatives,
        concerns="municipalities",
        county=made.county,
        on=dt.date(2019, 6, 1),
    )
    assert answer.in_force
    assert {m.agreement.pk for m in answer.rules} == {new.pk}
    vg.refresh_from_db()
    assert vg.status_on(dt.date(2019, 6, 1)) == "superseded"


def test_only_what_is_chosen_is_copied(superuser, vg):
    result = register_successor(vg, _plan(vg, parties=False, routing_rules=False), by=superuser)
    new = result.agreement
    assert new.party_links.count() == 0
    assert new.clauses.count() == vg.clauses.count()
    assert not RoutingRule.objects.filter(clause__agreement=new).exists()


def test_a_rule_with_its_own_dates_is_moved_to_the_new_period(superuser, vg):
    rule = RoutingRule.objects.filter(clause__agreement=vg).first()
    RoutingRule.objects.filter(pk=rule.pk).update(
        valid_from=dt.date(2016, 3, 1), valid_until=dt.date(2018, 12, 31)
    )
    new = register_successor(vg, _plan(vg), by=superuser).agreement
    moved = RoutingRule.objects.get(
        clause__agreement=new, matter=rule.matter, concerns=rule.concerns
    )
    assert moved.valid_from == dt.date(2019, 3, 1)
    assert moved.valid_until == dt.date(2021, 12, 31)


def test_coordinator_of_another_county_is_refused_and_nothing_is_written(
    client, coordinator_dalarna, vg
):
    before = _counts()
    with pytest.raises(scope.WriteRefused):
        register_successor(vg, _plan(vg), by=coordinator_dalarna)
    client.force_login(coordinator_dalarna)
    data = form_data(client.get(_url(vg)), "successor_form")
    data["_save"] = "1"
    response = client.post(_url(vg), data)
    assert response.status_code == 200
    assert "Du saknar behörighet" in response.content.decode()
    assert _counts() == before


def test_a_change_to_the_predecessor_since_the_form_was_loaded_is_refused(
    client, coordinator_vg, vg
):
    client.force_login(coordinator_vg)
    data = form_data(client.get(_url(vg)), "successor_form")
    Agreement.objects.filter(pk=vg.pk).update(purpose="Ändrat under tiden.")
    before = _counts()
    data["_save"] = "1"
    response = client.post(_url(vg), data)
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    assert _counts() == before


def test_bad_dates_are_form_errors(client, coordinator_vg, vg):
    client.force_login(coordinator_vg)
    data = form_data(client.get(_url(vg)), "successor_form")
    data.update(_preview="1", valid_from="2022-01-01", valid_until="2019-12-31")
    response = client.post(_url(vg), data)
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    data.update(valid_from="inte ett datum")
    assert client.post(_url(vg), data).status_code == 200


def test_a_second_draft_successor_is_refused(superuser, vg):
    register_successor(vg, _plan(vg, is_draft=True), by=superuser)
    with pytest.raises(Exception, match="utkast till efterföljare"):
        register_successor(vg, _plan(vg, is_draft=True, short_name="Annan"), by=superuser)
