import Foundation

/// What the coverage pages ask of one plan again and again, worked out once for it: each
/// report's timeliness (a date parsed and judged) and each county's coverage. The home page,
/// the list of counties, every region page, the timeliness page and the county pages each
/// asked it of every report and county they show: an added report, which takes the frames of
/// all of them, judged each of 10,000 reports five times and made each county's coverage four.
/// Both are functions of the plan's summaries, map and settings, which never change, so the
/// memo lives as long as the plan and is shared by its copies and the threads drawing its pages.
final class CoverageMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var judged: [Timeliness?]
    private var counties: [Int: Coverage] = [:]
    /// How many were worked out (not taken from the memo), for tests that bound the work.
    private(set) var timelinessJudged = 0
    private(set) var coveragesMade = 0

    init(reports: Int) {
        judged = Array(repeating: nil, count: reports)
    }

    /// Report `i`'s timeliness, judged by `judge` the first time it is asked for.
    func timeliness(ofReport i: Int, _ judge: () -> Timeliness) -> Timeliness {
        remembered({ judged[i] }, make: judge) { made in
            judged[i] = made
            timelinessJudged += 1
        }
    }

    /// County `n`'s coverage, made by `make` the first time it is asked for.
    func coverage(county n: Int, _ make: () -> Coverage) -> Coverage {
        remembered({ counties[n] }, make: make) { made in
            counties[n] = made
            coveragesMade += 1
        }
    }

    /// What `known` finds under the lock; otherwise made by `make` outside it (two threads may
    /// both make it: the same value) and handed to `keep` under it.
    private func remembered<T>(_ known: () -> T?, make: () -> T, keep: (T) -> Void) -> T {
        lock.lock()
        let found = known()
        lock.unlock()
        if let found { return found }
        let made = make()
        lock.lock()
        keep(made)
        lock.unlock()
        return made
    }
}
