import Foundation

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

    /// `../shared` beside the repository, where the seeds, corpus and gazetteer live.
    public static var shared: URL { repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared") }
}
