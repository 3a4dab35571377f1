"""The funding page says once what holds for every row instead of repeating it on each."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from funding.models import Allocation, CofinancingShare, StateGrant

pytestmark = pytest.mark.usefixtures("seed")


def _page(client) -> str:
    return client.get(reverse("web:funding")).content.decode()


def test_one_agreement_behind_every_share_is_named_once_under_the_table(client):
    agreements = {s.agreement_id for s in CofinancingShare.objects.all()}
    assert len(agreements) == 1  # the seed: the 2013 national agreement sets all three years
    page = _page(client)
    shares = page.split('id="shares-heading"')[1].split("</section>")[0]
    assert "Fastställd i" in shares
    agreement = CofinancingShare.objects.select_related("agreement").first().agreement
    assert shares.count(f'href="{agreement.get_absolute_url()}"') == 1


def test_without_amounts_in_the_sources_there_is_no_column_of_dashes(client):
    assert not StateGrant.objects.filter(amount_sek__isnull=False).exists()
    assert not Allocation.objects.filter(amount_sek__isnull=False).exists()
    page = _page(client)
    assert "Belopp (kr)" not in page
    assert "Källorna anger inga belopp för statsbidragen." in page


def test_amounts_are_shown_where_the_sources_give_them(client):
    grant = StateGrant.objects.first()
    grant.amount_sek = 1_500_000
    grant.save()
    page = _page(client)
    grants = page.split('id="grants-heading"')[1].split("</section>")[0]
    assert "Belopp (kr)" in grants
    assert "Källorna anger inga belopp för statsbidragen." not in page


def test_the_share_chart_scales_to_its_column(client):
    page = _page(client)
    svg = re.search(r"<svg class=\"share-chart\"[^>]*>", page)[0]
    assert "viewBox" in svg and " width=" not in svg  # sized by CSS, not by a fixed pixel width
    width = float(re.search(r'viewBox="0 0 (\d+)', svg)[1])
    assert width >= 480
