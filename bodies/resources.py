"""CSV/Excel import and export of organisations and bodies."""

from import_export import fields, widgets

from bodies.models import Body, County, Organisation
from governance.core.resources import RegistryResource, slug_fk


def county_fk(column: str = "county") -> fields.Field:
    """A county written and read as its SCB code ('14')."""
    return fields.Field(
        attribute=column, column_name=column, widget=widgets.ForeignKeyWidget(County, field="code")
    )


class OrganisationResource(RegistryResource):
    county = county_fk()
    parent = slug_fk("parent", Organisation)

    class Meta(RegistryResource.Meta):
        model = Organisation
        fields = [
            "slug",
            "name",
            "short_name",
            "kind",
            "county",
            "parent",
            "description",
            "website",
            "version",
        ]
        export_order = fields


class BodyResource(RegistryResource):
    county = county_fk()
    parent = slug_fk("parent", Body)
    commissioned_by = slug_fk("commissioned_by", Body)

    class Meta(RegistryResource.Meta):
        model = Body
        fields = [
            "slug",
            "name",
            "short_name",
            "kind",
            "level",
            "status",
            "county",
            "parent",
            "has_decision_mandate",
            "mandate",
            "composition",
            "meetings_per_year",
            "summer_break",
            "term_months",
            "minutes_kept",
            "personal_participation",
            "established_on",
            "dissolved_on",
            "commissioned_by",
            "commission_description",
            "commission_starts_on",
            "commission_ends_on",
            "version",
        ]
        export_order = fields
