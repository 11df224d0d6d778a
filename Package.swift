// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "nianbao",
    products: [
        .executable(name: "nianbao", targets: ["nianbao"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // libcmark from Debian's libcmark-dev, as a system library.
        .systemLibrary(name: "Ccmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // poppler's GLib API (Debian's libpoppler-glib-dev): PDF text with positions, and pages rendered for ruling lines.
        .systemLibrary(name: "Cpoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        // zlib (Debian's zlib1g-dev, already needed by poppler): the search text each report
        // summary keeps, deflated (SiteKit/Search/PackedText.swift).
        .systemLibrary(name: "Czlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The pure core: model, forms, text decoding, parser, rules, gazetteer. No file system, no printing
        // (the gazetteer resource is the one thing it loads, from its own bundle).
        .target(name: "ReportKit", resources: [.copy("Resources")]),
        // The one reading path: file kinds (text, HTML …), front matter, the parse. Every
        // caller (build, check, extract, the bench, the golden tests) reads through it.
        .target(name: "InputKit", dependencies: ["ReportKit", "Yams", "Cpoppler", "ZIPFoundation"]),
        // Site model, rendering, themes, search index, atomic output.
        .target(name: "SiteKit", dependencies: [
            "InputKit", "Ccmark", "Czlib", "Yams", "ZIPFoundation",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // `nianbao serve`'s pure parts: request paths to files, MIME types, the live-reload script,
        // the error banner, the watcher's stamps. No network library: the server is in `nianbao`.
        .target(name: "ServeKit", dependencies: ["SiteKit"]),
        .executableTarget(name: "nianbao", dependencies: [
            "SiteKit", "ServeKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "FlyingFox", package: "FlyingFox"),
        ]),
        // Benchmarks: each times nianbao against a peer in the same run and prints the ratio.
        .executableTarget(name: "nianbao-bench", dependencies: ["SiteKit"]),
        // The reading path's fuzz target (scripts/fuzz): libFuzzer when built with -DFUZZING, else a mutation loop.
        .executableTarget(name: "nianbao-fuzz", dependencies: ["InputKit"]),
        .target(name: "NianbaoTestSupport", dependencies: ["ReportKit", "InputKit"], path: "Tests/NianbaoTestSupport"),
        .testTarget(name: "ReportKitTests", dependencies: ["ReportKit", "InputKit", "NianbaoTestSupport"], exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "InputKitTests", dependencies: ["InputKit", "nianbao-fuzz", "NianbaoTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "SiteKitTests", dependencies: ["SiteKit", "NianbaoTestSupport"], exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "nianbaoTests", dependencies: ["nianbao", "SiteKit", "NianbaoTestSupport"]),
        .testTarget(name: "ServeKitTests", dependencies: ["ServeKit", "NianbaoTestSupport"]),
        .testTarget(name: "BenchTests", dependencies: ["nianbao-bench", "SiteKit", "nianbao-fuzz", "NianbaoTestSupport"]),
    ]
)
