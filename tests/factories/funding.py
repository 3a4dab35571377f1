"""State grants, allocations, co-financing, distribution keys and funded positions."""

from __future__ import annotations

import itertools
from decimal import Decimal

from django.db import transaction

from funding.models import (
    Allocation,
    CofinancingShare,
    DistributionKey,
    DistributionShare,
    FundedPosition,
    StateGrant,
    compute_shares,
)
from tests.factories.bodies import county, organisation

_n = itertools.count(1)


def state_grant(year: int = 2016, **fields) -> StateGrant:
    fields.setdefault("title", f"Teststatsbidrag {next(_n)}")
    return StateGrant.objects.create(year=year, **fields)


def allocation(year: int = 2016, **fields) -> Allocation:
    """An allocation to a county (14 unless a county, organisation or sub-region is given)."""
    fields.setdefault("purpose", "Regional stödstruktur")
    if not any(fields.get(f) for f in ("county", "organisation", "sub_region")):
        fields["county"] = county("14")
    return Allocation.objects.create(year=year, **fields)


def cofinancing_share(year: int = 2016, percent=50, **fields) -> CofinancingShare:
    return CofinancingShare.objects.create(
        year=year, principals_share_percent=Decimal(percent), **fields
    )


def distribution_key(weights: dict | None = None, **fields) -> DistributionKey:
    """A key with a share per organisation in ``weights`` (organisation → weight; default:
    two new organisations, 3 and 1), the shares computed to sum to 100 %."""
    fields.setdefault("name", f"Testnyckel {next(_n)}")
    if weights is None:
        weights = {organisation(): Decimal(3), organisation(): Decimal(1)}
    # The shares of a key must sum to 100 % when the transaction commits.
    with transaction.atomic():
        key = DistributionKey.objects.create(**fields)
        for org, share in compute_shares(weights).items():
            DistributionShare.objects.create(
                key=key, organisation=org, weight=weights[org], share_percent=share
            )
    return key


def funded_position(host=None, **fields) -> FundedPosition:
    fields.setdefault("title", f"Testtjänst {next(_n)}")
    fields.setdefault("count", 1)
    return FundedPosition.objects.create(host=host or organisation(), **fields)
