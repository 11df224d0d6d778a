import ReportKit

// The view model of one statistics table, as the theme's `table.mustache` draws it.
//
// Flat values with stored properties only (each answers them by name, in
// TableView+Mustache.swift, as `Mirror` would see them): every
// rowspan, colspan, id and `headers` list is worked out here, from the forms in
// `ReportKit/Forms`, so the template is a plain loop. Attribute lists are built and escaped
// in Swift (`attrs`, printed with `{{{…}}}`); every text goes through `{{…}}`.
// No optionals: a `nil` in a nested context would make Mustache look the key up in the
// enclosing one, so absence is spelled with a `Bool`.

/// One `<table>`: caption, header rows, and one `<tbody>` per block.
struct TableView: Sendable {
    /// Prefix of every id in the table (`t3`), unique within the page.
    let id: String
    let caption: String
    let hasHead: Bool
    let head: [TableRowView]
    let bodies: [TableBodyView]
    /// The `<table>`'s classes: `stat` and its kind (`stat applications`), which the
    /// stylesheet lays out by (表三 becomes rows of label/value pairs on a phone).
    var classes = "stat"
    /// Too wide for a phone even so (表四's 15 columns): a hint says it scrolls sideways.
    var wide = false
}

struct TableBodyView: Sendable {
    let rows: [TableRowView]
}

/// A `<tr>`: either cells, or (when `note`) one cell spanning the table that explains a
/// diagnostic about the row above it.
struct TableRowView: Sendable {
    /// Raw attribute list for the `<tr>` (` class="warn"`), already escaped.
    let attrs: String
    let cells: [TableCellView]
    let note: Bool
    let noteID: String
    let noteColspan: Int
    let noteText: String
    let noteHref: String
    let noteLine: String
    let noteHasLine: Bool

    init(attrs: String = "", cells: [TableCellView]) {
        self.attrs = attrs
        self.cells = cells
        note = false; noteID = ""; noteColspan = 0; noteText = ""; noteHref = ""; noteLine = ""; noteHasLine = false
    }

    init(noteID: String, colspan: Int, text: String, line: Int?) {
        attrs = ""
        cells = []
        note = true
        self.noteID = noteID
        noteColspan = colspan
        noteText = text
        noteHref = line.map { "source.html#L\($0)" } ?? ""
        noteLine = line.map(String.init) ?? ""
        noteHasLine = line != nil
    }
}

/// A `<th>` or `<td>`. A data cell is exactly one of: `empty` (drawn "—" with the spoken
/// `emptyLabel` — 未填写/无法读取, or 报告未列此行 in a row the report did not print — never 0), `link` (a number linking to its source line) or
/// `plain` (a number or text with no known line).
struct TableCellView: Sendable {
    let th: Bool
    /// Raw attribute list (` id="…" colspan="2" headers="…" class="num"`), already escaped.
    let attrs: String
    let text: String
    let empty: Bool
    let emptyLabel: String
    let link: Bool
    let plain: Bool
    let href: String
    let hasUnit: Bool
    let unit: String
    /// A diagnostic is about this cell's line: draw the ⚠ mark (the note is named by `aria-describedby` in `attrs`).
    let warn: Bool
    /// A row printed with more or fewer values than the form has columns: this one cell spans
    /// the value columns and shows `printed` as printed, each linked to its line, with
    /// `misprintNote` saying that no value could be placed in a column.
    var misprint = false
    var printed: [PrintedValueView] = []
    var misprintNote = ""

    static func header(_ text: String, attrs: Attributes, warn: Bool = false) -> Self {
        TableCellView(th: true, attrs: attrs.html, text: text, empty: false, emptyLabel: "", link: false, plain: false,
                      href: "", hasUnit: false, unit: "", warn: warn)
    }

    /// The value cells of a row whose printed values do not fit the form's `columns` columns.
    static func misprinted(_ values: [PrintedValue], columns: Int, attrs: Attributes) -> Self {
        var cell = TableCellView(th: false, attrs: attrs.html, text: "", empty: false, emptyLabel: "", link: false, plain: false,
                                 href: "", hasUnit: false, unit: "", warn: false)
        cell.misprint = true
        cell.printed = values.map(PrintedValueView.init)
        cell.misprintNote = values.isEmpty ? "原文本行没有数字" :
            "原文本行印有 \(values.count) 个数，本表有 \(columns) 列，无法确定各数属于哪一列，故不逐列填入"
        return cell
    }

    static let unreadable = "未填写/无法读取"
    static let notPrinted = "报告未列此行"

    static func data(text: String?, line: Int?, unit: String?, attrs: Attributes, warn: Bool, absent: Bool = false) -> Self {
        guard let text else {
            return TableCellView(th: false, attrs: attrs.html, text: "", empty: true,
                                 emptyLabel: absent ? notPrinted : unreadable, link: false, plain: false,
                                 href: "", hasUnit: false, unit: "", warn: warn)
        }
        return TableCellView(th: false, attrs: attrs.html, text: text, empty: false, emptyLabel: "", link: line != nil,
                             plain: line == nil, href: line.map { "source.html#L\($0)" } ?? "",
                             hasUnit: unit != nil, unit: unit ?? "", warn: warn)
    }
}

/// A diagnostic noted under a paragraph: `id` is its anchor (`d2`), linked from the summary.
struct NoteView: Sendable {
    let id: String
    let text: String
    let href: String
    let line: String
    let hasLine: Bool

    init(index: Int, text: String, line: Int?) {
        id = DiagnosticPlacement.noteID(index)
        self.text = text
        href = line.map { "source.html#L\($0)" } ?? ""
        self.line = line.map(String.init) ?? ""
        hasLine = line != nil
    }
}

/// An ordered attribute list, escaped once when printed. Empty values are left out.
struct Attributes: Sendable {
    private var pairs: [(String, String)] = []

    init(_ pairs: (String, String)...) {
        for (k, v) in pairs { add(k, v) }
    }

    mutating func add(_ name: String, _ value: String) {
        guard !value.isEmpty else { return }
        pairs.append((name, value))
    }

    mutating func add(_ name: String, _ value: Int) {
        if value > 1 { pairs.append((name, String(value))) }
    }

    /// Appended into one string: a table cell has three or four attributes and a report
    /// page two hundred cells, so a string per pair and a `joined()` showed in the profile.
    var html: String {
        var out = ""
        out.reserveCapacity(pairs.reduce(0) { $0 + $1.0.utf8.count + $1.1.utf8.count + 4 })
        for (name, value) in pairs {
            out += " "
            out += name
            out += "=\""
            out += HTML.escape(value)
            out += "\""
        }
        return out
    }
}

/// One value of a row that does not fit its form, as printed, linked to its line.
struct PrintedValueView: Sendable {
    let text: String
    let href: String
    let link: Bool

    init(_ value: PrintedValue) {
        text = value.text
        href = value.line.map { "source.html#L\($0)" } ?? ""
        link = value.line != nil
    }
}
