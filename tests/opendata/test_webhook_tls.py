"""https receivers: the connection goes to the checked address, the certificate must fit the name."""

import ssl
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import trustme

from governance.opendata import receivers, signing
from governance.opendata.models import WebhookDelivery, WebhookSubscription
from governance.opendata.webhooks import connection_to, post


class TLSReceiver:
    """A real https server on 127.0.0.1 with a certificate for the given names."""

    def __init__(self, ca: trustme.CA, *names: str):
        self.hosts: list[str] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers["Content-Length"]))
                receiver.hosts.append(self.headers["Host"])
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert(*names).configure_cert(context)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_port
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def ca():
    return trustme.CA()


@pytest.fixture
def trusting(ca):
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


def _delivery(url):
    sub = WebhookSubscription(name="TLS", url=url, secret=signing.new_secret())
    return WebhookDelivery(
        pk=7, subscription=sub, payload={}, model="bodies.body", action="created"
    )


def test_an_https_delivery_is_sent_when_the_certificate_is_valid(settings, ca, trusting):
    settings.WEBHOOK_ALLOWED_PRIVATE_NETWORKS = ["127.0.0.0/8"]
    with TLSReceiver(ca, "127.0.0.1") as receiver:
        outcome = post(_delivery(f"https://127.0.0.1:{receiver.port}/hook"), tls_context=trusting)
        refused = post(_delivery(f"https://127.0.0.1:{receiver.port}/hook"))
    assert (outcome.ok, outcome.status_code) == (True, 204)
    assert not refused.ok and "CERTIFICATE_VERIFY_FAILED" in refused.error


def test_the_pinned_address_is_verified_against_the_host_name(ca, trusting):
    with TLSReceiver(ca, "hooks.example.test") as receiver:
        right = receivers.Target("https", "hooks.example.test", receiver.port, "/", ("127.0.0.1",))
        conn = connection_to(right, "127.0.0.1", tls_context=trusting)
        conn.request("POST", "/", body=b"{}")
        assert conn.getresponse().status == 204
        conn.close()

        wrong = receivers.Target("https", "other.example.test", receiver.port, "/", ("127.0.0.1",))
        with pytest.raises(ssl.SSLCertVerificationError):
            connection_to(wrong, "127.0.0.1", tls_context=trusting).connect()
    assert receiver.hosts == [f"hooks.example.test:{receiver.port}"]
