import SiteKit

/// What the last build of a preview left: its id (new for every build, so open pages know
/// to reload), and the problems that no page of the site can show.
///
/// A report's own errors and warnings are already on its page, beside the cell they are
/// about. What has no page of its own is shown in a banner on every served page: the error
/// that stopped the build (a broken template, an unreadable `site.yml` — the previous site
/// is then still served), and the error diagnostics of the build, among them files that
/// could not be read as a report at all.
public struct BuildStatus: Sendable, Equatable {
    public var id: String
    /// Why the last build stopped (`file:line: error: message [code]`, or the error as
    /// described); `nil` when it finished.
    public var failure: String?
    /// The error diagnostics of the last finished build.
    public var errors: [FileDiagnostic]

    public init(id: String, failure: String? = nil, errors: [FileDiagnostic] = []) {
        self.id = id
        self.failure = failure
        self.errors = errors
    }

    /// At most this many diagnostics are listed; the banner counts the rest.
    public static let listed = 20

    /// The banner's HTML, or `nil` when there is nothing to show. Every text from a file name,
    /// a report or a message is escaped.
    ///
    ///     <aside id="nianbao-serve-problems" …><details><summary>本次构建有 1 个错误</summary>
    ///     <ul><li><code>content/a.doc: 无法读取 … [input.legacyWord]</code></li></ul></details></aside>
    public var banner: String? {
        let all = (failure.map { [$0] } ?? []) + errors.map(\.text)
        guard !all.isEmpty else { return nil }
        let summary = failure != nil ? "构建失败：这里显示的是上一次构建的网站" : "本次构建有 \(errors.count) 个错误"
        var html = "<aside id=\"nianbao-serve-problems\" role=\"status\" style=\"position:fixed;z-index:2147483647;"
            + "left:0;right:0;bottom:0;max-height:40vh;overflow:auto;margin:0;padding:.5em 1em;background:#fff4f4;"
            + "color:#5c0000;border-top:3px solid #b00020;font:14px/1.5 system-ui,sans-serif\">"
            + "<details\(failure != nil ? " open" : "")><summary>nianbao serve · \(summary)</summary><ul>"
        for d in all.prefix(Self.listed) {
            html += "<li><code>" + HTML.escape(d) + "</code></li>"
        }
        html += "</ul>"
        if all.count > Self.listed {
            html += "<p>另有 \(all.count - Self.listed) 条，运行 <code>nianbao check</code> 可看到全部。</p>"
        }
        return html + "</details></aside>"
    }
}
