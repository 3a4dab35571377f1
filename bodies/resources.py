"""CSV/Excel import and export of organisations and bodies."""

from bodies.models import Body, Organisation
from governance.core.resources import RegistryResource, county_fk, slug_fk


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
