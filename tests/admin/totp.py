"""RFC 6238 codes computed from the secret as an authenticator app does: no django-otp here."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time

STEP = 30


def current_step() -> int:
    return int(time.time() // STEP)


def code(secret: str, step: int) -> str:
    """The six-digit code for ``step`` (30-second periods since 1970) of a base32 ``secret``."""
    key = base64.b32decode(
        "".join(secret.split()).upper() + "=" * (-len(secret.replace(" ", "")) % 8)
    )
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


class App:
    """An authenticator app: never shows the same period's code twice (the server refuses reuse)."""

    def __init__(self, secret: str):
        self.secret = secret
        self.last_step = None

    def next_code(self) -> str:
        step = current_step()
        if self.last_step is not None and step <= self.last_step:
            step = self.last_step + 1  # one period ahead is within the server's tolerance
        self.last_step = step
        return code(self.secret, step)
