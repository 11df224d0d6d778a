// InputKit: the one reading path, from a file's bytes to a `Report`.
//
//     bytes ──► SourceKind ──► FormatReader ──► FrontMatter ──► lines ──► ReportParser ──► Report
//     (file)   (extension,    (decode: text,   (publisher's   (as the    (ReportKit,
//               then bytes)    HTML, PDF …)     overrides)     reader     pure)
//                                                             numbers)
//
// Every caller — `build`, `check`, `extract`, the benchmark, the golden tests — goes through
// `ReportReader`, so they cannot disagree on what a file says. A new input kind (PDF, Word)
// is one `FormatReader` and one `SourceKind` case; nothing downstream changes.
@_exported import ReportKit
