import Foundation

/// A body's headline figures across the years as small bar charts, one per figure, drawn at
/// build time as inline SVG (`history.mustache`): no chart library, no script. Each chart is
/// an image with a title and a description that reads every value, and the same numbers are
/// in the table beside it; a year whose form has no figure that means the same is marked
/// 不可比 rather than drawn as a bar, one that does not give it "—" (never 0).
struct ChartView: TemplateView, Encodable {
    let id: String
    let title: String
    /// Every value in words, for a screen reader (`2019 年 12 件；2020 年 不可比`).
    let desc: String
    let bars: [BarView]
    /// The SVG's size (`viewBox="0 0 width height"`).
    let width: Int
    let height: Int
    /// The y of the baseline, and of the year labels under it.
    let base: Int
    let yearY: Int

    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "title": title
        case "desc": desc
        case "bars": bars
        case "width": width
        case "height": height
        case "base": base
        case "yearY": yearY
        default: nil
        }
    }
}

struct BarView: TemplateView, Encodable {
    let x: String
    let y: String
    let width: String
    let height: String
    /// The centre of the slot, for the labels.
    let middle: String
    /// The value written above the bar, or 不可比 / — in its place.
    let text: String
    let textY: String
    let year: String
    /// No bar: the value is not comparable or not given.
    let empty: Bool

    func child(named key: String) -> Any? {
        switch key {
        case "x": x
        case "y": y
        case "width": width
        case "height": height
        case "middle": middle
        case "text": text
        case "textY": textY
        case "year": year
        case "empty": empty
        default: nil
        }
    }
}

enum SeriesChart {
    static let width = 300, plot = 100, top = 22, bottom = 24, side = 8

    /// One chart per series field; none when there are fewer than two years to compare.
    static func charts(years: [String], values: [[SeriesValue]], labels: [String] = HeadlineFigures.labels,
                       idPrefix: String = "chart") -> [ChartView] {
        guard years.count >= 2 else { return [] }
        return labels.enumerated().map { f, label in
            chart(id: "\(idPrefix)-\(f + 1)", title: "\(label)（件），历年", years: years, values: values.map { $0[f] })
        }
    }

    static func chart(id: String, title: String, years: [String], values: [SeriesValue]) -> ChartView {
        let maximum = values.compactMap(\.number).max() ?? 0
        let slot = Double(width - 2 * side) / Double(max(years.count, 1))
        let barWidth = min(40, slot * 0.6)
        let base = top + plot
        func f(_ d: Double) -> String { String(format: "%.1f", d) }
        let bars = zip(years, values).enumerated().map { k, pair in
            let (year, value) = pair
            let middle = Double(side) + slot * (Double(k) + 0.5)
            let h: Double = value.number.map { maximum > 0 ? NSDecimalNumber(decimal: $0 / maximum).doubleValue * Double(plot) : 0 } ?? 0
            let text: String = switch value {
            case let .value(v): "\(v)"
            case .unknown: "—"
            case .notComparable: "不可比"
            }
            return BarView(x: f(middle - barWidth / 2), y: f(Double(base) - h), width: f(barWidth), height: f(h), middle: f(middle),
                           text: text, textY: f(Double(base) - h - 6), year: year, empty: value.number == nil)
        }
        let desc = zip(years, values).map { year, v in
            switch v {
            case let .value(n): "\(year) 年 \(n) 件"
            case .unknown: "\(year) 年 未给出"
            case .notComparable: "\(year) 年 不可比"
            }
        }.joined(separator: "；")
        return ChartView(id: id, title: title, desc: desc, bars: bars, width: width, height: base + bottom, base: base, yearY: base + 17)
    }
}
