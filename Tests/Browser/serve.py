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


class Handler(http.server.SimpleHTTPRequestHandler):
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


def start(directory, port=0):
    """Serves `directory` from a background thread; returns (server, base URL)."""
    handler = lambda *a, **kw: Handler(*a, directory=directory, **kw)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d/" % server.server_address[1]


if __name__ == "__main__":
    server, url = start(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0)
    print(url, flush=True)
    threading.Event().wait()
