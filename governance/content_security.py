"""The Content-Security-Policy header, built once per process for the site-wide policy.

django-csp builds the header from the settings on every response, which costs as much as
serving a page from the read cache does otherwise. The site-wide policy
(``CONTENT_SECURITY_POLICY`` and ``…_REPORT_ONLY`` in the settings) is the same for every
response that neither uses a nonce nor carries a view's own policy (``csp_update`` and
friends, as on the API documentation pages): for those it is built once and kept until the
settings change. Every other response is left to django-csp as it is.
"""

from __future__ import annotations

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

_SETTINGS = ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")
_built: dict[str, tuple[str, tuple[str, ...]]] = {}


def _site_policy(header: str, setting: str, report_only: bool) -> tuple[str, tuple[str, ...]]:
    """(the header's value, the path prefixes it is not sent for) of the site-wide policy."""
    if header not in _built:
        policy = getattr(settings, setting, None) or {}
        prefixes = tuple(policy.get("EXCLUDE_URL_PREFIXES", None) or ())
        _built[header] = (build_policy(report_only=report_only), prefixes)
    return _built[header]


@receiver(setting_changed)
def _forget_policy(setting, **kwargs):
    if setting in _SETTINGS or setting == "DEBUG":
        _built.clear()


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        # django-csp's decorators mark a response with attributes named "_csp_…" (a view's
        # own policy, an exemption): such a response, or one whose page used a nonce, is left
        # to django-csp.
        if getattr(request, "_csp_nonce", None) is not None or any(
            name.startswith("_csp_") for name in vars(response)
        ):
            return super().process_response(request, response)
        if response.status_code in (500, 404) and settings.DEBUG:
            return response  # Django's debug pages, as django-csp leaves them
        for header, setting, report_only in (
            (HEADER, _SETTINGS[0], False),
            (HEADER_REPORT_ONLY, _SETTINGS[1], True),
        ):
            value, excluded = _site_policy(header, setting, report_only)
            if value and header not in response and not request.path_info.startswith(excluded):
                response[header] = value
        # As django-csp does: a nonce asked for after the header was written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
