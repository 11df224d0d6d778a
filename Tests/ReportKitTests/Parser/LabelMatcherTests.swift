import NianbaoTestSupport
import Testing
@testable import ReportKit

@Suite struct LabelMatcherTests {
    /// The one-pass distance to every tail equals the least `distance` to each tail, on seeded
    /// random strings over a small alphabet (so matches and near misses are common).
    @Test(arguments: 0..<200) func tailDistanceIsTheLeastDistanceOfTheTails(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        let text = (0..<Int.random(in: 1...20, using: &random)).map { _ in UInt32.random(in: 0...3, using: &random) }
        let label = (0..<Int.random(in: 1...14, using: &random)).map { _ in UInt32.random(in: 0...3, using: &random) }
        let n = label.count
        let lengths = max(1, n - 3)...(n + 3)
        guard lengths.lowerBound <= text.count else { return }
        let expected = lengths.filter { $0 <= text.count }.map { LabelMatcher.distance(text[(text.count - $0)...], label) }.min()!
        #expect(LabelMatcher.tailDistance(text, label, lengths: lengths) == expected, "seed \(seed)")
    }
}
