// Times loading the gazetteer resource and resolving reports, in a release build.
//
//   swift build -c release --target ReportKit
//   swiftc -O -I .build/release/Modules scripts/make-gazetteer.timing.swift \
//       .build/release/ReportKit.build/*.o -o /tmp/gazetteer-timing
//   /tmp/gazetteer-timing ../shared/corpus/raw/*.txt ../shared/seeds/*.txt
//
// Not part of any target: the package has no benchmark target, and this needs none.
import Foundation
import ReportKit

func ms(_ t: UInt64) -> String { String(format: "%.1f ms", Double(t) / 1e6) }
let t0 = DispatchTime.now().uptimeNanoseconds
let g = Gazetteer.shared
let t1 = DispatchTime.now().uptimeNanoseconds
print("Gazetteer.shared load: \(ms(t1 - t0)), rows \(g.count)")
let p = Pinyin.slug("兴庆区掌政镇")
let t2 = DispatchTime.now().uptimeNanoseconds
print("Pinyin table load + slug: \(ms(t2 - t1)) \(p)")
let args = CommandLine.arguments.dropFirst()
var total: UInt64 = 0
for path in args {
    let text = try! String(contentsOfFile: path, encoding: .utf8)
    let lines = SourceText.lines(text)
    let title = lines.first(where: { $0.text.contains("年度报告") })?.text
    let clues = RegionClues(body: nil, title: title, signature: nil, folder: "", lines: lines, bodyLine: nil)
    let a = DispatchTime.now().uptimeNanoseconds
    let (r, _) = RegionResolver().resolve(clues)
    let b = DispatchTime.now().uptimeNanoseconds
    total += b - a
    print("\(path.split(separator: "/").last!): \(r.code ?? "-") \(ms(b - a))")
}
print("resolve total: \(ms(total))")
