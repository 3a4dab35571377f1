"""manage.py generate_chair_terms: dated chair and vice-chair terms from a body's rotation rule."""

from __future__ import annotations

import datetime as dt

import pghistory
from django.core.management.base import BaseCommand, CommandError

from bodies.models import Body, ChairRotationRule
from bodies.services import NoRotationRule, generate_chair_terms


class Command(BaseCommand):
    help = (
        "Generate the chair and vice-chair terms of bodies from their rotation rules. "
        "Idempotent; terms edited by hand are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "bodies", nargs="*", help="Body slugs (default: every body with a rotation rule)."
        )
        parser.add_argument("--years", type=int, default=5, help="How many years (default 5).")
        parser.add_argument(
            "--start", help="First day, YYYY-MM-DD (default: the rule's first term)."
        )

    def handle(self, *args, **options):
        start = None
        if options["start"]:
            try:
                start = dt.date.fromisoformat(options["start"])
            except ValueError:
                raise CommandError(
                    f"--start ska vara ett datum ÅÅÅÅ-MM-DD, inte {options['start']!r}."
                ) from None
        if options["years"] < 1:
            raise CommandError("--years måste vara minst 1.")
        slugs = options["bodies"]
        if slugs:
            bodies = list(Body.objects.filter(slug__in=slugs))
            missing = sorted(set(slugs) - {b.slug for b in bodies})
            if missing:
                raise CommandError(f"Det finns inget organ med kortnamnet {', '.join(missing)}.")
        else:
            bodies = [r.body for r in ChairRotationRule.objects.select_related("body")]
        with pghistory.context(source="generate_chair_terms"):
            for body in bodies:
                try:
                    result = generate_chair_terms(body, years=options["years"], start=start)
                except NoRotationRule as error:
                    raise CommandError(str(error)) from None
                self.stdout.write(
                    f"{body.slug}: {len(result.terms)} perioder "
                    f"({len(result.created)} nya, {len(result.updated)} ändrade, "
                    f"{len(result.kept)} handredigerade behållna, {result.removed} borttagna)"
                )
