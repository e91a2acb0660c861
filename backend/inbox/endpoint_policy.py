"""Which push endpoints the worker may POST to (server-side request forgery guard).

A push endpoint is a URL the *browser* chose, so it is untrusted input that makes our
worker send a request. Two checks:

- ``endpoint_error`` when a device subscribes: https (plain http only to loopback in
  development), a host on the allow-list of push services when one is configured (the
  production default), and no literal address we refuse.
- ``checked_address`` at every send: the host is resolved and *every* address it
  resolves to must be public (no loopback, private, link-local, multicast, reserved or
  unspecified address; loopback only when ``PUSH_ALLOW_LOOPBACK_HTTP`` is on). The
  transport then connects to that checked address itself, so a DNS answer that changes
  between the check and the connection (rebinding) cannot redirect it.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings

# The browsers' push services (Chrome/Edge/Opera: FCM; Firefox: Mozilla autopush;
# Safari: Apple; legacy Edge: WNS). A host matches an entry exactly or as a subdomain.
KNOWN_PUSH_SERVICE_HOSTS = [
    "fcm.googleapis.com",
    "android.googleapis.com",
    "updates.push.services.mozilla.com",
    "push.services.mozilla.com",
    "web.push.apple.com",
    "notify.windows.com",
]
_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


class EndpointRefused(Exception):
    pass


def host_allowed(host: str, allowed: list[str] | tuple[str, ...]) -> bool:
    """Empty list or ``*``: any host. Otherwise exact or subdomain match."""
    if not allowed or "*" in allowed:
        return True
    host = host.lower().rstrip(".")
    return any(host == entry or host.endswith("." + entry) for entry in allowed)


def address_refused(address: str, *, allow_loopback: bool) -> str | None:
    """Why an IP address may not be contacted, or None."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return None if allow_loopback else "a loopback address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_private:  # includes 10/8, 172.16/12, 192.168/16, fc00::/7, 100.64/10 …
        return "a private address"
    if ip.is_reserved or ip.is_unspecified or not ip.is_global:
        return "a reserved address"
    return None


def endpoint_error(endpoint: str) -> str | None:
    """The message for a subscription we refuse to store, or None."""
    try:
        parts = urlsplit(endpoint)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError:
        return "This is not a valid push endpoint address."
    if not host:
        return "This is not a valid push endpoint address."
    loopback_ok = settings.PUSH_ALLOW_LOOPBACK_HTTP
    if parts.scheme == "http":
        if not (loopback_ok and host in _LOOPBACK_NAMES):
            return "The push endpoint must be an https:// address."
        return None
    if parts.scheme != "https":
        return "The push endpoint must be an https:// address."
    if not host_allowed(host, settings.PUSH_ALLOWED_HOSTS) and not (
        loopback_ok and host in _LOOPBACK_NAMES
    ):
        return "This is not the address of a known push service."
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return None  # a name: checked again, resolved, at every send
    if address_refused(host, allow_loopback=loopback_ok):
        return "This is not the address of a push service."
    return None


def checked_address(endpoint: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, IP to connect to) for a send, after resolving the host and
    checking every address it resolves to. Raises ``EndpointRefused``."""
    message = endpoint_error(endpoint)
    if message:
        raise EndpointRefused(message)
    parts = urlsplit(endpoint)
    host = (parts.hostname or "").lower()
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = resolve_public(host, port, allow_loopback=settings.PUSH_ALLOW_LOOPBACK_HTTP)
    return parts.scheme, host, port, address


def resolve_public(host: str, port: int, *, allow_loopback: bool) -> str:
    """Resolve ``host`` and check *every* address it resolves to (see ``address_refused``);
    the address to connect to. Used for push endpoints and calendar feeds alike: the
    caller connects to exactly this address, so a changed DNS answer cannot redirect it.
    Raises ``EndpointRefused`` (its message says which address and why)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise EndpointRefused(f"cannot resolve {host}: {exc}") from exc
    addresses = sorted({str(info[4][0]) for info in infos})
    if not addresses:
        raise EndpointRefused(f"{host} resolves to no address")
    for address in addresses:
        reason = address_refused(address, allow_loopback=allow_loopback)
        if reason:
            raise EndpointRefused(f"{host} resolves to {reason} ({address})")
    return addresses[0]
