"""Public pages asked about a day outside the registry's range say so in the form."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

OUT_OF_RANGE = "Datumet måste ligga mellan 1900-01-01 och 2199-12-31."


@pytest.mark.parametrize(
    "url",
    [
        "/overenskommelser/?on=0001-01-01",
        "/overenskommelser/?status=in_force&on=9999-12-31",
        "/vem-hanterar-vad/?matter=nationell-satsning&concerns=municipalities&county=14&on=0001-01-01",
    ],
)
def test_a_day_outside_the_range_is_a_form_error(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert OUT_OF_RANGE in response.content.decode()


def test_a_day_at_the_end_of_the_range_is_answered(client):
    response = client.get("/overenskommelser/?status=in_force&on=2199-12-31")
    assert response.status_code == 200
    assert OUT_OF_RANGE not in response.content.decode()
