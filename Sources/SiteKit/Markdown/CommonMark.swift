// The one file that touches libcmark: C pointers never leave it, every
// allocation is released in `defer`, and the output is a Swift `String`.
//
// Safe mode only. cmark has escaped raw HTML and dropped `javascript:` links by default since
// 0.29; `CMARK_OPT_UNSAFE` is never passed. Report text is untrusted, so on top of that:
// links whose destination is not absolute (`http:`, `https:`, `mailto:`) are unwrapped to
// their text — a relative link in a report would point into *our* site and break — and
// images are unwrapped to their alt text, so a page never loads a third-party resource.

import Ccmark
import Foundation

/// Markdown → HTML through libcmark, in safe mode.
public enum CommonMark {
    /// Renders a markdown fragment (a paragraph of a report) to HTML.
    ///
    ///     CommonMark.html("**一是** <b>x</b>")  // "<p><strong>一是</strong> <!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n"
    public static func html(_ markdown: String) -> String {
        var source = markdown
        return source.withUTF8 { buffer -> String in
            let options = CMARK_OPT_DEFAULT  // never CMARK_OPT_UNSAFE
            guard let base = buffer.baseAddress,
                  let root = base.withMemoryRebound(to: CChar.self, capacity: buffer.count, {
                      cmark_parse_document($0, buffer.count, options)
                  })
            else { return "" }
            defer { cmark_node_free(root) }
            unwrapUnsafeInlines(root)
            guard let rendered = cmark_render_html(root, options) else { return "" }
            defer { free(rendered) }
            return strongLeftovers(String(cString: rendered))
        }
    }

    /// Replaces each image, and each link with a non-absolute destination, by its children.
    private static func unwrapUnsafeInlines(_ root: OpaquePointer) {
        var doomed: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_IMAGE:
                doomed.append(node)
            case CMARK_NODE_LINK:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if !isAbsolute(url) { doomed.append(node) }
            default:
                break
            }
        }
        // Innermost first, so a link around an image is unwrapped after the image.
        for node in doomed.reversed() {
            while let child = cmark_node_first_child(node) {
                cmark_node_insert_before(node, child)
            }
            cmark_node_free(node)
        }
    }

    /// CommonMark's flanking rules leave `**` literal where Chinese punctuation meets a letter
    /// (`**强化组织领导。**根据` does not close: `。` before, `根` after), and the reader sees the
    /// stars. A pair left on one line of the rendered HTML, with no tag between (text is escaped,
    /// so no `<` or `>` either), is made `<strong>`; a star without its pair stays as printed.
    static func strongLeftovers(_ html: String) -> String {
        guard hasDoubleStar(html) else { return html }
        return html.replacing(/\*\*([^*<>\n]+?)\*\*/) { "<strong>\($0.output.1)</strong>" }
    }

    /// Whether `**` occurs, by bytes: `String.contains(_:)` resolves to Foundation's, which
    /// bridges to `NSString` and searches by grapheme (2 % of a full build's CPU, for every
    /// paragraph of every report, though few have stars).
    static func hasDoubleStar(_ html: String) -> Bool {
        var previous: UInt8 = 0
        for byte in html.utf8 {
            if byte == 0x2A, previous == 0x2A { return true }
            previous = byte
        }
        return false
    }

    private static func isAbsolute(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:")
    }
}
