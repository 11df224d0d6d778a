import Foundation

/// Live reload: the small script every served page gets, the event stream it listens to,
/// and the injection of the script into a page.
///
/// Server-sent events rather than a WebSocket: the browser's `EventSource` reconnects by
/// itself, the stream is plain HTTP, and the server only ever talks one way. The script is
/// added to a page as it is sent; nothing is written to the site on disk, so `public/`
/// stays exactly what `nianbao build` publishes.
///
/// Events (`text/event-stream`): on connecting, `hello` with the build's id; after each
/// rebuild, `reload` with the new id. A page reloads on `reload`, and on a `hello` whose id
/// differs from the one it first saw — the server was restarted while the page was open.
public enum LiveReload {
    /// Paths under `/__nianbao/` belong to the server: a site's own names never start with `_`
    /// twice (the site has none), so they cannot hide a page.
    public static let eventsPath = "/__nianbao/events"
    public static let scriptPath = "/__nianbao/live.js"

    /// The tag injected into each page.
    public static let tag = "<script src=\"\(scriptPath)\"></script>"

    public static let script = """
        // nianbao serve: reload this page when the site is rebuilt. Added by the preview server only.
        (function () {
          var first = null;
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("hello", function (e) {
            if (first === null) { first = e.data; } else if (e.data !== first) { location.reload(); }
          });
          events.addEventListener("reload", function () { location.reload(); });
        })();

        """

    /// The first frame of a stream: how long the browser waits before reconnecting (ms),
    /// and the current build.
    public static func hello(build id: String) -> String { "retry: 1000\nevent: hello\ndata: \(id)\n\n" }

    public static func reload(build id: String) -> String { "event: reload\ndata: \(id)\n\n" }

    /// A comment line that keeps the connection alive through idle periods and finds closed
    /// ones (a write to a closed connection fails).
    public static let keepAlive = ": keep-alive\n\n"

    /// `html` with `insert` placed just before its last `</body>` (in any letter case), or
    /// appended when it has none.
    ///
    ///     <p>a</p></body></html>  →  <p>a</p>INSERT</body></html>
    public static func inject(_ insert: String, into html: Data) -> Data {
        var out = html
        let at = lastClosingBody(in: html) ?? html.endIndex
        out.insert(contentsOf: Data(insert.utf8), at: at)
        return out
    }

    /// Where the last `</body` starts (ASCII case ignored).
    static func lastClosingBody(in html: Data) -> Data.Index? {
        let needle = Array("</body".utf8)
        return html.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Data.Index? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= needle.count else { return nil }
            var i = bytes.count - needle.count
            while i >= 0 {
                var match = true
                for (k, n) in needle.enumerated() where bytes[i + k] | (k >= 2 ? 0x20 : 0) != n {
                    match = false
                    break
                }
                if match { return html.startIndex + i }
                i -= 1
            }
            return nil
        }
    }
}
