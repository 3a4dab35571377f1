"""CSV/Excel import and export of funding rows: state grants, allocations, co-financing."""

from agreements.models import Agreement
from bodies.models import Organisation
from bodies.resources import county_fk
from funding.models import Allocation, CofinancingShare, StateGrant
from governance.core.resources import RegistryResource, slug_fk


class StateGrantResource(RegistryResource):
    agreement = slug_fk("agreement", Agreement)

    class Meta(RegistryResource.Meta):
        model = StateGrant
        fields = ["slug", "year", "title", "amount_sek", "agreement", "description", "version"]
        export_order = fields


class AllocationResource(RegistryResource):
    grant = slug_fk("grant", StateGrant)
    county = county_fk()
    organisation = slug_fk("organisation", Organisation)
    agreement = slug_fk("agreement", Agreement)

    class Meta(RegistryResource.Meta):
        model = Allocation
        fields = [
            "slug",
            "year",
            "grant",
            "county",
            "organisation",
            "sub_region",
            "amount_sek",
            "purpose",
            "agreement",
            "version",
        ]
        export_order = fields


class CofinancingShareResource(RegistryResource):
    agreement = slug_fk("agreement", Agreement)

    class Meta(RegistryResource.Meta):
        model = CofinancingShare
        fields = ["slug", "year", "open_ended", "principals_share_percent", "agreement", "version"]
        export_order = fields
