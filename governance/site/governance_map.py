"""The governance map (styrningskarta): who gives mandate to, owns and decides for whom.

``build_map(county=None, day=None)`` reads the registry (as of ``day`` when given) and returns a ``GovernanceMap``: the
nodes (organisations, bodies, agreements, matters), the edges between them and a
layered layout in SVG user units that a template draws as boxes and arrows. The
same edges are the text alternative beside the picture, so nothing is only visual.

Layout: organisations on the top row, bodies below them one row per step in the
mandate chain, and what a body decides on (agreements to renew, kinds of
matters) in the row right below it; within a row, nodes are ordered by the mean position
of the nodes they connect to above (one barycentre pass), and a row wider than
``MAX_PER_ROW`` boxes wraps.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import ClassVar

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

BOX_W, BOX_H = 216, 84
GAP_X, GAP_Y = 28, 64
MARGIN = 16
MAX_PER_ROW = 5
CHARS_PER_LINE = 24
LINE_H = 17


class EdgeKind:
    MANDATE = "mandate"
    OWNS = "owns"
    DECIDES = "decides"

    LABELS = {
        MANDATE: _("ger mandat till"),
        OWNS: _("är huvudman för"),
        DECIDES: _("beslutar om"),
    }


@dataclass
class Node:
    key: str
    kind: str  # organisation, body, agreement, matter
    label: str
    sublabel: str
    url: str
    rank: int = 0
    x: float = 0
    y: float = 0
    h: float = BOX_H
    lines: list[str] = field(default_factory=list)

    @property
    def cx(self):
        return self.x + BOX_W / 2

    @property
    def text_x(self):
        return self.x + 10

    @property
    def sublabel_y(self):
        return self.y + 18

    def line_positions(self):
        return [(line, self.y + 40 + i * LINE_H) for i, line in enumerate(self.lines)]


@dataclass
class Edge:
    source: Node
    target: Node
    kind: str
    note: str = ""

    @property
    def label(self):
        return EdgeKind.LABELS[self.kind]

    @property
    def path(self) -> str:
        """A line from the bottom of the upper box to the top of the lower box."""
        a, b = self.source, self.target
        if a.y == b.y:  # same row: arc below both boxes
            y = a.y + a.h
            mid = (a.cx + b.cx) / 2
            return f"M{a.cx:.0f},{y:.0f} Q{mid:.0f},{y + GAP_Y * 0.8:.0f} {b.cx:.0f},{y + 2:.0f}"
        if a.y < b.y:
            y1, y2 = a.y + a.h, b.y - 4
        else:
            y1, y2 = a.y, b.y + b.h + 4
        mid = (y1 + y2) / 2
        return (
            f"M{a.cx:.0f},{y1:.0f} C{a.cx:.0f},{mid:.0f} {b.cx:.0f},{mid:.0f} {b.cx:.0f},{y2:.0f}"
        )


@dataclass
class GovernanceMap:
    nodes: list[Node]
    edges: list[Edge]
    width: float
    height: float
    # Ownership edges that the picture leaves out because the body's mandate-giver,
    # drawn above it, has the same owners; the text alternative lists every edge.
    drawn_edges: list[Edge] = field(default_factory=list)
    # Bodies and organisations with no relation in the registry: listed beside the picture
    # rather than drawn as boxes that connect to nothing.
    unconnected: list[Node] = field(default_factory=list)
    box_width: ClassVar[int] = BOX_W

    @property
    def is_empty(self):
        return not self.nodes and not self.unconnected

    @property
    def box_height(self):
        return max((n.h for n in self.nodes), default=BOX_H)

    @property
    def columns(self):
        """Boxes in the widest row; the stylesheet sets the map's least width from it."""
        return max(1, round((self.width - 2 * MARGIN + GAP_X) / (BOX_W + GAP_X)))


def _body_sublabel(body) -> str:
    """The body's kind, with its short name when the full name may not fit in the box."""
    kind = str(body.get_kind_display())
    if body.short_name and body.short_name != body.name and len(body.name) > CHARS_PER_LINE:
        return f"{kind} · {body.short_name}"
    return kind


def _wrap(text: str) -> list[str]:
    """The whole name on as many lines as it needs: a name is never cut short."""
    return textwrap.wrap(text, CHARS_PER_LINE) or [""]


def _organisation_labels(organisations) -> dict[int, tuple[str, str]]:
    """Each organisation's (name, kind) for the map; two of the same name are told apart by
    a former name or, failing that, by their kind."""
    labels = {o.pk: o.display_name if len(o.name) > 60 else o.name for o in organisations}
    counts: dict[str, int] = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    result = {}
    for o in organisations:
        label = labels[o.pk]
        if counts[label] > 1:
            former = [f.name for f in o.former_names.all()]
            if former:
                label = str(_("%(name)s (tidigare %(former)s)")) % {
                    "name": label,
                    "former": former[0],
                }
            else:
                label = f"{label} ({str(o.get_kind_display()).lower()})"
        result[o.pk] = (label, str(o.get_kind_display()))
    return result


def _collect(county, day=None):
    """The rows the map is drawn from: a fixed number of queries whatever their count.

    With ``day``: the bodies that existed then, the agreements in force then and the
    routing rules that applied then (``active_on``, ``in_force_on``, ``rules_in_force_on``).
    """
    from agreements.models import Agreement
    from bodies.models import Body, Organisation
    from governance.routing.models import RoutingRule
    from governance.routing.services import rules_in_force_on

    if county is None:
        bodies = Body.objects.filter(county__isnull=True)
    else:
        bodies = Body.objects.filter(county=county)
    if day is not None:
        bodies = bodies.active_on(day)
    bodies = list(
        bodies.select_related("parent", "county")
        .prefetch_related(
            Prefetch(
                "owners", Organisation.objects.prefetch_related("former_names").order_by("name")
            )
        )
        .order_by("name")
    )
    # Bodies outside the selection that give mandate to one inside it are drawn too.
    ids = {b.pk for b in bodies}
    outside = []
    for body in bodies:
        if body.parent_id and body.parent_id not in ids:
            outside.append(body.parent)
            ids.add(body.parent_id)
    agreements = Agreement.objects.filter(renewal_body_id__in=ids)
    if day is not None:
        agreements = agreements.in_force_on(day)
    agreements = list(agreements.order_by("-valid_from", "title"))
    rules = RoutingRule.objects.filter(deciding_body_id__in=ids).select_related("matter")
    if county is not None:
        rules = rules.filter(Q(county=county))
    if day is not None:
        rules = rules_in_force_on(day, rules)
    rules = list(rules.order_by("matter__order", "priority"))
    return bodies, outside, agreements, rules


def build_map(county=None, day=None) -> GovernanceMap:
    """The map of ``county`` (None: the national level), as of ``day`` when given."""
    bodies, outside, agreements, rules = _collect(county, day)
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []

    def add(node: Node) -> Node:
        return nodes.setdefault(node.key, node)

    for body in [*bodies, *outside]:
        add(
            Node(
                f"b{body.pk}",
                "body",
                body.name,
                _body_sublabel(body),
                body.get_absolute_url(),
            )
        )
    org_labels = _organisation_labels({o for b in bodies for o in b.owners.all()})
    for body in bodies:
        for org in body.owners.all():
            label, kind = org_labels[org.pk]
            owner = add(Node(f"o{org.pk}", "organisation", label, kind, org.get_absolute_url()))
            edges.append(Edge(owner, nodes[f"b{body.pk}"], EdgeKind.OWNS))
    for body in [*bodies, *outside]:
        if body.parent_id and f"b{body.parent_id}" in nodes:
            edges.append(Edge(nodes[f"b{body.parent_id}"], nodes[f"b{body.pk}"], EdgeKind.MANDATE))
    for agreement in agreements:
        node = add(
            Node(
                f"a{agreement.pk}",
                "agreement",
                agreement.short_name or agreement.title,
                str(_("Överenskommelse: förnyelse")),
                agreement.get_absolute_url(),
            )
        )
        edges.append(
            Edge(
                nodes[f"b{agreement.renewal_body_id}"], node, EdgeKind.DECIDES, str(_("förnyelse"))
            )
        )
    routing_url = reverse("web:routing")
    for rule in rules:
        node = add(
            Node(
                f"m{rule.matter_id}",
                "matter",
                rule.matter.name,
                str(_("Ärendetyp")),
                routing_url,
            )
        )
        edge = Edge(nodes[f"b{rule.deciding_body_id}"], node, EdgeKind.DECIDES)
        if not any(
            e.source is edge.source and e.target is edge.target and e.kind == edge.kind
            for e in edges
        ):
            edges.append(edge)

    linked = {e.source.key for e in edges} | {e.target.key for e in edges}
    unconnected = sorted((n for n in nodes.values() if n.key not in linked), key=lambda n: n.label)
    all_nodes = [n for n in nodes.values() if n.key in linked]
    _layout(all_nodes, edges)
    width = max((n.x + BOX_W for n in all_nodes), default=0) + MARGIN
    height = max((n.y + n.h for n in all_nodes), default=0) + MARGIN
    owners = {}
    for e in edges:
        if e.kind == EdgeKind.OWNS:
            owners.setdefault(e.target.key, set()).add(e.source.key)
    mandate_from = {e.target.key: e.source.key for e in edges if e.kind == EdgeKind.MANDATE}

    def implied(e: Edge) -> bool:
        parent = mandate_from.get(e.target.key)
        return (
            e.kind == EdgeKind.OWNS
            and parent is not None
            and owners.get(parent) == owners.get(e.target.key)
        )

    drawn = [e for e in edges if not implied(e)]
    return GovernanceMap(all_nodes, edges, width, height, drawn, unconnected)


def _layout(nodes: list[Node], edges: list[Edge]) -> None:
    parent_of = {e.target.key: e.source.key for e in edges if e.kind == EdgeKind.MANDATE}

    def depth(key, seen=()):
        parent = parent_of.get(key)
        if parent is None or parent in seen:
            return 0
        return 1 + depth(parent, (*seen, key))

    for n in nodes:
        n.lines = _wrap(n.label)
    # One box height for the whole map, tall enough for the longest name.
    box_h = max([BOX_H, *(50 + (len(n.lines) - 1) * LINE_H for n in nodes)])
    for n in nodes:
        n.h = box_h
        if n.kind == "organisation":
            n.rank = 0
        elif n.kind == "body":
            n.rank = 1 + depth(n.key)
    # What a body decides on sits in the row right below it, so that no arrow has to cross
    # a row of boxes on its way down.
    for n in nodes:
        if n.kind not in ("organisation", "body"):
            deciders = [e.source.rank for e in edges if e.target is n]
            n.rank = 1 + max(deciders, default=0)

    neighbours: dict[str, list[str]] = {n.key: [] for n in nodes}
    for e in edges:
        neighbours[e.source.key].append(e.target.key)
        neighbours[e.target.key].append(e.source.key)

    y = MARGIN
    placed_x: dict[str, float] = {}
    for rank in sorted({n.rank for n in nodes}):
        row = [n for n in nodes if n.rank == rank]

        def barycentre(n: Node) -> tuple[float, str]:
            xs = [placed_x[k] for k in neighbours[n.key] if k in placed_x]
            return (sum(xs) / len(xs) if xs else float("inf"), n.label)

        row.sort(key=barycentre)
        for start in range(0, len(row), MAX_PER_ROW):
            chunk = row[start : start + MAX_PER_ROW]
            for i, n in enumerate(chunk):
                n.x = MARGIN + i * (BOX_W + GAP_X)
                n.y = y
                placed_x[n.key] = n.x
            y += box_h + GAP_Y
    # Centre narrower rows under the widest one.
    width = max((n.x + BOX_W for n in nodes), default=0)
    rows: dict[float, list[Node]] = {}
    for n in nodes:
        rows.setdefault(n.y, []).append(n)
    for row in rows.values():
        row_width = max(n.x for n in row) + BOX_W - MARGIN
        shift = (width - MARGIN - row_width) / 2
        for n in row:
            n.x += shift
