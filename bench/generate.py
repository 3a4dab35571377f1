"""Generate a large synthetic registry in a SEPARATE database for the load benchmark.

    .venv/bin/python bench/generate.py            # samverkansregistret_bench on the embedded server
    BENCH_DATABASE_URL=postgres://… .venv/bin/python bench/generate.py

Never touches the development database: the target database's name must contain
"bench". The database is dropped and created anew (``--keep`` reuses it if it
already holds a generated registry), migrated, loaded with the seed registry (so
the named records — lisa, sro, avsiktsforklaring-vg-2016 — exist), then filled
with bulk inserts: 21 counties, 290 municipalities, an organisation per
municipality and county, 2,000 bodies, 20,000 agreements with 5 clauses and 2
parties each, 100,000 decisions (one adoption per agreement) and renewal chains.
History triggers are held off during the bulk load (``session_replication_role``),
so the event tables stay small, and the agreements' status dates are worked out once
at the end; the API throttle's cache table is created.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BENCH_DB = "samverkansregistret_bench"
SIZES = {
    "municipalities": 290,
    "bodies": 2_000,
    "agreements": 20_000,
    "clauses_per_agreement": 5,
    "decisions": 100_000,
}


def bench_database_url() -> str:
    url = os.environ.get("BENCH_DATABASE_URL", "")
    if url:
        return url
    from governance.embedded_db import ensure_running

    host = ensure_running()["HOST"]
    return f"postgres://postgres@/{BENCH_DB}?host={host}"


def database_name(url: str) -> str:
    return urlparse(url).path.lstrip("/")


def _server_connection(url: str):
    import psycopg2

    parsed = urlparse(url)
    params = {"dbname": "postgres", "user": parsed.username or "postgres"}
    if parsed.password:
        params["password"] = parsed.password
    if parsed.hostname:
        params["host"] = parsed.hostname
        if parsed.port:
            params["port"] = parsed.port
    else:
        params["host"] = dict(p.split("=", 1) for p in parsed.query.split("&") if p)["host"]
    conn = psycopg2.connect(**params)
    conn.autocommit = True
    return conn


def recreate_database(url: str, keep: bool) -> bool:
    """Create the bench database; returns True when an existing one was kept."""
    name = database_name(url)
    conn = _server_connection(url)
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            exists = cursor.fetchone() is not None
            if exists and keep:
                return True
            if exists:
                cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        conn.close()
    return False


def seed_vocabulary() -> tuple[list[str], list[int]]:
    """The words of the seed registry's texts, each with how often the seed uses it.

    Drawn by those frequencies, the bench text reads like the registry: a common word such as
    "samverkan" is in a good share of the rows but not in every one, as in real data, so a
    search for it is as selective as it would be in production.
    """
    from django.apps import apps
    from django.db import models

    from governance.core.records import REGISTRY_APPS

    counts: Counter[str] = Counter()
    for label in REGISTRY_APPS:
        for model in apps.get_app_config(label).get_models():
            fields = [
                f.name for f in model._meta.concrete_fields if isinstance(f, models.TextField)
            ]
            if not fields:
                continue
            for row in model.objects.values_list(*fields):
                for text in row:
                    counts.update(re.findall(r"[a-zåäöé]{3,}", (text or "").lower()))
    assert counts, "the seed registry must be loaded first"
    vocabulary = sorted(counts)
    return vocabulary, [counts[word] for word in vocabulary]


class BenchText:
    """Sentences of seed words in seed frequencies, reproducible from the generator's seed."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.vocabulary, self.weights = seed_vocabulary()

    def __call__(self, n: int) -> str:
        return " ".join(self.rng.choices(self.vocabulary, weights=self.weights, k=n))


def generate(seed: int = 2026) -> dict[str, int]:
    from django.db import connection, transaction

    from agreements.models import (
        Agreement,
        AgreementKind,
        AgreementParty,
        AgreementRelation,
        Clause,
        Decision,
        DecisionKind,
        PartyRole,
        RelationKind,
        RenewalType,
    )
    from bodies.models import (
        Body,
        BodyKind,
        BodyLevel,
        County,
        Municipality,
        Organisation,
        OrganisationKind,
    )
    from governance.core.read_cache import note_change

    rng = random.Random(seed)
    words = BenchText(rng)
    batch = 5_000
    counts: dict[str, int] = {}

    with transaction.atomic():
        with connection.cursor() as cursor:
            # Bulk load without history triggers (and without FK triggers: the
            # generator only writes consistent keys). Needs a superuser.
            cursor.execute("SET LOCAL session_replication_role = replica")

        counties = list(County.objects.order_by("code"))
        assert len(counties) == 21, "the seed registry must be loaded first"

        # Municipalities: 290 in all, spread over the counties, codes "<county>NN".
        taken = set(Municipality.objects.values_list("code", flat=True))
        municipalities = []
        i = 0
        while len(municipalities) + len(taken) < SIZES["municipalities"]:
            county = counties[i % len(counties)]
            code = f"{county.code}{80 - i // len(counties):02d}"
            if code not in taken:
                municipalities.append(
                    Municipality(
                        code=code,
                        name=f"Bänkkommun {code}",
                        county=county,
                        slug=f"bench-kommun-{code}",
                    )
                )
            i += 1
        Municipality.objects.bulk_create(municipalities, batch_size=batch)
        counts["municipalities"] = Municipality.objects.count()

        # An organisation per municipality, and a region per county.
        orgs = [
            Organisation(
                name=f"{m.name} kommun",
                kind=OrganisationKind.MUNICIPALITY,
                county=m.county,
                slug=f"bench-org-{m.code}",
            )
            for m in Municipality.objects.select_related("county")
        ]
        orgs += [
            Organisation(
                name=f"Region {c.name}",
                kind=OrganisationKind.REGION,
                county=c,
                slug=f"bench-region-{c.code}",
            )
            for c in counties
        ]
        Organisation.objects.bulk_create(orgs, batch_size=batch)
        orgs_by_county: dict[int, list[int]] = {}
        region_of: dict[int, int] = {}
        for pk, county_id, slug in Organisation.objects.filter(
            slug__startswith="bench-"
        ).values_list("pk", "county_id", "slug"):
            if slug.startswith("bench-region-"):
                region_of[county_id] = pk
            else:
                orgs_by_county.setdefault(county_id, []).append(pk)
        counts["organisations"] = Organisation.objects.count()

        # Bodies: 2,000 in all; a tenth national, the rest in a county; some nested.
        existing = Body.objects.count()
        kinds = list(BodyKind.values)
        bodies = []
        for n in range(SIZES["bodies"] - existing):
            county = None if n % 10 == 0 else counties[n % len(counties)]
            bodies.append(
                Body(
                    name=f"Bänkorgan {n} {words(2)}",
                    short_name=f"BO{n}",
                    kind=kinds[n % len(kinds)],
                    level=BodyLevel.NATIONAL if county is None else BodyLevel.COUNTY,
                    county=county,
                    has_decision_mandate=n % 3 == 0,
                    mandate=words(30),
                    composition=words(15),
                    meetings_per_year=rng.choice([4, 6, 8, 10]),
                    summer_break=n % 2 == 0,
                    slug=f"bench-organ-{n}",
                )
            )
        Body.objects.bulk_create(bodies, batch_size=batch)
        body_rows = list(Body.objects.values_list("pk", "county_id"))
        bodies_by_county: dict[int | None, list[int]] = {}
        for pk, county_id in body_rows:
            bodies_by_county.setdefault(county_id, []).append(pk)
        # Every third county body gets its mandate from another body of the county.
        parents = []
        for pks in bodies_by_county.values():
            for k, pk in enumerate(pks[1:], start=1):
                if k % 3 == 0:
                    parents.append((pk, pks[k - 1]))
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE bodies_body SET parent_id = %s WHERE id = %s",
                [(parent, pk) for pk, parent in parents],
            )
        counts["bodies"] = Body.objects.count()

        # Agreements: 20,000, a twentieth national; valid 2010–2032.
        agreement_kinds = list(AgreementKind.values)
        agreements = []
        for n in range(SIZES["agreements"]):
            county = None if n % 20 == 0 else counties[n % len(counties)]
            start = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 20))
            end = None if n % 7 == 0 else start + dt.timedelta(days=rng.choice([365, 730, 1095]))
            county_bodies = bodies_by_county.get(county.pk if county else None) or [None]
            agreements.append(
                Agreement(
                    title=f"Överenskommelse {n} om {words(4)}",
                    short_name=f"Bänk {n}",
                    kind=agreement_kinds[n % len(agreement_kinds)],
                    reference_number=f"BENCH-{n:05d}",
                    county=county,
                    is_draft=n % 25 == 0,
                    valid_from=start,
                    valid_until=end,
                    renewal_type=RenewalType.EXPRESS if n % 2 else RenewalType.TACIT,
                    notice_period_days=rng.choice([0, 30, 90]),
                    renewal_body_id=rng.choice(county_bodies),
                    background=words(40),
                    purpose=words(60),
                    slug=f"bench-overenskommelse-{n}",
                )
            )
        Agreement.objects.bulk_create(agreements, batch_size=batch)
        agreement_rows = list(
            Agreement.objects.filter(slug__startswith="bench-")
            .order_by("pk")
            .values_list("pk", "county_id", "slug", "renewal_body_id", "valid_from")
        )
        counts["agreements"] = Agreement.objects.count()

        # Two parties each: the county's region and one of its municipalities.
        national_orgs = list(
            Organisation.objects.filter(county__isnull=True).values_list("pk", flat=True)
        )
        parties = []
        for pk, county_id, *_ in agreement_rows:
            if county_id is None:
                chosen = rng.sample(national_orgs, 2)
            else:
                chosen = [region_of[county_id], rng.choice(orgs_by_county[county_id])]
            for order, org in enumerate(chosen):
                parties.append(
                    AgreementParty(
                        agreement_id=pk, organisation_id=org, role=PartyRole.PARTY, order=order
                    )
                )
        AgreementParty.objects.bulk_create(parties, batch_size=batch)
        counts["parties"] = AgreementParty.objects.count()

        # Five clauses each: 100,000.
        clauses = [
            Clause(
                agreement_id=pk,
                order=order,
                heading=words(3).capitalize(),
                text=words(45),
                slug=f"{slug}-{order}",
            )
            for pk, _, slug, _, _ in agreement_rows
            for order in range(1, SIZES["clauses_per_agreement"] + 1)
        ]
        Clause.objects.bulk_create(clauses, batch_size=batch)
        del clauses
        counts["clauses"] = Clause.objects.count()

        # Decisions: one adoption per agreement, the rest other decisions of bodies.
        all_bodies = [pk for pk, _ in body_rows]
        decisions = []
        for pk, _county, slug, renewal_body, start in agreement_rows:
            decisions.append(
                Decision(
                    body_id=renewal_body or rng.choice(all_bodies),
                    date=start - dt.timedelta(days=rng.randrange(10, 90)),
                    kind=DecisionKind.ADOPTION,
                    summary=f"Antog {slug}: {words(12)}",
                    agreement_id=pk,
                    slug=f"bench-beslut-antagande-{pk}",
                )
            )
        other_kinds = [DecisionKind.FUNDING, DecisionKind.ORGANISATION, DecisionKind.OTHER]
        for n in range(SIZES["decisions"] - len(decisions) - Decision.objects.count()):
            day = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 20))
            decisions.append(
                Decision(
                    body_id=rng.choice(all_bodies),
                    date=day,
                    year=day.year,
                    kind=other_kinds[n % 3],
                    summary=words(20),
                    reference=f"§ {n % 200 + 1}",
                    slug=f"bench-beslut-{n}",
                )
            )
        for d in decisions:
            d.year = d.date.year
        Decision.objects.bulk_create(decisions, batch_size=batch)
        del decisions
        counts["decisions"] = Decision.objects.count()

        # Renewal chains: within a county, every fourth agreement renews the one before.
        relations = []
        previous: dict[int | None, int] = {}
        for k, (pk, county_id, *_) in enumerate(agreement_rows):
            if county_id in previous and k % 4 == 0:
                relations.append(
                    AgreementRelation(
                        source_id=pk, kind=RelationKind.RENEWS, target_id=previous[county_id]
                    )
                )
            previous[county_id] = pk
        AgreementRelation.objects.bulk_create(relations, batch_size=batch)
        counts["relations"] = AgreementRelation.objects.count()
        # The status dates' triggers were held off with the others: work them out once.
        Agreement.objects.all().refresh_status_dates()

    # The bulk load ran as a replica, past the triggers that move the registry's version.
    note_change()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="reuse an existing bench database")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    url = bench_database_url()
    name = database_name(url)
    if "bench" not in name:
        sys.exit(f"refusing to generate into {name!r}: the name must contain 'bench'")
    started = time.monotonic()
    kept = recreate_database(url, args.keep)

    os.environ["DATABASE_URL"] = url
    os.environ["DEBUG"] = "true"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "governance.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from agreements.models import Agreement

    if kept and Agreement.objects.filter(slug__startswith="bench-").exists():
        print(f"{name}: kept as it is ({Agreement.objects.count()} agreements)")
        return
    print(f"{name}: migrating …", flush=True)
    call_command("migrate", "--no-input", verbosity=0, skip_checks=True)
    call_command("createcachetable", verbosity=0)
    print(f"{name}: loading the seed registry …", flush=True)
    call_command("load_registry", verbosity=0, skip_checks=True)
    print(f"{name}: generating … ({time.monotonic() - started:.0f} s so far)", flush=True)
    counts = generate(args.seed)
    for key, value in counts.items():
        print(f"  {key:15} {value:>8}")
    print(f"{name}: done in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
