// Placeholder until the site branch lands.
public struct SiteRenderer {
    public static let fallbackSlug: @Sendable (String) -> String = { $0 }
    public init(config: SiteConfig, slug: @escaping @Sendable (String) -> String = SiteRenderer.fallbackSlug) throws {}
    public func render(_ documents: [ParsedDocument]) throws -> [OutputFile] { [] }
}
