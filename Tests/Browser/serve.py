"""A static file server on 127.0.0.1 for the browser tests and the search benchmark: it
serves a built site the way common static hosts do — gzip for text, JSON, JavaScript and CSS
when the browser asks for it, binary files as they are — and never anything outside its folder.

    python3 serve.py SITE_DIR [PORT]      # PORT 0 (default) picks a free one; prints the URL
"""
import gzip
import http.server
import os
import sys
import threading

COMPRESSED = (".html", ".json", ".js", ".css", ".txt", ".md", ".xml", ".svg")


class Counter:
    """Bytes the server has sent (status lines, headers and bodies): what the browser downloaded,
    workers' requests included (which the page's own performance timeline does not see)."""

    def __init__(self):
        self.bytes = 0
        self.requests = 0
        self.lock = threading.Lock()

    def add(self, n, request=False):
        with self.lock:
            self.bytes += n
            self.requests += request

    def take(self):
        with self.lock:
            out = (self.bytes, self.requests)
            self.bytes = self.requests = 0
            return out


class _CountingFile:
    def __init__(self, raw, counter):
        self.raw, self.counter = raw, counter

    def write(self, data):
        self.counter.add(len(data))
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


class Handler(http.server.SimpleHTTPRequestHandler):
    counter = None

    def setup(self):
        super().setup()
        if self.counter is not None:
            self.wfile = _CountingFile(self.wfile, self.counter)

    def handle_one_request(self):
        if self.counter is not None:
            self.counter.add(0, request=True)
        super().handle_one_request()

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".json": "application/json", ".js": "text/javascript", ".bin": "application/octet-stream",
                      ".md": "text/plain; charset=utf-8", ".txt": "text/plain; charset=utf-8"}

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = os.path.join(path, "index.html")
        if not path.endswith(COMPRESSED) or "gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path):
            return super().send_head()
        with open(path, "rb") as f:
            body = gzip.compress(f.read(), 6, mtime=0)
        self.send_response(200)
        ctype = self.guess_type(path)
        if ctype.startswith("text/") and "charset" not in ctype:
            ctype += "; charset=utf-8"
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def start(directory, port=0, counter=None):
    """Serves `directory` from a background thread; returns (server, base URL). With a
    `Counter`, every byte sent is added to it."""
    handler_class = type("CountingHandler", (Handler,), {"counter": counter})
    handler = lambda *a, **kw: handler_class(*a, directory=directory, **kw)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d/" % server.server_address[1]


if __name__ == "__main__":
    server, url = start(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0)
    print(url, flush=True)
    threading.Event().wait()
