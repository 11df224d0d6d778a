import Foundation

/// One generated report file, with what the parser must make of it.
struct GeneratedReport: Sendable {
    var index: Int
    var body: Body
    var year: Int
    var era: Era
    var layout: Layout
    var fault: Break?
    var document: ReportDocument
    var bytes: [UInt8]

    /// `r000042.txt`: numbered, so files sort in generation order.
    var fileName: String { String(format: "r%06d.%@", index, layout.fileExtension) }
    /// The warning and error codes a parser must report for this file, and no other.
    var expectedCodes: Set<String> { fault?.codes ?? [] }
}

/// N realistic reports, pure and seeded: the same count and seed give the same bytes, and the
/// first N of N + 1 reports are the N reports (so "add one report" is report N + 1).
///
/// Reports come in series: one body, consecutive years, numbers carried from year to year the
/// way `PortalChecks` expects (上年结转 = last year's 结转下年度; 现行有效 = last year's + 制发 − 废止).
struct CorpusGenerator: Sendable {
    var seed: UInt64
    /// The share of reports with a rule broken on purpose.
    var faultShare = 0.05
    let places: Places

    init(seed: UInt64, places: Places = Places()) {
        self.seed = seed
        self.places = places
    }

    /// The first `count` reports. `nudge` is the index of a report to print with one number
    /// changed (a number in no sum): the benchmark's "edit one number".
    func reports(count: Int, nudge: Int? = nil) -> [GeneratedReport] {
        let root = SeededRandom(seed: seed)
        var out: [GeneratedReport] = []
        var usedBodies = Set<String>()
        var series: UInt64 = 0
        while out.count < count {
            var random = root.fork(series)
            series += 1
            var body = places.body(&random)
            while !usedBodies.insert(body.name).inserted { body = places.body(&random) }
            // Portals hold more recent reports than old ones: series start mostly after 2014.
            let first = random.chance(0.3) ? random.int(2008...2014) : random.int(2015...2024)
            let years = first...min(2024, first + random.int(0...9))
            var state = BodyState(normativeInForce: random.int(0...40))
            for year in years where out.count < count {
                var r = root.fork(0x1_0000_0000 + UInt64(out.count))
                out.append(report(index: out.count, body: body, year: year, state: &state, nudge: nudge == out.count, random: &r))
            }
        }
        return out
    }

    func report(index: Int, body: Body, year: Int, state: inout BodyState, nudge: Bool, random: inout SeededRandom) -> GeneratedReport {
        let era = Era.of(year: year)
        let layouts: [(Layout, Int)] = era == .legacy
            ? [(.tab, 50), (.gb18030, 15), (.pipe, 10), (.html, 25)]
            : [(.tab, 30), (.gb18030, 8), (.pipe, 15), (.pdf, 15), (.flattened, 7), (.html, 25)]
        let layout = random.weighted(layouts)
        var fault: Break?
        if random.chance(faultShare) {
            // Crawler text keeps only 表三 readable (the parser does not read 表二 and 表四 from it).
            let possible: [Break] = era == .legacy ? [.legacyBreakdown]
                : layout == .flattened ? [.applicationsTotal]
                : layout == .pdf ? [.applicationsTotal, .reviewTotal]
                : [.applicationsTotal, .reviewTotal, .emptyCells]
            fault = random.pick(possible)
        }
        let composer = ReportComposer(body: body, year: year, era: era, fault: fault, nudge: nudge, emptyMark: layout == .html ? "" : "—")
        let document = composer.compose(state: &state, random: &random)
        let writer = LayoutWriter(layout: layout, headingStyle: random.int(0...2))
        let text = writer.text(document)
        let bytes = layout == .gb18030 ? GB18030.encode(text) : Array(text.utf8)
        return GeneratedReport(index: index, body: body, year: year, era: era, layout: layout, fault: fault,
                               document: document, bytes: bytes)
    }
}

/// UTF-8 → GB18030 through glibc's iconv (Foundation on Linux has no GB18030 encoding).
enum GB18030 {
    static func encode(_ text: String) -> [UInt8] {
        let cd = iconv_open("GB18030", "UTF-8")
        precondition(cd != iconv_t(bitPattern: -1), "iconv has no GB18030 converter")
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        var inLeft = input.count, outLeft = output.count
        let written: Int = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                let status = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                precondition(status != -1, "GB18030 cannot encode the generated text")
                return outBuf.count - outLeft
            }
        }
        return output[..<written].map { UInt8(bitPattern: $0) }
    }
}
