import Foundation
import InputKit

extension PrintedNumbers {
    /// The misses of one file's bytes, read as the reading path reads a file named `path`
    /// (the lines checked are the parser's input); `nil` when the file is no report.
    public static func misses(reading bytes: [UInt8], path: String) -> [Miss]? {
        let reader = ReportReader()
        let prepared = reader.prepare(Data(bytes), path: path, source: path)
        guard let input = prepared.input else { return nil }
        return misses(in: reader.parser.parse(input), lines: input.lines)
    }
}
