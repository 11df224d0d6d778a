import Foundation

/// Timing helpers: run a closure several times, keep the median, so one slow run (the other
/// core busy) does not decide the figure.
enum Bench {
    static func median(runs: Int = 7, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return times.sorted()[times.count / 2]
    }

    static func median(runs: Int = 7, _ body: () async throws -> Void) async rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try await body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return times.sorted()[times.count / 2]
    }

    static func ms(_ x: Double) -> String { String(format: "%.1f ms", x) }
    static func ratio(_ a: Double, _ b: Double) -> String { String(format: "%.2f×", a / max(b, 0.0001)) }
}
