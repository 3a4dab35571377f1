"""Deleting a record that others refer to is refused, naming what refers to it."""

import pytest
from django.urls import reverse

from bodies.models import Body, Organisation, OrganisationKind
from governance.core.deletion import describe, referrers


@pytest.mark.usefixtures("seed")
def test_delete_of_a_referenced_body_is_refused_listing_the_referrers(client, superuser):
    lisa = Body.objects.get(slug="lisa")
    refs = referrers(lisa)
    assert refs, "LiSA is referred to by decisions and agreements in the seed data"
    client.force_login(superuser)
    response = client.get(reverse("admin:bodies_body_delete", args=[lisa.pk]), follow=True)
    html = response.content.decode()
    assert "kan inte tas bort" in html
    assert describe(refs)[0].split(":")[0] in html
    assert str(refs[0]) in html or str(refs[0])[:30] in html
    assert Body.objects.filter(pk=lisa.pk).exists()

    response = client.post(
        reverse("admin:bodies_body_delete", args=[lisa.pk]), {"post": "yes"}, follow=True
    )
    assert "kan inte tas bort" in response.content.decode()
    assert Body.objects.filter(pk=lisa.pk).exists()


@pytest.mark.usefixtures("seed")
def test_bulk_delete_of_a_referenced_record_is_refused(client, superuser):
    vgr = Organisation.objects.get(slug="vgr")
    client.force_login(superuser)
    response = client.post(
        reverse("admin:bodies_organisation_changelist"),
        {"action": "delete_selected", "_selected_action": [vgr.pk], "post": "yes"},
        follow=True,
    )
    assert "kan inte tas bort" in response.content.decode()
    assert Organisation.objects.filter(pk=vgr.pk).exists()


def test_unreferenced_record_is_deleted(client, superuser):
    org = Organisation.objects.create(name="Tillfällig", kind=OrganisationKind.OTHER)
    client.force_login(superuser)
    response = client.post(
        reverse("admin:bodies_organisation_delete", args=[org.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=org.pk).exists()
