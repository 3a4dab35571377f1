"""manage.py load_registry: load the source documents' facts (idempotent)."""

from django.core.management.base import BaseCommand

from governance.seed.loader import load


class Command(BaseCommand):
    help = "Load the registry's seed data. Creates what is missing; never overwrites an edit."

    def handle(self, *args, **options):
        created = load()
        if options["verbosity"]:
            total = sum(created.values())
            detail = ", ".join(f"{name}: {n}" for name, n in created.items() if n)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Seed data loaded: {total} records created"
                    + (f" ({detail})" if detail else " (nothing missing)")
                )
            )
