import Foundation
import SiteKit

/// What the preview server answers to a request, decided here without any network code:
/// the server turns a `Reply` into bytes.
///
/// - `GET`/`HEAD` of a file of the site: the file; a page (`text/html`) gets the live-reload
///   script and, when the last build had problems no page shows, the banner listing them.
/// - A folder: its `index.html`; a folder without its final `/`: `301` to `/dir/`.
/// - `/__nianbao/live.js` and `/__nianbao/events`: the script and the event stream.
/// - A path `RequestPath` refuses: `400`. A `Host` other than the server's own address
///   (`127.0.0.1:PORT`, `localhost:PORT`): `403`, so that a web page elsewhere cannot read
///   the preview through a DNS name rebound to 127.0.0.1. Any other method: `405`.
/// - Anything else: `404`, a small page that also reloads once a build makes the file.
///
/// Every answer says `Cache-Control: no-store`: a preview is never stale.
public struct Responder: Sendable {
    public struct Reply: Sendable {
        public enum Body: Sendable, Equatable {
            case data(Data)
            /// A file sent as it is, streamed from the disk.
            case file(String, size: Int)
            /// The live-reload event stream.
            case events
        }

        public var status: Int
        public var headers: [String: String]
        public var body: Body
        /// `HEAD`: the headers alone (with the `Content-Length` a `GET` would get).
        public var headOnly = false

        public var contentLength: Int? {
            switch body {
            case .data(let d): d.count
            case .file(_, let size): size
            case .events: nil
            }
        }
    }

    public var folder: ServedFolder
    public var port: Int

    public init(folder: ServedFolder, port: Int) {
        self.folder = folder
        self.port = port
    }

    public func reply(method: String, target: String, host: String?, status: BuildStatus) -> Reply {
        var reply = answer(method: method, target: target, host: host, status: status)
        reply.headers["Cache-Control"] = "no-store"
        reply.headers["X-Content-Type-Options"] = "nosniff"
        reply.headOnly = method == "HEAD"
        return reply
    }

    func answer(method: String, target: String, host: String?, status: BuildStatus) -> Reply {
        if let host, !allowedHosts.contains(host.lowercased()) {
            return text(403, "这个预览服务器只回应 127.0.0.1:\(port) 或 localhost:\(port)。\n")
        }
        guard method == "GET" || method == "HEAD" else {
            var r = text(405, "预览服务器只回应 GET 和 HEAD。\n")
            r.headers["Allow"] = "GET, HEAD"
            return r
        }
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? target
        if path == LiveReload.scriptPath {
            return Reply(status: 200, headers: ["Content-Type": MIMEType.of("live.js")], body: .data(Data(LiveReload.script.utf8)))
        }
        if path == LiveReload.eventsPath {
            return Reply(status: 200, headers: ["Content-Type": "text/event-stream; charset=utf-8"], body: .events)
        }
        guard let request = RequestPath(path) else { return text(400, "这个路径不能用。\n") }
        switch folder.locate(request) {
        case .redirect(let location):
            return Reply(status: 301, headers: ["Location": location, "Content-Type": "text/plain; charset=utf-8"],
                         body: .data(Data("→ \(location)\n".utf8)))
        case .notFound:
            let html = "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>找不到页面</title>"
                + "<body><p>找不到 <code>\(HTML.escape(request.encoded))</code>。</p></body></html>"
            return page(404, Data(html.utf8), status: status)
        case .file(let file):
            let type = MIMEType.of(file)
            if MIMEType.isHTML(type) {
                guard let data = FileManager.default.contents(atPath: file) else { return text(404, "找不到这个文件。\n") }
                return page(200, data, status: status)
            }
            var st = stat()
            guard stat(file, &st) == 0 else { return text(404, "找不到这个文件。\n") }
            return Reply(status: 200, headers: ["Content-Type": type], body: .file(file, size: Int(st.st_size)))
        }
    }

    var allowedHosts: Set<String> { ["127.0.0.1:\(port)", "localhost:\(port)"] }

    /// A page with what the preview adds to it: the banner of problems, if any, then the script.
    func page(_ code: Int, _ html: Data, status: BuildStatus) -> Reply {
        let body = LiveReload.inject((status.banner ?? "") + LiveReload.tag, into: html)
        return Reply(status: code, headers: ["Content-Type": MIMEType.of("index.html")], body: .data(body))
    }

    func text(_ code: Int, _ message: String) -> Reply {
        Reply(status: code, headers: ["Content-Type": "text/plain; charset=utf-8"], body: .data(Data(message.utf8)))
    }
}
