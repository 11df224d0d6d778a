/// The forms as a markdown reference (`docs/forms.md`): every row, its key in `report.json`,
/// and every wording the parser accepts. Generated from the same data the parser and the
/// renderer use, so the documentation cannot drift from the code; a test fails when the
/// committed file is stale.
extension Forms {
    public static func markdownReference() -> String {
        var out = """
        # The official forms, as nianbao reads them

        Generated from `Sources/ReportKit/Forms/Forms.swift` (do not edit by hand: run
        `NIANBAO_RECORD=1 swift test --filter FormsReferenceTests` after changing the forms).
        The first wording of each row is the official one; the others are variants seen in real
        reports. Matching ignores spaces, punctuation, numbering and full-width forms.

        """
        for id in FormID.allCases {
            let form = id.definition
            out += "\n## \(form.title) (`\(id.rawValue)`)\n"
            for block in form.blocks {
                if let title = block.title { out += "\n### \(title)\n" }
                out += "\nColumns: " + block.columns.map { "\($0.label) `\($0.key)`" + ($0.group.map { " (under \($0))" } ?? "") }.joined(separator: " · ") + "\n\n"
                out += "| key | row | accepted wordings |\n| --- | --- | --- |\n"
                for row in block.rows {
                    let depth = depthOf(row, in: form)
                    let indent = String(repeating: "\u{3000}", count: depth)
                    let key = row.valued ? "`\(row.key)`" : "(heading)"
                    out += "| \(key) | \(indent)\(row.number ?? "")\(row.label) | \(row.labels.joined(separator: " / ")) |\n"
                }
            }
        }
        return out
    }

    private static func depthOf(_ row: FormRow, in form: Form) -> Int {
        var depth = 0
        var parent = row.parent
        while let p = parent, let r = form.row(p), depth < 5 {
            depth += 1
            parent = r.parent
        }
        return depth
    }
}
