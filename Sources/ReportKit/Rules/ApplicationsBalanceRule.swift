import Foundation

/// Checks: in table 三, 一 + 二 = （七）总计 + 四, per column (the 勾稽关系 printed in the
/// table's own header). Reports: `applications.balance` on the 四、结转下年度继续办理 line.
public struct ApplicationsBalanceRule: ReportRule {
    public var name: String { "applications.balance" }
    public init() {}

    public func check(_ report: Report, lines: [SourceLine]) -> [Diagnostic] {
        guard let t = report.tables.applications, let forward = t[row: "carriedForward"] else { return [] }
        var out: [Diagnostic] = []
        for column in Forms.applicantColumns {
            let c = column.key
            guard let a = t.value("newReceived", c), let b = t.value("carriedOver", c),
                  let r = t.value("resultsTotal", c), let f = t.value("carriedForward", c) else { continue }
            if a + b != r + f {
                out.append(.warning("applications.balance",
                                    "表三 \(column.label): 一、本年新收 \(a) + 二、上年结转 \(b) = \(a + b) ≠ （七）总计 \(r) + 四、结转下年度 \(f) = \(r + f)",
                                    line: forward.line))
            }
        }
        return out
    }
}
