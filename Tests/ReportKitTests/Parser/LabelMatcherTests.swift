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

/// Labels that PDF text (`pdftotext -layout`) breaks around their values: the start before the
/// values names the row; the rest joins the next row's text.
@Suite struct TruncatedLabelTests {
    static let matcher = LabelMatcher(forms: Forms.standard.eras(with: .applications).compactMap { $0.tables[.applications] })

    static func match(_ text: String, read: Set<String> = []) -> LabelMatcher.Match? {
        matcher.match(key: Normalizer.key(text), read: read)
    }

    @Test func aLabelsStartBeforeItsValuesNamesTheRow() {
        #expect(Self.match("（本列数据的勾稽关系为：第一项加第二项之和）自然人 总计 一、本年新收政府信息公") == .row("newReceived"))
        #expect(Self.match("1.申请人无正当理由逾期不补正、行政机关不") == .row("otherHandling.noCorrection"))
        // The end of the row before, then the start of this one.
        #expect(Self.match("再处理其政府信息公开申请 2.申请人逾期未按收费通知要求缴纳费用、行") == .row("otherHandling.unpaidFee"))
    }

    /// A parent cell's label printed beside its sub-rows leaves up to three characters after
    /// a long start; a short start must end the text.
    @Test func aLongStartMayBeFollowedByAParentLabelsPiece() {
        #expect(Self.match("（六）其 2.申请人逾期未按收费通知要求缴纳费用、行 他处理") == .row("otherHandling.unpaidFee"))
        #expect(Self.match("8.属于行政 他处理") != .row("denied.lawEnforcementFiles"))
    }

    /// `属于行政` starts two labels: the first of them in the form's order not read yet.
    @Test func aSharedStartIsTheFirstRowNotReadYet() {
        #expect(Self.match("6.属于四类过程性信息 7.属于行政") == .row("denied.lawEnforcementFiles"))
        #expect(Self.match("执法案卷 8.属于行政", read: ["denied.lawEnforcementFiles"]) == .row("denied.administrativeQuery"))
    }

    /// Three characters are not a start (`属于行`), and a whole label is not a truncated one.
    @Test func aShortStartNamesNoRow() {
        guard case .unknown? = Self.match("这是一段无关的文字属于行") else {
            Issue.record("`属于行` named a row")
            return
        }
    }
}
