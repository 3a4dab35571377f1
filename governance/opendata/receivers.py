"""Where a webhook may be sent: public https addresses only, checked when saved and when sent.

A subscription's address is typed by a person, and the delivery worker sends
POSTs from inside the server's network. Without a rule, an address such as
``http://169.254.169.254/`` (a cloud's metadata service) or ``http://127.0.0.1:5432/``
would turn the worker into a way to reach what the internet cannot. So:

- the scheme is ``https`` (plain ``http`` only with ``DEBUG``, for a receiver on
  the developer's own machine);
- every address the host name resolves to must be a public one (``is_global``:
  no loopback, private, link-local, shared, multicast, reserved or documentation
  range), unless it lies in a network that ``WEBHOOK_ALLOWED_PRIVATE_NETWORKS``
  names explicitly (tests, a developer's machine, a receiver inside the region's
  own network);
- the check runs when the subscription is saved (a form error) and again when
  each delivery is sent, after the name has been resolved, and the connection
  goes to the address that was checked — never to a second resolution of the
  name, which an attacker's DNS server could answer differently (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class RefusedReceiver(ValueError):
    """The address may not receive webhooks; the message says why, in plain Swedish."""


@dataclass(frozen=True)
class Target:
    """A receiver after the check: where to connect, and what to call it (Host, TLS name)."""

    scheme: str
    host: str
    port: int
    path: str
    addresses: tuple[str, ...]


def allowed_private_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [
        ipaddress.ip_network(n, strict=False)
        for n in getattr(settings, "WEBHOOK_ALLOWED_PRIVATE_NETWORKS", [])
    ]


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (::ffff:a.b.c.d, 6to4, Teredo), if any."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            return address.ipv4_mapped
        if address.sixtofour:
            return address.sixtofour
        if address.teredo:
            return address.teredo[1]
    return None


def is_public(address: IPAddress) -> bool:
    inner = _embedded_ipv4(address)
    if inner is not None and not is_public(inner):
        return False
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_unspecified
    )


def address_allowed(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return is_public(ip) or any(ip in network for network in allowed_private_networks())


def _parse(url: str) -> tuple[str, str, int, str]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    allowed = ("https", "http") if getattr(settings, "WEBHOOK_ALLOW_HTTP", False) else ("https",)
    if scheme not in allowed:
        raise RefusedReceiver(_("Mottagarens adress måste börja med https://."))
    if parts.username or parts.password:
        raise RefusedReceiver(_("Adressen får inte innehålla användarnamn eller lösenord."))
    host = parts.hostname
    if not host:
        raise RefusedReceiver(_("Adressen saknar värdnamn."))
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as exc:
        raise RefusedReceiver(_("Adressens portnummer är ogiltigt.")) from exc
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return scheme, host, port, path


def resolve(url: str) -> Target:
    """The checked target of ``url``; raises ``RefusedReceiver`` with the reason."""
    scheme, host, port, path = _parse(url)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise RefusedReceiver(
            _("Värdnamnet %(host)s gick inte att slå upp.") % {"host": host}
        ) from exc
    addresses = tuple(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise RefusedReceiver(_("Värdnamnet %(host)s gick inte att slå upp.") % {"host": host})
    # Every address must pass: a name that also points inwards is refused whole.
    refused = [a for a in addresses if not address_allowed(a)]
    if refused and refused[0] == host:
        raise RefusedReceiver(
            _(
                "%(address)s är inte en publik adress på internet. "
                "Webhooks skickas bara till publika adresser."
            )
            % {"address": host}
        )
    if refused:
        raise RefusedReceiver(
            _(
                "%(host)s pekar på %(address)s, som inte är en publik adress på internet. "
                "Webhooks skickas bara till publika adresser."
            )
            % {"host": host, "address": refused[0]}
        )
    return Target(scheme, host, port, path, addresses)
