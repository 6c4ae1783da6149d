"""A local HTTP server for the curation desk's tests: publishers' feeds and pages, served from
127.0.0.1 on a free port by a thread of the test. Nothing leaves the machine."""

import gzip
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (a slow server)
    handler: object = None  # callable(request_headers) -> (status, headers, body)


class FixtureServer:
    def __init__(self):
        self.routes = {}
        self.requests = []  # (path, headers) of every request, in order
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
                if route is None:
                    status, headers, body = 404, {"Content-Type": "text/plain"}, b"not here"
                elif route.handler is not None:
                    status, headers, body = route.handler(self.headers)
                else:
                    status, headers, body = route.status, route.headers, route.body
                if route is not None and route.delay:
                    time.sleep(route.delay)
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    if "Content-Length" not in headers:
                        self.send_header("Content-Length", str(len(body)))
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (size limit, timeout): that is the point
                self.close_connection = True

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path, body=b"", content_type="text/html; charset=utf-8", **options):
        headers = {"Content-Type": content_type, **options.pop("headers", {})}
        if isinstance(body, str):
            body = body.encode()
        self.routes[path] = Route(body=body, headers=headers, **options)
        return self.url(path)

    def add_redirect(self, path, location, status=302):
        self.routes[path] = Route(status=status, headers={"Location": location})
        return self.url(path)

    def add_gzip(self, path, body, content_type):
        return self.add(
            path,
            gzip.compress(body),
            content_type=content_type,
            headers={"Content-Encoding": "gzip"},
        )

    def paths_requested(self):
        return [path for path, _ in self.requests]
