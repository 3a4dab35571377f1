"""Where webhooks may go, and how a receiver checks what it got: no database needed."""

import pytest

from governance.opendata import receivers, signing


def test_verify_refuses_a_replayed_or_altered_request():
    secret = signing.new_secret()
    body = b'{"id":"1"}'
    headers = signing.headers(secret, "42", body, timestamp=1_800_000_000)
    args = (headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"])
    assert signing.verify(secret, body, *args, now=1_800_000_000 + 60)
    # The same request an hour later is a replay.
    assert not signing.verify(secret, body, *args, now=1_800_000_000 + 3600)
    assert not signing.verify(secret, b'{"id":"2"}', *args, now=1_800_000_000)
    # Another id with the same signature: the id is part of what is signed.
    assert not signing.verify(secret, body, "43", *args[1:], now=1_800_000_000)


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://8.8.8.8/hook", "https://"),
        ("https://127.0.0.1/hook", "publik"),
        ("https://169.254.169.254/latest/meta-data/", "publik"),
        ("https://10.1.2.3/hook", "publik"),
        ("https://192.168.0.10/hook", "publik"),
        ("https://100.64.0.1/hook", "publik"),
        ("https://0.0.0.0/hook", "publik"),
        ("https://224.0.0.1/hook", "publik"),
        ("https://[::1]/hook", "publik"),
        ("https://[::ffff:127.0.0.1]/hook", "publik"),
        ("https://[fe80::1]/hook", "publik"),
        ("https://[2002:7f00:1::]/hook", "publik"),
        ("https://localhost/hook", "publik"),
        ("https://user:pw@8.8.8.8/hook", "lösenord"),
        ("https://namn-som-inte-finns.invalid/hook", "slå upp"),
    ],
)
def test_address_rules(url, reason):
    with pytest.raises(receivers.RefusedReceiver, match=reason):
        receivers.resolve(url)


def test_a_public_https_address_passes():
    target = receivers.resolve("https://8.8.8.8:8443/hook?x=1")
    assert (target.host, target.port, target.path, target.addresses) == (
        "8.8.8.8",
        8443,
        "/hook?x=1",
        ("8.8.8.8",),
    )


def test_an_explicitly_allowed_private_network_passes_and_only_that_one(settings):
    settings.WEBHOOK_ALLOWED_PRIVATE_NETWORKS = ["10.20.0.0/24"]
    assert receivers.resolve("https://10.20.0.5/hook").addresses == ("10.20.0.5",)
    with pytest.raises(receivers.RefusedReceiver):
        receivers.resolve("https://10.20.1.5/hook")
    with pytest.raises(receivers.RefusedReceiver):
        receivers.resolve("https://169.254.169.254/hook")
