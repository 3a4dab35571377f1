"""CSV/Excel import and export of agreements and decisions."""

from agreements.models import Agreement, Decision
from bodies.models import Body
from bodies.resources import county_fk
from governance.core.resources import RegistryResource, slug_fk


class AgreementResource(RegistryResource):
    county = county_fk()
    renewal_body = slug_fk("renewal_body", Body)

    class Meta(RegistryResource.Meta):
        model = Agreement
        fields = [
            "slug",
            "title",
            "short_name",
            "kind",
            "reference_number",
            "county",
            "is_draft",
            "valid_from",
            "valid_until",
            "validity_text",
            "renewal_type",
            "notice_period_days",
            "renewal_body",
            "renewal_text",
            "background",
            "purpose",
            "version",
        ]
        export_order = fields


class DecisionResource(RegistryResource):
    body = slug_fk("body", Body)
    agreement = slug_fk("agreement", Agreement)

    class Meta(RegistryResource.Meta):
        model = Decision
        fields = [
            "slug",
            "body",
            "decided_by_text",
            "date",
            "year",
            "kind",
            "summary",
            "reference",
            "agreement",
            "version",
        ]
        export_order = fields
