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

    /// With a bound, both distances are exact below it and, at or above it, some value between
    /// the bound and the exact distance: a candidate that cannot beat the nearest label still
    /// cannot, and one that can is measured exactly (so `match` answers as without the bound).
    @Test(arguments: 0..<200) func aBoundedDistanceIsExactBelowTheBound(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        let text = (0..<Int.random(in: 1...20, using: &random)).map { _ in UInt32.random(in: 0...3, using: &random) }
        let label = (0..<Int.random(in: 1...14, using: &random)).map { _ in UInt32.random(in: 0...3, using: &random) }
        let giveUp = Int.random(in: 0...8, using: &random)
        let n = label.count
        let lengths = max(1, n - 3)...(n + 3)
        var pairs = [(LabelMatcher.distance(text, label), LabelMatcher.distance(text, label, giveUp: giveUp))]
        if lengths.lowerBound <= text.count {
            pairs.append((LabelMatcher.tailDistance(text, label, lengths: lengths),
                          LabelMatcher.tailDistance(text, label, lengths: lengths, giveUp: giveUp)))
        }
        for (exact, bounded) in pairs {
            #expect(exact < giveUp ? bounded == exact : (giveUp...exact).contains(bounded), "seed \(seed)")
        }
    }
}
