import Foundation
import Testing

/// Locates fixture and golden files beside the test that uses them (no bundle resources:
/// the files are read where they sit in the repo).
public enum Fixture {
    /// The directory of the calling test file.
    public static func directory(of file: StaticString = #filePath) -> URL {
        URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
    }

    /// The repository root (the folder holding Package.swift).
    public static var repositoryRoot: URL {
        var url = directory()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(directory().path)")
    }

    /// `../shared` beside the repository, where the corpus and the gazetteer sources live
    /// (`NIANBAO_SHARED` names another place; point it at a missing folder to run the tests
    /// as a clone without `../shared` would).
    public static var shared: URL {
        if let path = ProcessInfo.processInfo.environment["NIANBAO_SHARED"] { return URL(fileURLWithPath: path) }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// Whether `../shared` is there. Tests that need it are skipped without it, and say so.
    public static var hasShared: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus/answers").path)
    }

    /// Why a test is skipped without `../shared`.
    public static let sharedAbsent: Comment = "../shared (the corpus with its answer keys) is absent: corpus test skipped"

    /// The seed reports, as the repository ships them in `content/`.
    public static var seeds: URL { repositoryRoot.appendingPathComponent("content") }
}
