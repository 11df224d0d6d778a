import Mustache

/// How `{{value}}` is escaped in every theme template: by Unicode scalar, through `HTML.escape`.
///
/// swift-mustache's own HTML escaping looks at each `Character` (grapheme cluster), so a `"`,
/// `<` or `&` followed by a combining mark (`"\u{301}`) is one Character that is not `"` and
/// was written out raw: a report title such as `x"\u{301} onfocus=…` would have left the
/// quotes of `<meta content="{{description}}">`. Report text is untrusted, so every template
/// starts, before its first byte, with a content-type pragma naming this escaper.
struct TemplateEscaping: MustacheContentType {
    static let name = "NIANBAO_HTML"
    /// Put in front of each template's text; no newline, so line numbers stay the file's.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    func escapeText(_ text: String) -> String { HTML.escape(text) }

    /// Registers the escaper once per process, before any template naming it is parsed.
    static let registered: Void = MustacheContentTypes.register(TemplateEscaping(), named: name)

    /// `text` compiled with the escaper switched on from its first byte.
    static func template(_ text: String) throws -> MustacheTemplate {
        _ = registered
        return try MustacheTemplate(string: pragma + text)
    }
}
