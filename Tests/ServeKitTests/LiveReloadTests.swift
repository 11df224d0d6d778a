import Foundation
import Testing
@testable import ServeKit

@Suite struct LiveReloadTests {
    func inject(_ html: String) -> String { String(decoding: LiveReload.inject("X", into: Data(html.utf8)), as: UTF8.self) }

    @Test func goesBeforeTheLastClosingBody() {
        #expect(inject("<p>a</p></body></html>") == "<p>a</p>X</body></html>")
        #expect(inject("<p>a</p></BODY>\n</HTML>") == "<p>a</p>X</BODY>\n</HTML>")
        #expect(inject("<p>&lt;/body&gt;</p></Body >") == "<p>&lt;/body&gt;</p>X</Body >")
        #expect(inject("<template></body></template></body>") == "<template></body></template>X</body>")
    }

    @Test func isAppendedToAPageWithoutBody() {
        #expect(inject("<p>a</p>") == "<p>a</p>X")
        #expect(inject("") == "X")
        #expect(inject("</bod") == "</bodX")
        #expect(inject("</bodyguard>") == "X</bodyguard>")
    }

    @Test func framesAreServerSentEvents() {
        #expect(LiveReload.hello(build: "ab-0") == "retry: 1000\nevent: hello\ndata: ab-0\n\n")
        #expect(LiveReload.reload(build: "ab-1") == "event: reload\ndata: ab-1\n\n")
        #expect(LiveReload.tag == "<script src=\"/__nianbao/live.js\"></script>")
        #expect(LiveReload.script.contains("new EventSource(\"/__nianbao/events\")"))
    }

    @Test func liveSiteSaysHelloThenReloadAndEnds() async {
        let live = LiveSite(status: BuildStatus(id: "r-0"))
        var frames = await live.subscribe().makeAsyncIterator()
        #expect(await frames.next() == "retry: 1000\nevent: hello\ndata: r-0\n\n")
        #expect(await live.publish(BuildStatus(id: "r-1")) == 1)
        #expect(await frames.next() == "event: reload\ndata: r-1\n\n")
        await live.finish()
        #expect(await frames.next() == nil)
        var late = await live.subscribe().makeAsyncIterator()
        #expect(await late.next() == "retry: 1000\nevent: hello\ndata: r-1\n\n")
        #expect(await late.next() == nil)
    }
}

@Suite struct MIMETypeTests {
    @Test func byExtension() {
        #expect(MIMEType.of("index.html") == "text/html; charset=utf-8")
        #expect(MIMEType.of("/a/report.JSON") == "application/json; charset=utf-8")
        #expect(MIMEType.of("assets/style.css") == "text/css; charset=utf-8")
        #expect(MIMEType.of("search.js") == "text/javascript; charset=utf-8")
        #expect(MIMEType.of("data/2020.csv") == "text/csv; charset=utf-8")
        #expect(MIMEType.of("feed.atom") == "application/atom+xml; charset=utf-8")
        #expect(MIMEType.of("sitemap.xml") == "application/xml; charset=utf-8")
        #expect(MIMEType.of("favicon.svg") == "image/svg+xml; charset=utf-8")
        #expect(MIMEType.of("source.txt") == "text/plain")
        #expect(MIMEType.of("source.html.txt") == "text/plain")
        #expect(MIMEType.of("2020.zip") == "application/zip")
        #expect(MIMEType.of("Makefile") == "application/octet-stream")
        #expect(MIMEType.of(".hidden") == "application/octet-stream")
        #expect(MIMEType.of("a.exe") == "application/octet-stream")
        #expect(MIMEType.isHTML(MIMEType.of("a.htm")))
        #expect(!MIMEType.isHTML(MIMEType.of("a.txt")))
    }
}
