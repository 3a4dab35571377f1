"""The registry's organisations, bodies, people, seats, memberships and meetings as Popolo JSON.

Popolo (popoloproject.com) is how civic-tech tools read parliaments: a body
here is an ``organization`` with a ``classification``, a statutory seat is a
``post``, a person holding it a ``membership``, a meeting an ``event``.
Identifiers are stable: ``organisation/<slug>``, ``body/<slug>``,
``person/<slug>``, ``post/<slug>``, ``membership/<slug>``, ``meeting/<slug>``.
"""

from __future__ import annotations

from bodies.models import Body, ChairTerm, Meeting, Membership, Organisation, Person, Seat


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _stamp(obj) -> dict:
    return {"created_at": obj.created_at.isoformat(), "updated_at": obj.modified_at.isoformat()}


def _identifiers(obj) -> list[dict]:
    return [{"identifier": i.value, "scheme": i.scheme} for i in obj.identifiers.all()]


def _other_names(obj) -> list[dict]:
    return [
        {
            "name": n.name,
            "start_date": _date(n.used_from),
            "end_date": _date(n.used_until),
            "note": "tidigare namn",
        }
        for n in obj.former_names.all()
    ]


def organisation(org: Organisation) -> dict:
    return {
        "id": f"organisation/{org.slug}",
        "name": org.name,
        "classification": org.get_kind_display(),
        "parent_id": f"organisation/{org.parent.slug}" if org.parent_id else None,
        "area_id": f"county/{org.county.code}" if org.county_id else None,
        "identifiers": [
            {"identifier": org.slug, "scheme": "samverkansregistret"},
            *_identifiers(org),
        ],
        "other_names": ([{"name": org.short_name, "note": "kortnamn"}] if org.short_name else [])
        + _other_names(org),
        "links": [{"url": org.website, "note": "webbplats"}] if org.website else [],
        **_stamp(org),
    }


def body(b: Body) -> dict:
    return {
        "id": f"body/{b.slug}",
        "name": b.name,
        "classification": f"beslutsorgan: {b.get_kind_display()}",
        # Popolo's parent is the organisation a body sits within: the body it gets its mandate from.
        "parent_id": f"body/{b.parent.slug}" if b.parent_id else None,
        "area_id": f"county/{b.county.code}" if b.county_id else None,
        "founding_date": _date(b.established_on),
        "dissolution_date": _date(b.dissolved_on),
        "identifiers": [{"identifier": b.slug, "scheme": "samverkansregistret"}, *_identifiers(b)],
        "other_names": ([{"name": b.short_name, "note": "kortnamn"}] if b.short_name else [])
        + _other_names(b),
        **_stamp(b),
    }


def person(p: Person) -> dict:
    return {"id": f"person/{p.slug}", "name": p.name, "sort_name": p.name, **_stamp(p)}


def post(seat: Seat) -> dict:
    return {
        "id": f"post/{seat.slug}",
        "label": seat.role,
        "role": seat.get_side_display(),
        "organization_id": f"body/{seat.body.slug}",
        **_stamp(seat),
    }


def membership(m: Membership) -> dict:
    return {
        "id": f"membership/{m.slug}",
        "label": str(m.seat.role),
        "role": m.get_role_display(),
        "person_id": f"person/{m.person.slug}",
        "organization_id": f"body/{m.seat.body.slug}",
        "post_id": f"post/{m.seat.slug}",
        "on_behalf_of_id": f"organisation/{m.represents.slug}" if m.represents_id else None,
        "start_date": _date(m.starts_on),
        "end_date": _date(m.ends_on),
        **_stamp(m),
    }


def chair_membership(term: ChairTerm) -> dict:
    return {
        "id": f"chair-term/{term.body.slug}/{term.role}/{term.starts_on.isoformat()}",
        "label": f"{term.get_role_display()} ({term.get_side_display()})",
        "role": term.get_role_display(),
        "person_id": f"person/{term.person.slug}",
        "organization_id": f"body/{term.body.slug}",
        "start_date": _date(term.starts_on),
        "end_date": _date(term.ends_on),
    }


def event(meeting: Meeting) -> dict:
    return {
        "id": f"meeting/{meeting.slug}",
        "name": f"{meeting.body.name}, möte {meeting.date.isoformat()}",
        "classification": "meeting",
        "start_date": meeting.date.isoformat(),
        "organization_id": f"body/{meeting.body.slug}",
        "sources": [{"url": meeting.minutes_url, "note": "minnesanteckningar"}]
        if meeting.minutes_url
        else [],
        **_stamp(meeting),
    }


def export() -> dict:
    """The whole Popolo document: persons, organizations, posts, memberships, events."""
    organisations = Organisation.objects.select_related("parent", "county").prefetch_related(
        "identifiers", "former_names"
    )
    bodies = Body.objects.select_related("parent", "county").prefetch_related(
        "identifiers", "former_names"
    )
    seats = Seat.objects.select_related("body")
    memberships = Membership.objects.select_related("seat__body", "person", "represents")
    chair_terms = ChairTerm.objects.filter(person__isnull=False).select_related("body", "person")
    meetings = Meeting.objects.select_related("body")
    return {
        "persons": [person(p) for p in Person.objects.all()],
        "organizations": [organisation(o) for o in organisations] + [body(b) for b in bodies],
        "posts": [post(s) for s in seats],
        "memberships": [membership(m) for m in memberships]
        + [chair_membership(t) for t in chair_terms],
        "events": [event(m) for m in meetings],
    }
