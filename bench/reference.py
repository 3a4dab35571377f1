"""The load benchmark's ceiling for a JSON list, mounted only by ``bench.settings``.

``agreement_page_raw`` returns the page of agreements that ``/api/v1/agreements/``
returns (50 per page, same order, the same nested parties, clauses, adoptions and
relations) straight from PostgreSQL: one SQL query that builds the JSON with
``json_agg``. It is the ceiling that ``bench/load.py`` measures the real API
against: no model instances, no serializer, no Python per row.
"""

from __future__ import annotations

from django.db import connection
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.http import require_safe

PAGE_SIZE = 50

AGREEMENT_PAGE_SQL = """
WITH page AS (
    SELECT * FROM agreements_agreement
    ORDER BY valid_from DESC, title, id
    LIMIT %(limit)s OFFSET %(offset)s
)
SELECT json_build_object(
    'count', (SELECT count(*) FROM agreements_agreement),
    'results', COALESCE(json_agg(json_build_object(
        'slug', p.slug,
        'version', p.version,
        'modified_at', p.modified_at,
        'title', p.title,
        'short_name', p.short_name,
        'kind', p.kind,
        'reference_number', p.reference_number,
        'county', c.slug,
        'is_draft', p.is_draft,
        'valid_from', p.valid_from,
        'valid_until', p.valid_until,
        'validity_text', p.validity_text,
        'renewal_type', p.renewal_type,
        'notice_period_days', p.notice_period_days,
        'renewal_body', rb.slug,
        'renewal_text', p.renewal_text,
        'background', p.background,
        'purpose', p.purpose,
        'parties', (
            SELECT COALESCE(json_agg(json_build_object(
                'organisation', o.slug, 'name', o.name, 'role', ap.role
            ) ORDER BY ap."order", ap.id), '[]'::json)
            FROM agreements_agreementparty ap
            JOIN bodies_organisation o ON o.id = ap.organisation_id
            WHERE ap.agreement_id = p.id
        ),
        'clauses', (
            SELECT COALESCE(json_agg(json_build_object(
                'slug', cl.slug, 'order', cl."order", 'heading', cl.heading, 'text', cl.text,
                'organisations', (
                    SELECT COALESCE(json_agg(co.slug), '[]'::json)
                    FROM agreements_clause_organisations cco
                    JOIN bodies_organisation co ON co.id = cco.organisation_id
                    WHERE cco.clause_id = cl.id
                ),
                'bodies', (
                    SELECT COALESCE(json_agg(cb.slug), '[]'::json)
                    FROM agreements_clause_bodies ccb
                    JOIN bodies_body cb ON cb.id = ccb.body_id
                    WHERE ccb.clause_id = cl.id
                )
            ) ORDER BY cl."order", cl.id), '[]'::json)
            FROM agreements_clause cl
            WHERE cl.agreement_id = p.id
        ),
        'adoptions', (
            SELECT COALESCE(json_agg(json_build_object(
                'slug', d.slug, 'date', d.date, 'body', db.slug, 'summary', d.summary
            ) ORDER BY d.date, d.id), '[]'::json)
            FROM agreements_decision d
            LEFT JOIN bodies_body db ON db.id = d.body_id
            WHERE d.agreement_id = p.id AND d.kind = 'adoption'
        ),
        'relations', (
            SELECT COALESCE(json_agg(json_build_object(
                'kind', r.kind, 'target', t.slug
            ) ORDER BY r.id), '[]'::json)
            FROM agreements_agreementrelation r
            JOIN agreements_agreement t ON t.id = r.target_id
            WHERE r.source_id = p.id
        )
    ) ORDER BY p.valid_from DESC, p.title, p.id), '[]'::json)
)::text
FROM page p
LEFT JOIN bodies_county c ON c.id = p.county_id
LEFT JOIN bodies_body rb ON rb.id = p.renewal_body_id
"""


@require_safe
def agreement_page_raw(request):
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        return HttpResponseBadRequest("page must be a number")
    if page < 1:
        return HttpResponseBadRequest("page must be 1 or more")
    with connection.cursor() as cursor:
        cursor.execute(AGREEMENT_PAGE_SQL, {"limit": PAGE_SIZE, "offset": (page - 1) * PAGE_SIZE})
        (body,) = cursor.fetchone()
    return HttpResponse(body, content_type="application/json")
