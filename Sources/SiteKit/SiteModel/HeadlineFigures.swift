import Foundation
import ReportKit

/// The headline figures of one report, from the 2019/2021 tables or the legacy form: what a
/// body's page and its place's page show across the years. Which cell holds each figure in
/// each era, and where an era has none that means the same, is data beside the forms
/// (`Forms.series`); here a figure an era cannot compare is `nil` like one not given —
/// `CoverageFacts.series` keeps the difference for the pages that say it.
enum HeadlineFigures {
    static let labels = Forms.series.map(\.label)

    static func values(_ r: Report) -> [Decimal?] { Forms.seriesValues(r).map(\.number) }
}
