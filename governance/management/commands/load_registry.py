"""manage.py load_registry: load the source documents' facts (idempotent)."""

from django.core.management.base import BaseCommand, CommandError

from governance.seed.loader import SeedError, load


class Command(BaseCommand):
    help = (
        "Load the registry's seed data (governance/seed/data/). Creates what is missing; "
        "never overwrites an edit."
    )

    def handle(self, *args, **options):
        try:
            created = load()
        except SeedError as error:
            raise CommandError(f"Seed data not loaded, nothing was saved: {error}") from error
        if options["verbosity"]:
            total = sum(created.values())
            detail = ", ".join(f"{name}: {n}" for name, n in created.items() if n)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Seed data loaded: {total} records created"
                    + (f" ({detail})" if detail else " (nothing missing)")
                )
            )
