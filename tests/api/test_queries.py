"""A list costs the same number of queries whatever the number of rows (no N+1)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.models import (
    Agreement,
    AgreementKind,
    AgreementParty,
    AgreementRelation,
    Clause,
    Decision,
    DecisionKind,
    RelationKind,
    Signatory,
)
from bodies.models import Body, BodyKind, BodyLevel, Identifier, IdentifierScheme, Person
from tests.api.conftest import RESOURCES

pytestmark = pytest.mark.django_db


def queries_for(client, path) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(ctx.captured_queries)


@pytest.mark.parametrize("resource", RESOURCES)
def test_a_full_page_costs_no_more_queries_than_a_page_of_one(anon, every_resource, resource):
    anon.get(f"/api/v1/{resource}/")  # warm up caches that are filled once per process
    one = queries_for(anon, f"/api/v1/{resource}/?page_size=1")
    many = queries_for(anon, f"/api/v1/{resource}/?page_size=200")
    assert many <= one, f"{resource}: {one} queries for one row, {many} for a full page"
    assert one <= 20


def add_agreements(n, records):
    for i in range(n):
        agreement = Agreement.objects.create(
            slug=f"api-extra-{i}",
            title=f"Extra {i}",
            kind=AgreementKind.COLLABORATION_AGREEMENT,
            county=records["org"].county,
            valid_from=dt.date(2020, 1, 1),
            renewal_body=records["parent_body"],
        )
        AgreementParty.objects.create(agreement=agreement, organisation=records["org"])
        AgreementParty.objects.create(agreement=agreement, organisation=records["other"], order=1)
        clause = Clause.objects.create(agreement=agreement, order=1, text="Text")
        clause.organisations.add(records["org"])
        clause.bodies.add(records["parent_body"])
        person = Person.objects.create(slug=f"api-signer-{i}", name=f"Signer {i}")
        Signatory.objects.create(
            agreement=agreement, person=person, title="Ordförande", organisation=records["org"]
        )
        Decision.objects.create(
            body=records["parent_body"],
            date=dt.date(2019, 12, 1 + i),
            kind=DecisionKind.ADOPTION,
            summary=f"Antog extra {i}",
            agreement=agreement,
        )
        AgreementRelation.objects.create(
            source=agreement, kind=RelationKind.BASED_ON, target=records["new"]
        )


def add_bodies(n, records):
    for i in range(n):
        body = Body.objects.create(
            slug=f"api-extra-body-{i}",
            name=f"Extra organ {i}",
            kind=BodyKind.NETWORK,
            level=BodyLevel.COUNTY,
            county=records["org"].county,
            parent=records["parent_body"],
            commissioned_by=records["parent_body"],
        )
        body.owners.add(records["org"], records["other"])
        body.responsibilities.create(order=1, text="Ansvar")
        Identifier.objects.create(body=body, scheme=IdentifierScheme.KOLADA, value=f"K{i}")


@pytest.mark.parametrize(
    ("path", "add"),
    [
        ("/api/v1/agreements/?page_size=200", add_agreements),
        ("/api/v1/bodies/?page_size=200", add_bodies),
    ],
)
def test_adding_rows_with_relations_adds_no_queries(
    anon, records, django_assert_max_num_queries, path, add
):
    anon.get(path)
    before = queries_for(anon, path)
    add(6, records)
    with django_assert_max_num_queries(before):
        response = anon.get(path)
    assert response.json()["count"] >= 6
