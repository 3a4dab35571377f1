"""'Skapa efterföljare': a draft with the same parties and clauses, linked to its predecessor."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from agreements.models import Agreement, RelationKind
from agreements.services import create_successor


def test_action_creates_a_draft_successor_with_same_parties_and_clauses(client, coordinator_vg):
    vg = Agreement.objects.get(slug="avsiktsforklaring-vg-2016")
    client.force_login(coordinator_vg)
    response = client.post(
        reverse("admin:agreements_agreement_changelist"),
        {"action": "make_successor", "_selected_action": [vg.pk]},
    )
    assert response.status_code == 302
    successor = Agreement.objects.get(outgoing_relations__target=vg)
    assert response["Location"] == reverse("admin:agreements_agreement_change", args=[successor.pk])
    assert successor.is_draft
    assert successor.county_id == vg.county_id
    assert successor.predecessor == vg
    assert successor.outgoing_relations.get().kind == RelationKind.REPLACES
    assert sorted(successor.parties.values_list("slug", flat=True)) == sorted(
        vg.parties.values_list("slug", flat=True)
    )
    assert list(successor.clauses.values_list("order", "text")) == list(
        vg.clauses.values_list("order", "text")
    )
    # A draft does not supersede the agreement it will replace.
    vg.refresh_from_db()
    assert vg.status_on(vg.valid_from) == "in_force"


def test_renewal_links_as_renews_and_a_second_draft_is_refused(superuser):
    vg = Agreement.objects.get(slug="avsiktsforklaring-vg-2016")
    draft = create_successor(vg, kind=RelationKind.RENEWS, by=superuser)
    assert draft.outgoing_relations.get().kind == RelationKind.RENEWS
    with pytest.raises(ValidationError):
        create_successor(vg, by=superuser)


def test_coordinator_of_another_county_cannot_create_a_successor(client, coordinator_dalarna):
    vg = Agreement.objects.get(slug="avsiktsforklaring-vg-2016")
    with pytest.raises(PermissionDenied):
        create_successor(vg, by=coordinator_dalarna)
    client.force_login(coordinator_dalarna)
    client.post(
        reverse("admin:agreements_agreement_changelist"),
        {"action": "make_successor", "_selected_action": [vg.pk]},
    )
    assert not Agreement.objects.filter(outgoing_relations__target=vg, is_draft=True).exists()
