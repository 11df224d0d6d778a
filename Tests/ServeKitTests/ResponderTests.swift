import Foundation
import ReportKit
import SiteKit
import Testing
@testable import ServeKit

@Suite struct BuildStatusTests {
    @Test func noBannerWithoutErrors() {
        #expect(BuildStatus(id: "r-1").banner == nil)
    }

    /// File names and messages come from the publisher's files: the banner escapes them.
    @Test func bannerListsErrorsEscaped() {
        let d = FileDiagnostic(file: "content/<script>a.txt", diagnostic: .error("file.empty", "文件是空的 & \"x\"", line: 3))
        let status = BuildStatus(id: "r-1", errors: [d])
        #expect(status.banner == "<aside id=\"nianbao-serve-problems\" role=\"status\" style=\"position:fixed;z-index:2147483647;"
            + "left:0;right:0;bottom:0;max-height:40vh;overflow:auto;margin:0;padding:.5em 1em;background:#fff4f4;"
            + "color:#5c0000;border-top:3px solid #b00020;font:14px/1.5 system-ui,sans-serif\">"
            + "<details><summary>nianbao serve · 本次构建有 1 个错误</summary><ul>"
            + "<li><code>content/&lt;script&gt;a.txt:3: error: 文件是空的 &amp; &quot;x&quot; [file.empty]</code></li>"
            + "</ul></details></aside>")
    }

    @Test func aStoppedBuildOpensTheBannerAndCountsWhatIsNotListed() throws {
        let errors = (1...25).map { FileDiagnostic(file: "content/\($0).txt", diagnostic: .error("file.empty", "空", line: nil)) }
        let banner = try #require(BuildStatus(id: "r-2", failure: "themes/x/report.mustache:3: error: <oops> [theme.template]",
                                              errors: errors).banner)
        #expect(banner.contains("<details open><summary>nianbao serve · 构建失败：这里显示的是上一次构建的网站</summary>"))
        #expect(banner.contains("<li><code>themes/x/report.mustache:3: error: &lt;oops&gt; [theme.template]</code></li>"))
        #expect(banner.components(separatedBy: "<li>").count - 1 == BuildStatus.listed)
        #expect(banner.contains("<p>另有 6 条，运行 <code>nianbao check</code> 可看到全部。</p>"))
    }
}

@Suite struct ResponderTests {
    func reply(_ s: ServedSite, _ target: String, method: String = "GET", host: String? = "127.0.0.1:1313",
               status: BuildStatus = BuildStatus(id: "r-1")) -> Responder.Reply {
        Responder(folder: s.folder, port: 1313).reply(method: method, target: target, host: host, status: status)
    }

    func body(_ r: Responder.Reply) -> String {
        guard case .data(let d) = r.body else { return "" }
        return String(decoding: d, as: UTF8.self)
    }

    @Test func pagesGetTheScriptOtherFilesAreSentAsTheyAre() throws {
        let s = try ServedSite()
        let page = reply(s, "/")
        #expect(page.status == 200)
        #expect(page.headers == ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"])
        #expect(body(page) == "<html><body><p>home</p><script src=\"/__nianbao/live.js\"></script></body></html>")
        let css = reply(s, "/style.css")
        #expect(css.body == .file(s.real + "/style.css", size: 3))
        #expect(css.headers["Content-Type"] == "text/css; charset=utf-8")
        let head = reply(s, "/a/b.html", method: "HEAD")
        #expect(head.headOnly && head.contentLength == "<p>b</p>".utf8.count + LiveReload.tag.utf8.count)
    }

    @Test func errorsShowInEveryPage() throws {
        let s = try ServedSite()
        let d = FileDiagnostic(file: "content/a.doc", diagnostic: .error("file.empty", "空", line: nil))
        let status = BuildStatus(id: "r-1", errors: [d])
        #expect(body(reply(s, "/a/b.html", status: status)) == "<p>b</p>" + status.banner! + LiveReload.tag)
        #expect(body(reply(s, "/missing/", status: status)).contains(status.banner! + LiveReload.tag + "</body>"))
    }

    @Test func theServersOwnPaths() throws {
        let s = try ServedSite()
        #expect(body(reply(s, "/__nianbao/live.js")) == LiveReload.script)
        #expect(reply(s, "/__nianbao/live.js").headers["Content-Type"] == "text/javascript; charset=utf-8")
        #expect(reply(s, "/__nianbao/events").body == .events)
        #expect(reply(s, "/__nianbao/events").headers["Content-Type"] == "text/event-stream; charset=utf-8")
    }

    @Test func refusals() throws {
        let s = try ServedSite()
        #expect(reply(s, "/a").status == 301)
        #expect(reply(s, "/a").headers["Location"] == "/a/")
        #expect(reply(s, "/a?x=1").headers["Location"] == "/a/")
        #expect(reply(s, "/../secret.txt").status == 400)
        #expect(reply(s, "/.nianbao/cache").status == 400)
        #expect(reply(s, "/out").status == 404)
        #expect(body(reply(s, "/%3Cb%3E")).contains("找不到 <code>/%3Cb%3E</code>"))
        #expect(reply(s, "/", host: "evil.example:1313").status == 403)
        #expect(reply(s, "/", host: "localhost:1313").status == 200)
        #expect(reply(s, "/", host: nil).status == 200)
        let post = reply(s, "/", method: "POST")
        #expect(post.status == 405 && post.headers["Allow"] == "GET, HEAD")
    }
}
