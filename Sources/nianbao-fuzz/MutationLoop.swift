import Foundation

/// `nianbao-fuzz [--seconds N] [--seed S] FOLDER…`: mutates the files of the folders with a
/// seeded generator until the time is up, and prints one stats line every 10,000 inputs and
/// at the end. Each input is written to `fuzz-current` before it is read, so an input that
/// breaks the contract (a trap) is left there; the same `--seed` replays the whole run.
struct MutationLoop {
    var seconds = 60.0
    var seed: UInt64 = UInt64(Date().timeIntervalSince1970)
    var folders: [String] = []

    init(arguments: [String]) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--seconds": seconds = rest.popFirst().flatMap(Double.init) ?? seconds
            case "--seed": seed = rest.popFirst().flatMap { UInt64($0) } ?? seed
            default: folders.append(argument)
            }
        }
    }

    func run() throws {
        var corpus: [[UInt8]] = [[]]
        for folder in folders {
            for name in (try FileManager.default.contentsOfDirectory(atPath: folder)).sorted() {
                if let data = FileManager.default.contents(atPath: folder + "/" + name) { corpus.append([UInt8](data)) }
            }
        }
        var random = SplitMix64(seed: seed)
        let end = Date().addingTimeInterval(seconds)
        var runs = 0, reports = 0
        func stats() { print("#\(runs) seed \(seed) corpus \(corpus.count) reports \(reports) refused \(runs - reports)") }
        while Date() < end {
            let base = corpus[Int(random.next() % UInt64(corpus.count))]
            // Seeds carry their kind byte (`SeedCutter`); a mutation may change it too.
            let input = Mutator.mutate(base, rounds: 1 + Int(random.next() % 16), random: &random)
            try Data(input).write(to: URL(fileURLWithPath: "fuzz-current"))
            if FuzzMain.readOnce(input) { reports += 1 }
            runs += 1
            if runs % 10_000 == 0 { stats() }
        }
        try? FileManager.default.removeItem(atPath: "fuzz-current")
        stats()
    }
}
