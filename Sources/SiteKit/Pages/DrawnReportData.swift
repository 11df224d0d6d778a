import Foundation

/// The report.json files drawn in this build, for the year's ZIP that holds them.
///
/// A year's ZIP (`DataZip`) needs every report.json of its year; drawn on its own it would
/// read and parse each of its reports again (a third of a full build's parsing, issue 10).
/// So `SiteRenderer` keeps the bytes of each report.json it draws here, under the report's
/// `content` digest (which fixes report.json's bytes: it is all the page's inputs), and the
/// ZIP takes them out; a report whose report.json was not drawn yet (the units run in
/// parallel) is read as before. Cleared when a build is planned, so nothing outlives its build.
final class DrawnReportData: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [String: Data] = [:]
    /// The most files held at once (tests: a year's reports, not the site's).
    private(set) var most = 0

    func put(_ data: Data, content: String) {
        lock.lock()
        bytes[content] = data
        most = max(most, bytes.count)
        lock.unlock()
    }

    /// The bytes drawn for the report of this `content` digest, forgotten here.
    func take(_ content: String) -> Data? {
        lock.lock()
        defer { lock.unlock() }
        return bytes.removeValue(forKey: content)
    }

    func removeAll() {
        lock.lock()
        bytes = [:]
        most = 0
        lock.unlock()
    }
}
