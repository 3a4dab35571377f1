"""The address of the client behind the request: one rule for login lockouts and API throttling.

Behind reverse proxies ``REMOTE_ADDR`` is the nearest proxy's address, shared by
everyone. Each trusted proxy appends the address it received the request from to
``X-Forwarded-For``, so with ``TRUSTED_PROXY_COUNT`` proxies in front of the app the
client is the entry that many places from the right. Anything further left was
written by the client and may be forged; with no trusted proxy the header is never
read at all.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The client's address as far as the configured trusted proxies vouch for it."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies > 0 and forwarded:
        hops = [hop for hop in forwarded.split(",") if hop.strip()]
        if hops:
            # Fewer entries than proxies: the request entered behind the outermost one
            # (from inside the network); every entry there was written by a proxy.
            found = _valid(hops[-min(proxies, len(hops))])
            if found:
                return found
    return _valid(remote) or "0.0.0.0"
