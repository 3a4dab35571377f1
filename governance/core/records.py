"""What every public record of the registry has in common.

``RegistryRecord`` gives each row a stable ASCII slug, the source document it
was taken from, and a version counter with a modification time that the
database itself maintains (a trigger), so that optimistic locking (ETag /
If-Match, the admin's refusal of a stale save) and ``modified_since`` hold even
for writes that bypass ``save()``, such as ``QuerySet.update()``.
"""

from __future__ import annotations

import copy

import pgtrigger
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from governance.core.dates import validate_date
from governance.core.text import SingleLineFields

SLUG_MAX_LENGTH = 120
# The apps whose tables are the registry (and its history): groups' permissions, open
# data, the read cache's version triggers and the admin tests all mean these.
REGISTRY_APPS = ("bodies", "agreements", "funding", "governance", "documents")


def generated_fields(model: type[models.Model]) -> list[str]:
    """The model's columns PostgreSQL computes itself (``GeneratedField``)."""
    return [f.name for f in model._meta.concrete_fields if isinstance(f, models.GeneratedField)]


class AnyStoredChange(pgtrigger.AnyChange):
    """``AnyChange`` over the columns a write sets: PostgreSQL computes generated columns
    after the BEFORE triggers and refuses them in a BEFORE trigger's condition."""

    def resolve(self, model):
        condition = copy.copy(self)
        condition.exclude = [*self.exclude, *generated_fields(model)]
        return pgtrigger.AnyChange.resolve(condition, model)


class Basis(models.TextChoices):
    """Whether a value is what the source says, or what the registry worked out from it."""

    STATED = "stated", _("Angivet i källan")
    INFERRED = "inferred", _("Härlett")


def basis_field(verbose_name) -> models.CharField:
    """A field saying whether its neighbour is stated in the source or inferred."""
    return models.CharField(
        verbose_name, max_length=10, choices=Basis.choices, default=Basis.STATED
    )


def basis_note_field() -> models.TextField:
    return models.TextField(
        _("grund för härledda uppgifter"),
        blank=True,
        help_text=_("Varför ett härlett värde är satt som det är; visas för läsarna."),
    )


def unique_slug(model: type[models.Model], text: str, *, exclude_pk=None) -> str:
    """``slugify(text)``, with ``-2``, ``-3`` … appended only on collision."""
    base = slugify(text)[: SLUG_MAX_LENGTH - 6].strip("-") or model._meta.model_name
    taken = set(
        model._default_manager.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def bump_version(*, derived: tuple[str, ...] = ()) -> pgtrigger.Trigger:
    """The trigger that raises ``version`` on every change of a record's own fields;
    ``derived``: columns the database works out from other rows, whose change is not an
    edit of the record."""
    return pgtrigger.Trigger(
        name="bump_version",
        when=pgtrigger.Before,
        operation=pgtrigger.Update,
        condition=AnyStoredChange(exclude=["version", "modified_at", *derived]),
        func="NEW.version := OLD.version + 1; NEW.modified_at := now(); RETURN NEW;",
    )


class RegistryRecord(SingleLineFields, models.Model):
    slug = models.SlugField(
        _("kortnamn i adress"),
        max_length=SLUG_MAX_LENGTH,
        unique=True,
        blank=True,
        help_text=_("Stabil adress, t.ex. 'vastkom'. Lämna tomt för att skapa från namnet."),
    )
    source = models.ForeignKey(
        "governance.SourceDocument",
        verbose_name=_("källdokument"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # When the record was last confirmed; blank: as of its source document's date
    # (governance.core.known_as_of reads both).
    confirmed_on = models.DateField(
        _("senast bekräftad"),
        null=True,
        blank=True,
        validators=[validate_date],
        help_text=_("Tomt: uppgifterna gäller per källdokumentets datum."),
    )
    confirmed_source = models.ForeignKey(
        "governance.SourceDocument",
        verbose_name=_("bekräftad enligt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    modified_at = models.DateTimeField(_("ändrad"), auto_now=True, db_index=True)

    class Meta:
        abstract = True
        triggers = [bump_version()]

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(type(self), self.slug_text(), exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def slug_text(self) -> str:
        """The text the slug is made from: the short name when there is one."""
        return getattr(self, "short_name", "") or getattr(self, "name", "") or str(self)
