import Testing
import Foundation
import NianbaoTestSupport
@testable import ReportKit

@Suite struct FormsReferenceTests {
    /// docs/forms.md is generated from the forms; it must match them. With NIANBAO_RECORD=1
    /// (or when the file is missing) the test rewrites it and fails, loudly.
    @Test func docsFormsMatchesTheForms() throws {
        let url = Fixture.repositoryRoot.appendingPathComponent("docs/forms.md")
        let expected = Forms.markdownReference()
        let current = try? String(contentsOf: url, encoding: .utf8)
        if current == nil || ProcessInfo.processInfo.environment["NIANBAO_RECORD"] == "1" {
            try expected.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("wrote \(url.path); check it and commit it")
            return
        }
        #expect(current == expected, "docs/forms.md is stale: run NIANBAO_RECORD=1 swift test --filter FormsReferenceTests")
    }

    @Test func everyRowKeyIsUniqueWithinItsForm() {
        for form in Forms.standard.forms {
            let keys = form.allRows.map(\.key)
            #expect(Set(keys).count == keys.count, "\(form.id)")
        }
    }

    @Test func everyParentIsAHeadingOrRowOfTheSameForm() {
        for form in Forms.standard.forms {
            for row in form.allRows {
                if let p = row.parent { #expect(form.row(p) != nil, "\(form.id) \(row.key) → \(p)") }
            }
        }
    }
}
