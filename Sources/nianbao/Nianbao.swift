import ArgumentParser
import SiteKit

@main
struct Nianbao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "Build a static portal of government-information-disclosure annual reports (政府信息公开工作年度报告).",
        discussion: """
        Drop report files (.pdf, .docx, .txt, .md, .html; text in UTF-8, UTF-16 or GB18030) into content/, run \
        `nianbao build`, and upload public/ to any static host.

        Exit status: 0 on success; 1 when a command fails (a folder or theme is missing, the \
        output cannot be written, `check` found an error, or with --strict a warning; `extract` \
        could not read a file); 64 for a usage error.
        """,
        version: Version.nianbao,
        subcommands: [Build.self, Check.self, Extract.self, Serve.self],
        defaultSubcommand: nil
    )
}
