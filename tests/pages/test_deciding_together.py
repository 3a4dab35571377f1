"""Bodies that decide on the same agreements link to each other (LiSA and SRO both adopted the
declarations of intent of Västra Götaland)."""

from __future__ import annotations

import pytest

from bodies.models import Body
from governance.site.selectors import bodies_deciding_together

# LiSA and SRO as the seed registry has them (the declaration they both adopted).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed")]


def test_lisa_and_sro_decide_together():
    lisa, sro = Body.objects.get(slug="lisa"), Body.objects.get(slug="sro")
    assert sro in bodies_deciding_together(lisa)
    assert lisa in bodies_deciding_together(sro)
    assert lisa not in bodies_deciding_together(lisa)


def test_the_body_page_names_them(client):
    html = client.get("/beslutsorgan/lisa/").content.decode()
    together = html[html.index("Beslutar tillsammans med") :]
    assert 'href="/beslutsorgan/sro/"' in together[: together.index("</dd>")]
