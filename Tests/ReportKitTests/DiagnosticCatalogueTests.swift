import Foundation
import NianbaoTestSupport
import Testing
@testable import ReportKit

/// The catalogue of diagnostic codes (`DiagnosticCatalogue`) against the code that raises
/// them: the sources are read as text, so a code added anywhere in `Sources/` without an
/// entry (or an entry whose code is no longer raised) fails here.
@Suite struct DiagnosticCatalogueTests {
    /// A code raised in the sources, with the severity it is raised with where the raise names one.
    struct Raised: Hashable, CustomStringConvertible {
        let code: String
        let severity: String?
        let file: String
        var description: String { "\(file): \(severity ?? "?") \(code)" }
    }

    static let codeShape = #"[a-z][A-Za-z]*\.[A-Za-z.]*[A-Za-z]"#

    /// Every `.warning("a.b", …)`, `.error(…)`, `.info(…)`, `Diagnostic(.warning, "a.b", …)` and
    /// `code: "a.b"` (codes held as data: identities, prose probes) in `Sources/`.
    static func raisedCodes() throws -> [Raised] {
        let sources = Fixture.repositoryRoot.appendingPathComponent("Sources")
        let patterns = [
            try NSRegularExpression(pattern: #"\.(warning|error|info)\(\s*"(\#(codeShape))""#),
            try NSRegularExpression(pattern: #"Diagnostic\(\s*\.(warning|error|info)\s*,\s*"(\#(codeShape))""#),
            try NSRegularExpression(pattern: #"()code:\s*"(\#(codeShape))""#),
        ]
        var found: [Raised] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for pattern in patterns {
                for m in pattern.matches(in: text, range: range) {
                    let severity = Range(m.range(at: 1), in: text).map { String(text[$0]) }.flatMap { $0.isEmpty ? nil : $0 }
                    let code = String(text[Range(m.range(at: 2), in: text)!])
                    found.append(Raised(code: code, severity: severity, file: url.lastPathComponent))
                }
            }
        }
        return found
    }

    @Test func everyCodeRaisedInTheSourcesIsCatalogued() throws {
        let raised = try Self.raisedCodes()
        // Guards against a pattern that silently matches nothing.
        #expect(raised.contains { $0.code == "applications.rowTotal" && $0.severity == nil })
        #expect(raised.contains { $0.code == "frontMatter.override" && $0.severity == "info" })
        for r in raised {
            guard let entry = DiagnosticCatalogue.entry(Diagnostic.Code(r.code)) else {
                Issue.record("\(r): not in DiagnosticCatalogue")
                continue
            }
            if let severity = r.severity {
                #expect(entry.severities.map(\.rawValue).contains(severity),
                        "\(r): raised as \(severity), catalogued as \(entry.severities)")
            }
        }
    }

    @Test func everyCataloguedCodeIsRaisedSomewhere() throws {
        let raised = Set(try Self.raisedCodes().map(\.code))
        for entry in DiagnosticCatalogue.entries {
            #expect(raised.contains(entry.code.rawValue), "\(entry.code) is catalogued but raised nowhere in Sources/")
        }
    }

    @Test func entriesAreUniqueAndSayWhatTheyMean() {
        let codes = DiagnosticCatalogue.entries.map(\.code)
        #expect(Set(codes).count == codes.count)
        for entry in DiagnosticCatalogue.entries {
            #expect(!entry.severities.isEmpty && !entry.meaning.isEmpty, "\(entry.code)")
            // Plain Chinese for a citizen, not an English note.
            #expect(entry.meaning.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(entry.code)")
        }
    }

    /// Every arithmetic code names the line it enforces: the forms' identities carry the code.
    @Test func everyIdentityCodeIsCataloguedWithItsWording() {
        var codes: [Diagnostic.Code] = []
        for form in Forms.standard.forms {
            codes += form.identities.map(\.code) + form.acrossYears.map(\.code)
        }
        codes += Forms.legacy.breakdowns.map(\.code)
        #expect(codes.count == 12)
        for code in codes {
            #expect(DiagnosticCatalogue.entry(code) != nil, "\(code)")
            #expect(!DiagnosticCatalogue.identities(for: code).isEmpty, "\(code)")
        }
        #expect(DiagnosticCatalogue.identities(for: "applications.balance") == ["本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和"])
        #expect(DiagnosticCatalogue.identities(for: "cell.empty") == [])
    }
}
