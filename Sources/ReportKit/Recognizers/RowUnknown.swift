/// A label that names no row of the form (`row.unknown`), with the nearest row's label as a
/// did-you-mean. About the table, not a row: which row was meant is exactly what is unknown.
enum RowUnknown {
    static func diagnostic(_ u: (text: String, didYouMean: String?, line: Int), form: Form) -> Diagnostic {
        .warning("row.unknown", "\(form.name) 无法识别的行 “\(u.text)”" + (u.didYouMean.map { "，是否为 “\($0)”？" } ?? ""),
                 line: u.line, subject: Diagnostic.Subject(table: form.kind))
    }
}
