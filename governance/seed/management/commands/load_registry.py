"""manage.py load_registry: load the source documents' facts (idempotent)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from governance.seed.loader import DATA_DIR, SeedError, load


class Command(BaseCommand):
    help = "Load the registry's seed data files. Creates what is missing; never overwrites an edit."

    def add_arguments(self, parser):
        parser.add_argument(
            "--data",
            type=Path,
            default=DATA_DIR,
            help="the directory of the data files (default: governance/seed/data)",
        )

    def handle(self, *args, **options):
        if not options["data"].is_dir():
            raise CommandError(f"No directory {options['data']}")
        try:
            created = load(options["data"])
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
