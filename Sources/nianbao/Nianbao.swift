import ArgumentParser

@main
struct Nianbao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "Build a portal of government-information-disclosure annual reports (政府信息公开工作年度报告).",
        subcommands: [Extract.self]
    )
}
