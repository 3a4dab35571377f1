"""Login lockouts count per user name and client address, the address as the proxies vouch for it."""

from django.urls import reverse

PASSWORD = "correct horse battery staple"


def _login(client, username, password, **meta):
    return client.post(reverse("admin:login"), {"username": username, "password": password}, **meta)


def _fail_five_times(client, username, **meta):
    for _ in range(5):
        _login(client, username, "fel", **meta)


def test_a_colleague_logging_in_from_the_same_address_neither_is_locked_nor_unlocks(
    client, coordinator_vg, coordinator_dalarna
):
    office = {"REMOTE_ADDR": "192.0.2.10"}
    _fail_five_times(client, coordinator_vg.username, **office)

    # The colleague at the next desk (same address) is not locked out ...
    response = _login(client, coordinator_dalarna.username, PASSWORD, **office)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(coordinator_dalarna.pk)
    client.logout()

    # ... and her success gives no fresh guesses at the first account.
    response = _login(client, coordinator_vg.username, PASSWORD, **office)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_forged_forwarded_for_gives_no_fresh_count_without_trusted_proxies(
    client, coordinator_vg, settings
):
    settings.TRUSTED_PROXY_COUNT = 0
    for i in range(5):
        _login(
            client,
            coordinator_vg.username,
            "fel",
            REMOTE_ADDR="198.51.100.66",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{i}",
        )
    response = _login(
        client,
        coordinator_vg.username,
        PASSWORD,
        REMOTE_ADDR="198.51.100.66",
        HTTP_X_FORWARDED_FOR="203.0.113.99",
    )
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_client_address_is_the_one_the_proxy_appended(
    client, coordinator_vg, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    # The attacker writes anything to the left; the proxy appends the real address.
    for i in range(5):
        _login(
            client,
            coordinator_vg.username,
            "fel",
            HTTP_X_FORWARDED_FOR=f"10.9.9.{i}, 198.51.100.66",
            **proxy,
        )
    attacker = _login(
        client,
        coordinator_vg.username,
        PASSWORD,
        HTTP_X_FORWARDED_FOR="10.9.9.99, 198.51.100.66",
        **proxy,
    )
    assert attacker.status_code == 429
    # The coordinator, elsewhere, behind the same proxy, logs in.
    owner = _login(
        client, coordinator_vg.username, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.10", **proxy
    )
    assert owner.status_code == 302
