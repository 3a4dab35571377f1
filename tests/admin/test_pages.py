"""Every registered model has a changelist, an add form and a change form that render."""

import pytest
from django.contrib import admin
from django.urls import reverse

from governance.core.records import REGISTRY_APPS

REGISTRY_MODELS = [
    model for model in admin.site._registry if model._meta.app_label in REGISTRY_APPS
]


def _url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_registry_model_is_in_the_admin():
    from django.apps import apps

    models = [m for app in REGISTRY_APPS for m in apps.get_app_config(app).get_models()]
    # Many-to-many link tables are edited through the form of the record they belong to.
    through = {f.remote_field.through for m in models for f in m._meta.many_to_many}
    not_records = {"governance.RegistryVersion"}  # the read cache's version row
    missing = [
        m._meta.label
        for m in models
        if not m._meta.label.endswith("Event")
        and m._meta.label not in not_records
        and m not in through
        and m._meta.concrete_model not in through
        and m not in admin.site._registry
    ]
    assert missing == []


@pytest.mark.parametrize("model", REGISTRY_MODELS, ids=lambda m: m._meta.label)
def test_changelist_add_and_change_forms_render_for_a_superuser(client, superuser, model):
    client.force_login(superuser)
    assert client.get(_url(model, "changelist")).status_code == 200
    # Written by workers and file replacement only, never added by hand.
    if model._meta.model_name not in {"webhookdelivery", "documentversion", "documentpage"}:
        assert client.get(_url(model, "add")).status_code == 200
    obj = model._default_manager.first()
    if obj is not None:
        assert client.get(_url(model, "change", obj.pk)).status_code == 200
        assert client.get(_url(model, "history", obj.pk)).status_code == 200


@pytest.mark.parametrize("model", REGISTRY_MODELS, ids=lambda m: m._meta.label)
def test_changelists_render_for_a_coordinator(client, coordinator_dalarna, model):
    client.force_login(coordinator_dalarna)
    superuser_only = {"coordinatorscope", "webhooksubscription", "webhookdelivery"}
    expected = 403 if model._meta.model_name in superuser_only else 200
    assert client.get(_url(model, "changelist")).status_code == expected


@pytest.mark.usefixtures("seed")
def test_agreement_changelist_is_in_swedish_with_status_and_filters(client, superuser):
    client.force_login(superuser)
    from agreements.models import Agreement

    response = client.get(_url(Agreement, "changelist"))
    html = response.content.decode()
    for text in (
        "status i dag",
        "löper ut",
        "inom 6 månader",
        "gäller under år",
        "Registrera efterföljare",
    ):
        assert text in html


@pytest.mark.usefixtures("seed")
def test_agreement_changelist_query_count_does_not_grow_with_rows(
    client, superuser, django_assert_max_num_queries
):
    from agreements.models import Agreement

    client.force_login(superuser)
    assert Agreement.objects.count() >= 5
    with django_assert_max_num_queries(20):
        assert client.get(_url(Agreement, "changelist")).status_code == 200


@pytest.mark.parametrize(
    "query",
    ["status=in_force", "status=expired", "status=draft", "expiring=6m", "year=2016", "q=avsikt"],
)
def test_agreement_filters_answer(client, superuser, query):
    from agreements.models import Agreement

    client.force_login(superuser)
    assert client.get(_url(Agreement, "changelist") + "?" + query).status_code == 200


@pytest.mark.usefixtures("seed")
def test_body_filters_by_kind_level_county(client, superuser):
    from bodies.models import Body

    client.force_login(superuser)
    response = client.get(_url(Body, "changelist") + "?kind__exact=political&level__exact=county")
    assert response.status_code == 200
    assert "SRO" in response.content.decode() or "samråd" in response.content.decode().lower()


@pytest.mark.usefixtures("seed")
def test_change_form_links_to_the_objects_history_and_public_page(client, coordinator_vg):
    from agreements.models import Agreement

    agreement = Agreement.objects.get(slug="avsiktsforklaring-vg-2016")
    client.force_login(coordinator_vg)
    html = client.get(_url(Agreement, "change", agreement.pk)).content.decode()
    assert _url(Agreement, "history", agreement.pk) in html
    assert "viewsitelink" in html
    assert 'class="events-admin"' not in html


@pytest.mark.usefixtures("seed")
def test_body_changelist_for_a_coordinator_uses_a_bounded_number_of_queries(
    client, coordinator_dalarna, django_assert_max_num_queries
):
    from bodies.models import Body

    client.force_login(coordinator_dalarna)
    with django_assert_max_num_queries(25):
        response = client.get(_url(Body, "changelist"))
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) >= 5
