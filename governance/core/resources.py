"""What every import/export resource of the registry has in common.

An import is all or nothing: it runs in one transaction that is rolled back
when any row has an error or fails validation (``full_clean()``, so the model's
constraints are checked per row with a readable message). It obeys the same
rules as the admin: every row it saves or deletes passes ``scope.check_write``
(the coordinator's county scope over the row and what it links to), and a row
that carries a ``version`` is refused when the record has changed since it was
exported.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from governance.core import scope
from governance.core.concurrency import StaleVersion, lock_unchanged, lock_writes
from governance.core.spreadsheets import neutralise, restore


def slug_fk(column: str, model, attribute: str | None = None) -> fields.Field:
    """A foreign key written and read as the related record's slug."""
    return fields.Field(
        attribute=attribute or column,
        column_name=column,
        widget=widgets.ForeignKeyWidget(model, field="slug"),
    )


class RegistryResource(resources.ModelResource):
    """Base resource: slug as the key, transactions, validation, scope and version checks."""

    version = fields.Field(attribute="version", column_name="version", readonly=True)

    class Meta:
        import_id_fields = ["slug"]
        use_transactions = True
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def import_data(self, dataset, **kwargs):
        # Never half-apply: one transaction, rolled back on any error or invalid row.
        kwargs["use_transactions"] = True
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, **kwargs)

    def export_field(self, field, instance, **kwargs):
        return neutralise(super().export_field(field, instance, **kwargs))

    def before_import_row(self, row, **kwargs):
        # Undo what export did, so an exported file comes back unchanged.
        for column, value in list(row.items()):
            row[column] = restore(value)
        super().before_import_row(row, **kwargs)

    def before_import(self, dataset, **kwargs):
        # Inside the import's transaction, before any row is validated (see lock_writes).
        lock_writes(self._meta.model)
        return super().before_import(dataset, **kwargs)

    def get_instance(self, instance_loader, row):
        # A blank slug means a new record (the slug is then made from its name).
        if not (row.get("slug") or "").strip():
            return None
        return super().get_instance(instance_loader, row)

    def _check_write(self, instance, *, delete=False, **kwargs):
        user = kwargs.get("user")
        message = scope.refusal(user, instance, delete=delete) if user is not None else None
        if message:
            raise ValidationError(f"{instance}: {message}")

    def before_save_instance(self, instance, row, **kwargs):
        self._check_write(instance, **kwargs)
        expected = str(row.get("version") or "").strip()
        if instance.pk and expected:
            try:
                lock_unchanged(instance, expected_version=int(expected))
            except StaleVersion as exc:
                raise ValidationError(exc.message()) from exc
            except ValueError as exc:
                raise ValidationError(_("Ogiltig version: %(v)s") % {"v": expected}) from exc

    def before_delete_instance(self, instance, row, **kwargs):
        self._check_write(instance, delete=True, **kwargs)
