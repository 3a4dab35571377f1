"""What every import/export resource of the registry has in common.

An import is all or nothing: it runs in one transaction that is rolled back
when any row has an error or fails validation (``full_clean()``, so the model's
constraints are checked per row with a readable message). It obeys the same
rules as the admin: a coordinator may only import rows of the counties in
their scope, and a row that carries a ``version`` is refused when the record
has changed since it was exported.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from governance import scope
from governance.concurrency import StaleVersion, lock_unchanged, lock_writes


def slug_fk(column: str, model, attribute: str | None = None) -> fields.Field:
    """A foreign key written and read as the related record's slug."""
    return fields.Field(
        attribute=attribute or column,
        column_name=column,
        widget=widgets.ForeignKeyWidget(model, field="slug"),
    )


def county_fk(column: str = "county") -> fields.Field:
    """A county written and read as its SCB code ('14')."""
    from bodies.models import County

    return fields.Field(
        attribute=column, column_name=column, widget=widgets.ForeignKeyWidget(County, field="code")
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

    def before_import(self, dataset, **kwargs):
        # Inside the import's transaction, before any row is validated (see lock_writes).
        lock_writes(self._meta.model)
        return super().before_import(dataset, **kwargs)

    def get_instance(self, instance_loader, row):
        # A blank slug means a new record (the slug is then made from its name).
        if not (row.get("slug") or "").strip():
            return None
        return super().get_instance(instance_loader, row)

    def after_init_instance(self, instance, new, row, **kwargs):
        user = kwargs.get("user")
        if not new and user is not None and not scope.can_edit(user, instance):
            raise ValidationError(
                _("Du får inte ändra ”%(obj)s”: den hör till ett annat län.") % {"obj": instance}
            )

    def before_save_instance(self, instance, row, **kwargs):
        user = kwargs.get("user")
        if user is not None and not scope.can_edit(user, instance):
            raise ValidationError(
                _("Du får bara importera poster för de län du är samordnare för.")
            )
        expected = str(row.get("version") or "").strip()
        if instance.pk and expected:
            try:
                lock_unchanged(instance, expected_version=int(expected))
            except StaleVersion as exc:
                raise ValidationError(exc.message()) from exc
            except ValueError as exc:
                raise ValidationError(_("Ogiltig version: %(v)s") % {"v": expected}) from exc
