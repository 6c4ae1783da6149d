"""An HTTP client for what publishers serve, safe to point at any address an editor pastes.

- http and https only; no user names or passwords in addresses.
- Server-side request forgery: every host name is resolved here and every answer checked; the
  connection then goes to the checked address (a second DNS lookup could answer differently).
  Private, link-local, multicast and reserved addresses are always refused; loopback only where
  ``CURATION_ALLOW_LOOPBACK`` allows it (development and tests). Redirects are followed by hand,
  so each hop is checked the same way, and there are at most ``MAX_REDIRECTS`` of them.
- Time and size limits: a timeout on each connect and read, a deadline for the whole fetch, and
  a cap on the (decompressed) body.

Failures raise FetchError with a sentence an editor can act on.
"""

import http.client
import ipaddress
import socket
import ssl
import time
import zlib
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils import timezone

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT = 10  # seconds for each connect or read
DEADLINE = 30  # seconds for the whole fetch, redirects included
CHUNK_SIZE = 64 * 1024
REDIRECT_STATUSES = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A fetch that failed; the message is meant for an editor."""


@dataclass
class FetchResult:
    url: str
    status: int
    headers: dict = field(default_factory=dict)
    body: bytes = b""
    fetched_at: object = field(default_factory=timezone.now)

    @property
    def not_modified(self):
        return self.status == 304

    def _content_type(self):
        message = Message()
        message["content-type"] = self.headers.get("content-type", "")
        return message

    @property
    def content_type(self):
        return self._content_type().get_content_type() if self.headers.get("content-type") else ""

    @property
    def charset(self):
        return self._content_type().get_param("charset") or None


def _setting(name, default):
    return getattr(settings, name, default)


def check_url(url):
    """The parts of ``url`` if it is an address this client may fetch, else FetchError."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as error:
        raise FetchError(f"That is not a valid web address ({error}).") from error
    if parts.scheme not in {"http", "https"}:
        raise FetchError("Only http:// and https:// addresses can be fetched.")
    if not parts.hostname:
        raise FetchError("That address has no host name.")
    if parts.username or parts.password:
        raise FetchError("Addresses with a user name or password in them are not fetched.")
    return parts


def is_forbidden_address(address):
    """True for addresses the site must not connect to (see the module docstring)."""
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address.is_loopback:
        return not _setting("CURATION_ALLOW_LOOPBACK", False)
    return address.is_multicast or not address.is_global


def resolve(host, port):
    """Every address ``host`` resolves to, or FetchError if any of them is forbidden."""
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"Could not find the host {host}.") from error
    addresses = []
    for *_, sockaddr in answers:
        address = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
        if is_forbidden_address(address):
            raise FetchError(
                f"{host} points to a private or local network address ({address}); "
                "the site does not fetch those."
            )
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchError(f"Could not find the host {host}.")
    return addresses


class _PinnedConnectionMixin:
    """Connects to an address checked beforehand, whatever DNS would say now."""

    def __init__(self, host, port, *, address, **kwargs):
        super().__init__(host, port, **kwargs)
        self.address = address

    def _open_socket(self):
        # A plain socket on the address itself: socket.create_connection would look it up again.
        family = socket.AF_INET6 if self.address.version == 6 else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(self.timeout)
            sock.connect((str(self.address), self.port))
        except BaseException:
            sock.close()
            raise
        return sock


class PinnedHTTPConnection(_PinnedConnectionMixin, http.client.HTTPConnection):
    def connect(self):
        self.sock = self._open_socket()


class PinnedHTTPSConnection(_PinnedConnectionMixin, http.client.HTTPSConnection):
    def connect(self):
        # Certificate and host name are checked against the name, not the address.
        self.sock = self._context.wrap_socket(self._open_socket(), server_hostname=self.host)


def _open(parts, headers, timeout):
    port = parts.port or (443 if parts.scheme == "https" else 80)
    addresses = resolve(parts.hostname, port)
    target = parts.path or "/"
    if parts.query:
        target += f"?{parts.query}"
    last_error = None
    for address in addresses:
        if parts.scheme == "https":
            connection = PinnedHTTPSConnection(
                parts.hostname,
                port,
                address=address,
                timeout=timeout,
                context=ssl.create_default_context(),
            )
        else:
            connection = PinnedHTTPConnection(
                parts.hostname, port, address=address, timeout=timeout
            )
        try:
            connection.request("GET", target, headers=headers)
            return connection, connection.getresponse()
        except ConnectionRefusedError as error:
            connection.close()
            last_error = error  # try the host's next address
        except BaseException:
            connection.close()
            raise
    raise FetchError(f"{parts.hostname} refused the connection.") from last_error


def _read_body(response, max_bytes, deadline):
    length = response.getheader("Content-Length")
    if length and length.strip().isdigit() and int(length) > max_bytes:
        raise FetchError(f"The answer is larger than the {max_bytes // 1024 // 1024} MB limit.")
    encoding = (response.getheader("Content-Encoding") or "").strip().lower()
    decompressor = None
    if encoding in {"gzip", "x-gzip"}:
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decompressor = zlib.decompressobj()
    chunks, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError("The server took too long to send its answer.")
        chunk = response.read1(CHUNK_SIZE)
        if not chunk:
            break
        if decompressor is not None:
            try:
                chunk = decompressor.decompress(chunk, max_bytes + 1 - size)
            except zlib.error as error:
                raise FetchError("The answer was compressed incorrectly.") from error
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"The answer is larger than the {max_bytes // 1024 // 1024} MB limit.")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(url, *, accept="*/*", etag="", last_modified="", max_bytes=None):
    """GET ``url`` and return a FetchResult (status 200-299, or 304 for a conditional GET)."""
    timeout = _setting("CURATION_FETCH_TIMEOUT", TIMEOUT)
    deadline = time.monotonic() + _setting("CURATION_FETCH_DEADLINE", DEADLINE)
    max_bytes = max_bytes or _setting("CURATION_MAX_BYTES", MAX_BYTES)
    max_redirects = _setting("CURATION_MAX_REDIRECTS", MAX_REDIRECTS)
    headers = {
        "User-Agent": _setting("CURATION_USER_AGENT", "RiversideLedgerBot/1.0"),
        "Accept": accept,
        "Accept-Encoding": "gzip",
        "Connection": "close",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified

    visited = set()
    for _hop in range(max_redirects + 1):
        parts = check_url(url)
        if url in visited:
            raise FetchError("The address redirects in a loop.")
        visited.add(url)
        try:
            connection, response = _open(parts, headers, timeout)
        except FetchError:
            raise
        except TimeoutError as error:
            raise FetchError(
                f"{parts.hostname} did not answer within {timeout} seconds."
            ) from error
        except ssl.SSLError as error:
            raise FetchError(
                f"The secure connection to {parts.hostname} failed ({error.reason})."
            ) from error
        except (OSError, http.client.HTTPException) as error:
            raise FetchError(f"Could not fetch from {parts.hostname} ({error}).") from error
        try:
            status = response.status
            if status in REDIRECT_STATUSES:
                location = (response.getheader("Location") or "").strip()
                if not location:
                    raise FetchError(f"The server answered {status} without saying where to.")
                url = urljoin(url, location)
                continue
            response_headers = {key.lower(): value for key, value in response.getheaders()}
            if status == 304:
                return FetchResult(url, status, response_headers)
            if not 200 <= status < 300:
                raise FetchError(f"The server answered {status} {response.reason}.".strip())
            try:
                body = _read_body(response, max_bytes, deadline)
            except TimeoutError as error:
                raise FetchError(
                    f"{parts.hostname} stopped sending its answer for {timeout} seconds."
                ) from error
            except (OSError, http.client.HTTPException) as error:
                raise FetchError(
                    f"The answer from {parts.hostname} broke off ({error})."
                ) from error
            return FetchResult(url, status, response_headers, body)
        finally:
            connection.close()
    raise FetchError(f"The address redirects more than {max_redirects} times.")
