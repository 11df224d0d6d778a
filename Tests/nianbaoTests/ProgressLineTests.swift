import SiteKit
import Testing
@testable import nianbao

/// Issue 10: the progress line a terminal shows during a long build (never in a pipe: every
/// CLI test reads a build's standard error whole, and none has a progress line in it).
@Suite struct ProgressLineTests {
    @Test func theLineSaysWhatWasReadAndWrittenWithRates() {
        var c = BuildProgress.Counts()
        c.files = 10000
        c.read = 3210
        #expect(ProgressLine.text(c, seconds: 2) == "read 3210/10000 reports (1605/s)")
        c.pages = 45000
        c.written = 1200
        #expect(ProgressLine.text(c, seconds: 2) == "read 3210/10000 reports (1605/s) · wrote 1200/45000 files (600/s)")
    }
}
