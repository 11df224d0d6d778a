import Testing
@testable import ReportKit

@Suite struct DateReaderTests {
    /// The ISO date is zero-padded as `String(format: "%04d-%02d-%02d")` printed it.
    @Test func isoDateIsZeroPadded() {
        #expect(DateReader.date("2021年1月5日")?.iso == "2021-01-05")
        #expect(DateReader.date("二〇二三年十二月三十一日")?.iso == "2023-12-31")
        #expect(DateReader.date("2023.1.20")?.iso == "2023-01-20")
        #expect(DateReader.date("二〇一三年一月")?.iso == nil)
        #expect(DateReader.DateValue.padded(7, 4) == "0007")
        #expect(DateReader.DateValue.padded(12345, 4) == "12345")
        #expect(DateReader.DateValue.padded(0, 2) == "00")
        #expect(DateReader.DateValue.padded(-5, 4) == "-005")
    }
}
