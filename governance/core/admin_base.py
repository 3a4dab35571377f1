"""What every registry admin has in common.

The admin writes through the project's shared rules, never around them:

* county scope: ``governance.core.scope`` decides which rows a coordinator may
  change or delete; the others are shown read-only;
* no lost update: the change form carries the version it was loaded at in a
  hidden field; the row is locked and compared before it is saved
  (``governance.core.concurrency``), and a stale save is refused with the changes
  made in between; a form of a model whose rules span rows (hierarchies, routing
  rules) takes that model's write lock before it validates;
* refused deletes: ``governance.core.deletion`` lists what refers to a record;
* constraint violations (model validation, database constraints and triggers)
  come back as form errors, never as a server error;
* history: every change is recorded by database triggers (django-pghistory);
  the admin's "Historik" shows who changed what and when, with revert.
"""

from __future__ import annotations

from django import forms
from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import quote, unquote
from django.contrib.admin.views.main import ChangeList
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, OperationalError, connection, models, transaction
from django.db.models import Exists, OuterRef
from django.db.models.deletion import ProtectedError, RestrictedError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX

from governance.core import scope
from governance.core.concurrency import (
    StaleVersion,
    is_write_collision,
    lock_unchanged,
    lock_writes,
    write_collision_message,
)
from governance.core.dates import EARLIEST_YEAR, LATEST_YEAR
from governance.core.deletion import describe, referrers

VERSION_FIELD = "version"
# Bookkeeping columns that a person did not change; left out of history diffs.
HISTORY_SKIP = {"version", "modified_at", "created_at"}


# Readable errors ---------------------------------------------------------------


def _constraints_by_name() -> dict[str, tuple[type[models.Model], models.BaseConstraint]]:
    return {c.name: (model, c) for model in apps.get_models() for c in model._meta.constraints}


def readable_error(exc: Exception) -> str:
    """A sentence a coordinator understands for an error raised while saving."""
    if isinstance(exc, StaleVersion):
        return exc.message()
    if isinstance(exc, scope.WriteRefused):
        return exc.message
    if is_write_collision(exc):
        return write_collision_message()
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    if isinstance(exc, ProtectedError | RestrictedError):
        objs = list(getattr(exc, "protected_objects", None) or exc.restricted_objects)
        return gettext("Kan inte tas bort eftersom andra poster hänvisar till den: %(refs)s.") % {
            "refs": "; ".join(describe(objs))
        }
    cause = getattr(exc, "__cause__", None)
    diag = getattr(cause, "diag", None)
    name = getattr(diag, "constraint_name", None)
    if name:
        found = _constraints_by_name().get(name)
        if found:
            model, constraint = found
            if isinstance(constraint, models.UniqueConstraint) and constraint.fields:
                labels = ", ".join(
                    str(model._meta.get_field(f).verbose_name) for f in constraint.fields
                )
                return gettext("Det finns redan en %(model)s med samma %(fields)s.") % {
                    "model": model._meta.verbose_name,
                    "fields": labels,
                }
            custom = constraint.violation_error_message
            if custom and custom != constraint.default_violation_error_message:
                return str(constraint.get_violation_error_message())
        return gettext("Uppgifterna bryter mot databasens regel ”%(name)s”.") % {"name": name}
    text = str(getattr(diag, "message_primary", None) or exc)
    if "shares sum to" in text:
        return gettext("Andelarna i en fördelningsnyckel ska tillsammans bli 100 %.")
    return gettext("Ändringen kunde inte sparas: %(error)s") % {"error": text}


# Forms --------------------------------------------------------------------------


def _has_version(model) -> bool:
    return any(f.name == VERSION_FIELD for f in model._meta.concrete_fields)


class RegistryModelForm(forms.ModelForm):
    """A change form that knows its request: refuses stale saves and out-of-scope records."""

    # Set per request by ``RegistryAdmin.get_form``.
    request = None
    # Inline forms are only saved when changed; the main form always is.
    check_unchanged_only_if_changed = False

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and _has_version(type(self.instance)):
            self.fields[VERSION_FIELD].initial = self.instance.version

    def full_clean(self):
        # Before any field is read: what the rules then compare with (another body's
        # parent, another routing rule) is what was committed before this save.
        if self.is_bound and (self.instance.pk or self.has_changed()):
            lock_writes(type(self.instance))
        super().full_clean()

    def clean(self):
        cleaned = super().clean()
        error = getattr(self.request, "_registry_save_error", None)
        if error and not self.check_unchanged_only_if_changed:
            raise ValidationError(error, code="save_failed")
        expected = cleaned.get(VERSION_FIELD)
        if (
            self.instance.pk
            and expected is not None
            and _has_version(type(self.instance))
            and (self.has_changed() or not self.check_unchanged_only_if_changed)
        ):
            try:
                lock_unchanged(self.instance, expected_version=expected)
            except StaleVersion as exc:
                raise ValidationError(exc.message(), code="stale") from exc
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        user = getattr(self.request, "user", None)
        if user is None:
            return
        # An inline row the person left alone is not written, so not checked.
        if self.check_unchanged_only_if_changed and self.instance.pk and not self.has_changed():
            return
        message = scope.refusal(user, self.instance)
        if message:
            self.add_error(None, ValidationError(message, code="out_of_scope"))


class RegistryInlineForm(RegistryModelForm):
    check_unchanged_only_if_changed = True


class RegistryInlineFormSet(forms.BaseInlineFormSet):
    """Inline rows marked for deletion are deleted only where the scope rule allows it."""

    def clean(self):
        super().clean()
        user = getattr(self.form.request, "user", None)
        if user is None:
            return
        refusals = {
            message
            for form in self.forms
            if form.instance.pk is not None and self._should_delete_form(form)
            if (message := scope.refusal(user, form.instance, delete=True))
        }
        if refusals:
            raise ValidationError(sorted(set(refusals)), code="out_of_scope")


def _with_request(form_class, request):
    return type(form_class.__name__, (form_class,), {"request": request})


# History ------------------------------------------------------------------------


def _display_value(field, raw, cache):
    if raw is None or raw == "":
        return "–"
    if field is not None and field.is_relation and field.related_model is not None:
        key = (field.related_model, raw)
        if key not in cache:
            cache[key] = field.related_model._default_manager.filter(pk=raw).first()
        return str(cache[key]) if cache[key] is not None else f"#{raw}"
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(raw, raw))
    if isinstance(raw, bool):
        return gettext("ja") if raw else gettext("nej")
    return str(raw)


SUMMARY_FIELDS = ("name", "title", "heading", "role", "summary", "text", "value")


def _summary(model, data) -> str:
    """A few words that tell which row of ``model`` an event is about."""
    for name in SUMMARY_FIELDS:
        value = (data or {}).get(name)
        if value:
            text = str(value)
            return text if len(text) <= 80 else text[:77] + "…"
    return ""


def history_rows(obj) -> list[dict]:
    """Every recorded event of ``obj`` and of the rows that refer to it, newest first.

    Each row says who (the user the request or command was run as, when known),
    when, what happened and which fields changed from what to what. The events of
    the record itself can be reverted; those of its parts (clauses, parties,
    seats …) are listed so that an edit made through an inline is visible too.
    """
    from pghistory.models import Events

    model = type(obj)
    events = list(Events.objects.references(obj).order_by("-pgh_created_at", "-pgh_id"))
    user_ids = {(e.pgh_context or {}).get("user") for e in events} - {None}
    users = {u.pk: u for u in get_user_model().objects.filter(pk__in=user_ids)}
    labels = {
        "insert": gettext("Skapad"),
        "update": gettext("Ändrad"),
        "delete": gettext("Borttagen"),
    }
    cache: dict = {}
    rows = []
    for e in events:
        try:
            tracked = apps.get_model(e.pgh_obj_model)
        except LookupError:
            continue
        own = tracked is model and str(e.pgh_obj_id) == str(obj.pk)
        fields = {f.attname: f for f in tracked._meta.concrete_fields}
        context = e.pgh_context or {}
        changes = []
        for attname, (before, after) in sorted((e.pgh_diff or {}).items()):
            if attname in HISTORY_SKIP:
                continue
            field = fields.get(attname)
            changes.append(
                {
                    "label": str(field.verbose_name) if field else attname,
                    "before": _display_value(field, before, cache),
                    "after": _display_value(field, after, cache),
                }
            )
        part = ""
        if not own:
            part = (
                f"{str(tracked._meta.verbose_name).capitalize()}: {_summary(tracked, e.pgh_data)}"
            )
        rows.append(
            {
                "id": e.pgh_id,
                "when": e.pgh_created_at,
                "label": labels.get(e.pgh_label, e.pgh_label),
                "part": part,
                "user": users.get(context.get("user")),
                "source": context.get("source") or context.get("url") or "",
                "version": (e.pgh_data or {}).get(VERSION_FIELD) if own else None,
                "changes": changes,
                "revertable": own and e.pgh_label != "delete",
            }
        )
    # The newest event of the record itself is its current state: nothing to revert to.
    newest_own = next((r for r in rows if r["revertable"]), None)
    if newest_own is not None:
        newest_own["revertable"] = False
    return rows


# Admin --------------------------------------------------------------------------


CONFIRMATION_FIELDS = ("confirmed_on", "confirmed_source")


def _is_confirmable(model) -> bool:
    names = {f.name for f in model._meta.get_fields()}
    return all(n in names for n in CONFIRMATION_FIELDS)


class ConfirmForm(forms.Form):
    """The 'Bekräfta' action's question: against which source, and on what day."""

    source = forms.ModelChoiceField(
        label=_("Källa som bekräftar uppgifterna"), queryset=None, required=True
    )
    confirmed_on = forms.DateField(
        label=_("Bekräftad den"),
        required=True,
        help_text=_("Skriv datumet som ÅÅÅÅ-MM-DD."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, **kwargs):
        from governance.core.models import SourceDocument

        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = SourceDocument.objects.order_by("-year", "title")


def filter_year(value: str | None) -> int | None:
    """The year a list filter was given (None: none given); a year outside the registry's
    range is an invalid filter, which the admin answers by showing the list unfiltered
    with a notice rather than by failing."""
    if not value:
        return None
    if not (value.isdigit() and EARLIEST_YEAR <= int(value) <= LATEST_YEAR):
        raise IncorrectLookupParameters(value)
    return int(value)


class RegistryChangeList(ChangeList):
    """Django's change list, with the date hierarchy's year held to the registry's range
    (Django computes the following year's first day, which fails for 9999)."""

    def get_filters(self, request):
        if self.date_hierarchy:
            filter_year(request.GET.get(f"{self.date_hierarchy}__year"))
        return super().get_filters(request)


class RegistryAdmin(admin.ModelAdmin):
    """Base admin: scope, optimistic locking, readable errors, refused deletes, history."""

    form = RegistryModelForm
    list_per_page = 50
    save_on_top = True
    object_history_template = "admin/registry/object_history.html"

    def get_changelist(self, request, **kwargs):
        return RegistryChangeList

    # Scope ---------------------------------------------------------------------
    def _in_scope_annotation(self, request):
        model = self.model
        inner = scope.editable(model._default_manager.filter(pk=OuterRef("pk")), request.user)
        return Exists(inner.values("pk"))

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if scope.is_unrestricted(request.user):
            return queryset
        # Everything is readable; which rows may be changed is the scope rule's answer.
        return queryset.annotate(_in_scope=self._in_scope_annotation(request))

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if not scope.is_unrestricted(request.user) and self.has_change_permission(request):
            columns.append("may_edit")
        return columns

    @admin.display(description=_("får ändras"), boolean=True)
    def may_edit(self, obj):
        return getattr(obj, "_in_scope", True)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None:
            return scope.can_edit(request.user, obj)
        return allowed

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None:
            return scope.can_delete(request.user, obj)
        return allowed

    def delete_model(self, request, obj):
        scope.check_write(request.user, obj, delete=True)
        super().delete_model(request, obj)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Offer only the counties this coordinator may write for.
        paths = scope.COUNTY_PATHS.get(self.model._meta.label_lower, ())
        if (
            paths
            and paths[0] == db_field.name == "county"
            and not scope.is_unrestricted(request.user)
        ):
            counties = db_field.related_model._default_manager.all()
            kwargs["queryset"] = scope.editable(counties, request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # Forms ---------------------------------------------------------------------
    def get_form(self, request, obj=None, change=False, **kwargs):
        return _with_request(super().get_form(request, obj, change=change, **kwargs), request)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not _has_version(self.model):
            return fieldsets
        names = {n for _, opts in fieldsets for n in _flatten(opts.get("fields", ()))}
        if VERSION_FIELD in names:
            return fieldsets
        first_name, first = fieldsets[0]
        first = {**first, "fields": [*first.get("fields", ()), VERSION_FIELD]}
        return [(first_name, first), *fieldsets[1:]]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if VERSION_FIELD in readonly:
            readonly.remove(VERSION_FIELD)
        if _is_confirmable(self.model):
            # Changed only through the "Bekräfta" action, which checks source and date.
            readonly += [n for n in CONFIRMATION_FIELDS if n not in readonly]
        return readonly

    def get_exclude(self, request, obj=None):
        return _exclude_version(self.model, super().get_exclude(request, obj))

    # Saving --------------------------------------------------------------------
    def save_model(self, request, obj, form, change):
        # The row was locked and compared in the form's clean(); this repeats the
        # comparison inside the same transaction, so nothing can come in between.
        expected = form.cleaned_data.get(VERSION_FIELD)
        if change and expected is not None and _has_version(type(obj)):
            from governance.core.concurrency import save_if_unchanged

            save_if_unchanged(obj, expected_version=expected)
        else:
            obj.save()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Deferred constraint triggers (e.g. distribution shares summing to 100 %)
        # are checked now, inside the request's savepoint, so a violation becomes
        # a form error rather than a failed commit.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except (IntegrityError, OperationalError, ValidationError, StaleVersion) as exc:
            if isinstance(exc, OperationalError) and not is_write_collision(exc):
                raise
            if request.method != "POST" or getattr(request, "_registry_save_error", None):
                raise
            # The transaction was rolled back; show the same form again with the
            # person's input and the reason as a form error.
            request._registry_save_error = readable_error(exc)
            return super().changeform_view(request, object_id, form_url, extra_context)

    # Deleting ------------------------------------------------------------------
    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and self.has_delete_permission(request, obj):
            refs = referrers(obj)
            if refs:
                self.message_user(request, refused_delete_message(obj, refs), messages.ERROR)
                return HttpResponseRedirect(self._change_url(obj))
        return super().delete_view(request, object_id, extra_context)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            actions["delete_selected"] = (
                RegistryAdmin.delete_selected_in_scope,
                "delete_selected",
                delete_selected.short_description,
            )
        if _is_confirmable(self.model) and self.has_change_permission(request):
            actions["confirm_selected"] = (
                RegistryAdmin.confirm_selected,
                "confirm_selected",
                RegistryAdmin.confirm_selected.short_description,
            )
        return actions

    @admin.action(description=_("Bekräfta markerade %(verbose_name_plural)s mot en källa"))
    def confirm_selected(self, request, queryset):
        """Ask for the source and date, then confirm the records (known_as_of.confirm)."""
        outside = queryset.exclude(pk__in=scope.editable(queryset, request.user).values("pk"))
        if outside.exists():
            self.message_user(
                request,
                gettext("Du får inte bekräfta: %(objs)s.")
                % {"objs": "; ".join(str(o) for o in outside[:20])},
                messages.ERROR,
            )
            return None
        return self._confirm_records(request, queryset)

    def _confirm_records(self, request, queryset, *, next_url=None):
        """The confirm form for ``queryset``; None once the records are confirmed."""
        from governance.core.known_as_of import confirm

        form = ConfirmForm(
            request.POST if "confirm" in request.POST else None,
            initial={"confirmed_on": timezone.localdate()},
        )
        if form.is_valid():
            try:
                count = confirm(
                    queryset,
                    source=form.cleaned_data["source"],
                    on=form.cleaned_data["confirmed_on"],
                )
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                self.message_user(
                    request,
                    gettext("%(n)s poster bekräftade per %(date)s.")
                    % {"n": count, "date": form.cleaned_data["confirmed_on"].isoformat()},
                    messages.SUCCESS,
                )
                return None
        return TemplateResponse(
            request,
            "admin/registry/confirm.html",
            {
                **self.admin_site.each_context(request),
                "title": gettext("Bekräfta uppgifter"),
                "opts": self.opts,
                "form": form,
                "records": queryset,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "next_url": next_url,
                "single": next_url is not None,
            },
        )

    def confirm_view(self, request, object_id):
        """ "Bekräfta" for one record (the start page's tasks): asks for the source, then
        goes back to where the coordinator came from."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not (_is_confirmable(self.model) and self.has_change_permission(request, obj)):
            raise PermissionDenied
        next_url = request.POST.get("next") or request.GET.get("next") or ""
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse("admin:index", current_app=self.admin_site.name)
        response = self._confirm_records(
            request, self.model._default_manager.filter(pk=obj.pk), next_url=next_url
        )
        return response or HttpResponseRedirect(next_url)

    @admin.action(
        permissions=["delete"], description=_("Ta bort markerade %(verbose_name_plural)s")
    )
    def delete_selected_in_scope(self, request, queryset):
        refused = [
            f"{obj}: {message}"
            for obj in queryset
            if (message := scope.refusal(request.user, obj, delete=True))
        ]
        if refused:
            self.message_user(
                request,
                gettext("Ingenting togs bort. %(refusals)s") % {"refusals": " ".join(refused[:20])},
                messages.ERROR,
            )
            return None
        for obj in queryset:
            refs = referrers(obj)
            if refs:
                self.message_user(request, refused_delete_message(obj, refs), messages.ERROR)
                return None
        return delete_selected(self, request, queryset)

    # History -------------------------------------------------------------------
    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/history/<int:event_id>/revert/",
                self.admin_site.admin_view(self.revert_view),
                name="{}_{}_revert".format(*info),
            ),
            path(
                "<path:object_id>/bekrafta/",
                self.admin_site.admin_view(self.confirm_view),
                name="{}_{}_confirm".format(*info),
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Historik: %s") % obj,
            "subtitle": None,
            "object": obj,
            "opts": self.opts,
            "module_name": str(self.opts.verbose_name_plural).capitalize(),
            "rows": history_rows(obj),
            "can_revert": self.has_change_permission(request, obj),
            "current_version": getattr(obj, VERSION_FIELD, None),
            "preserved_filters": self.get_preserved_filters(request),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_template, context)

    def revert_view(self, request, object_id, event_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        event_model = type(obj).pgh_event_model
        event = get_object_or_404(event_model, pgh_id=event_id, pgh_obj_id=obj.pk)
        history_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_history",
            args=[quote(obj.pk)],
            current_app=self.admin_site.name,
        )
        try:
            message = self._revert(request, obj, event)
        except (IntegrityError, ValidationError, StaleVersion, scope.WriteRefused) as exc:
            self.message_user(request, readable_error(exc), messages.ERROR)
            return HttpResponseRedirect(history_url)
        self.message_user(request, message, messages.SUCCESS if message else messages.INFO)
        return HttpResponseRedirect(history_url)

    @transaction.atomic
    def _revert(self, request, obj, event) -> str:
        # An old parent restored could close a cycle made since: checked under the lock.
        lock_writes(type(obj))
        # Generated columns and those the database works out from other rows are not in
        # the history: the database works them out again for the restored row.
        fields = [
            f
            for f in type(obj)._meta.concrete_fields
            if not (f.primary_key or f.generated) and hasattr(event, f.attname)
        ]
        restored = type(obj)(pk=obj.pk, **{f.attname: getattr(event, f.attname) for f in fields})
        scope.check_write(request.user, restored)
        expected = request.POST.get(VERSION_FIELD)
        if _has_version(type(obj)) and expected:
            lock_unchanged(obj, expected_version=int(expected))
        differs = [
            f
            for f in fields
            if f.name not in HISTORY_SKIP
            and getattr(restored, f.attname) != getattr(obj, f.attname)
        ]
        if not differs:
            return gettext("Posten ser redan ut så; inget ändrades.")
        restored.full_clean(validate_unique=False)
        # Saved as built from the event (what pghistory's revert does), without the columns
        # the history does not keep: the database computes them again.
        restored.save()
        self.log_change(
            request,
            obj,
            [{"changed": {"fields": [str(f.verbose_name) for f in differs]}}],
        )
        return gettext("Återställd till läget %(when)s (%(fields)s).") % {
            "when": event.pgh_created_at.strftime("%Y-%m-%d %H:%M"),
            "fields": ", ".join(str(f.verbose_name) for f in differs),
        }

    def _change_url(self, obj):
        return reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
            args=[quote(obj.pk)],
            current_app=self.admin_site.name,
        )


def refused_delete_message(obj, refs) -> str:
    return gettext(
        "”%(obj)s” kan inte tas bort eftersom andra poster hänvisar till den: %(refs)s."
    ) % {"obj": obj, "refs": "; ".join(describe(refs))}


def _exclude_version(model, exclude):
    # The model's version is not editable; the form's own hidden field carries it.
    exclude = list(exclude or [])
    if _has_version(model) and VERSION_FIELD not in exclude:
        exclude.append(VERSION_FIELD)
    return exclude


def _flatten(fields):
    for f in fields:
        if isinstance(f, list | tuple):
            yield from f
        else:
            yield f


class ScopedInlineMixin:
    """Inline rows: shown where the parent may be changed, each row written under the scope rule.

    A row is checked on its own (``scope.refusal``), not only through its parent:
    a decision listed under an agreement may belong to another county's body.
    """

    form = RegistryInlineForm
    formset = RegistryInlineFormSet
    extra = 0

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = _with_request(formset.form, request)
        return formset

    def get_exclude(self, request, obj=None):
        return _exclude_version(self.model, super().get_exclude(request, obj))

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if _has_version(self.model) and VERSION_FIELD not in fields:
            fields.append(VERSION_FIELD)
        return fields

    def _parent_in_scope(self, request, obj):
        return obj is None or scope.can_edit(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._parent_in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._parent_in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._parent_in_scope(request, obj)


class TabularInline(ScopedInlineMixin, admin.TabularInline):
    pass


class StackedInline(ScopedInlineMixin, admin.StackedInline):
    pass


class ImportExportRegistryAdmin(ImportExportMixin, RegistryAdmin):
    """A registry admin with CSV and Excel import (preview, row errors, all or nothing) and export."""

    formats = [CSV, XLSX]

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The resource rolled everything back; say so instead of "imported".
            self.message_user(
                request,
                gettext("Importen avbröts och ingenting ändrades: %(n)s rader har fel.")
                % {"n": len(result.invalid_rows) + len(result.row_errors())},
                messages.ERROR,
            )
            return HttpResponseRedirect(
                reverse(
                    "admin:{}_{}_changelist".format(*self.get_model_info()),
                    current_app=self.admin_site.name,
                )
            )
        return super().process_result(result, request)


# The site ----------------------------------------------------------------------


