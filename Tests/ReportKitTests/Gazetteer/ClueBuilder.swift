import Foundation
import ReportKit

/// Builds resolver clues from a report's raw text the way a parser would: the title is the
/// first line containing 年度报告 (joined with the line before it when
/// that one names the body on its own), else the first non-empty line; the body is the title
/// up to the year; the signature is the last short line without digits.
enum ClueBuilder {
    static func clues(from text: String, folder: String = "") -> RegionClues {
        let lines = SourceText.lines(text)
        let nonEmpty = lines.map { SourceLine(clean($0.text), number: $0.number) }.filter { !$0.text.isEmpty }
        var title: SourceLine? = nil
        for (i, line) in nonEmpty.enumerated() where line.text.contains("年度报告") {
            title = line
            if i > 0, !nonEmpty[i - 1].text.contains(where: \.isNumber), nonEmpty[i - 1].text.count <= 30,
               Self.body(of: line.text).isEmpty {
                title = SourceLine(nonEmpty[i - 1].text + line.text, number: nonEmpty[i - 1].number)
            }
            break
        }
        title = title ?? nonEmpty.first
        let signature = nonEmpty.suffix(8).last { line in
            line.text.count <= 30 && !line.text.contains(where: \.isNumber) && !line.text.contains("。")
                && !line.text.contains("：")
        }
        let body = title.map { Self.body(of: $0.text) }.flatMap { $0.isEmpty ? nil : $0 }
        return RegionClues(body: body, title: title?.text, signature: signature?.text, folder: folder,
                           lines: lines, bodyLine: title?.number)
    }

    /// The title up to its year (`兴庆区掌政镇 2020 年…` → `兴庆区掌政镇`), without a leading
    /// `标题:` label.
    static func body(of title: String) -> String {
        var t = Substring(title)
        for label in ["标题:", "标题：", "标题"] where t.hasPrefix(label) { t = t.dropFirst(label.count); break }
        let head = t.prefix { !$0.isNumber && !"（(《".contains($0) }
        return head.trimmingCharacters(in: .whitespaces)
    }

    static func clean(_ line: String) -> String {
        line.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "#\u{3000}\u{FEFF}")))
    }

    /// Crude tag stripping for saved web pages: tags become line breaks, entities spaces.
    static func stripTags(_ html: String) -> String {
        var out = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true; continue }
            if c == ">" { inTag = false; out.append("\n"); continue }
            if !inTag { out.append(c) }
        }
        return out.replacingOccurrences(of: "&nbsp;", with: " ")
    }
}
