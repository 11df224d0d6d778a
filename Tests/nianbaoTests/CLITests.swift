import Testing
import Foundation
import NianbaoTestSupport

/// Runs the real binary and checks what a user sees, exactly.
@Suite struct CLITests {
    @Test func extractReportsAMissingFileAndExitsOne() throws {
        let dir = try CommandRunner.makeSite("-- content/.keep --\n")
        let r = try CommandRunner.run(["extract", "nowhere.txt"], in: dir)
        #expect(r == CommandResult(stdout: "[]\n", stderr: "nowhere.txt: error: 文件不存在 [file.unreadable]\n", status: 1))
    }

    @Test func buildWithoutAContentFolderFailsWithAClearMessage() throws {
        let dir = try CommandRunner.makeSite("-- other/a.txt --\nx\n")
        let r = try CommandRunner.run(["build"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == "Error: content folder content does not exist\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("public").path))
    }

    @Test func rootHelpNamesTheCommandsAndExitCodes() throws {
        let r = try CommandRunner.run(["--help"], in: Fixture.repositoryRoot)
        #expect(r.status == 0)
        #expect(r.stdout.contains("Exit status: 0 on success; 1 when a command fails"))
        for command in ["build", "check", "extract"] {
            #expect(r.stdout.contains("\n  \(command) "))
        }
    }
}
