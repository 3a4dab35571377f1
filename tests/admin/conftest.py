"""Fixtures for the admin tests: logged-in clients for the standard users."""

import pytest


@pytest.fixture
def admin_client_for(client):
    """Log ``client`` in as ``user`` (through Django's session, not the login form)."""

    def login(user):
        client.force_login(user)
        return client

    return login
