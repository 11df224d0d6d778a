import Foundation
import Mustache

/// One file of the site, described before it is drawn: where it goes, what kind of page it
/// is, and what it is drawn from. `SitePlan` makes every page from the site map and the
/// report summaries; `SiteRenderer` draws them, wrapping HTML in the layout in one place, and
/// records each page's inputs in the build manifest.
///
/// A page is drawn in two steps, so that what it depends on is known without drawing it:
///
/// 1. `frame(in:)` takes from the plan everything the page needs besides its reports' full
///    text — links, names, counts, the summaries it lists. It is cheap (no report is loaded)
///    and `Encodable`, so its digest goes into the manifest: a listing page's frame is its
///    whole view; a report's page's frame is its breadcrumb and links.
/// 2. `draw(_:reports:)` makes the file from the frame and the full reports named in
///    `reports` (loaded for it, in that order).
///
/// A new kind of page is one file — a type conforming to `Page` with its
/// view — plus its template, and one line in `SitePlan.kinds`.
protocol Page: Sendable {
    /// What the page takes from the site plan (see above).
    associatedtype Frame: Encodable & Sendable
    static var kind: PageKind { get }
    /// Every page of this kind the site has.
    static func pages(in plan: SitePlan) -> [Self]
    /// The file, relative to the site root (`…/2020/index.html`, `sitemap.xml`).
    var path: String { get }
    /// Reports whose full text the page is drawn from (indices into `SitePlan.summaries`).
    var reports: [Int] { get }
    /// Reports whose summary the page shows; `nil` for a page about the whole site (the
    /// home page, the lists, the sitemap), which depends on every report's summary.
    var summaries: [Int]? { get }
    /// A digest of what its frame reads of the site map beyond the places of the reports it
    /// lists (a county's redirect names the county and its folder but lists no report); `nil`
    /// when it reads nothing more. It goes into the page's membership
    /// (`SitePlan.membership(of:ids:)`), so when the plan changes shape the page keeps its
    /// frame only if this is the last build's too.
    func mapInputs(in plan: SitePlan) -> UInt64?
    /// Whether its frame shows any figure of the reports it lists (their headline figures,
    /// series, open-data row): `false` for a page that shows only what `ReportSummary.labels`
    /// covers (names, years, places, dates, problems), which keeps its frame when only figures
    /// changed (`Pipeline.draw`). `PageFrameTests` checks every kind that says `false`.
    static var showsFigures: Bool { get }
    /// The reports whose figures its frame shows: every one it lists by default (`nil`, for a
    /// page about the whole site: every report), none when it shows no figure; a place's page
    /// lists every report under it but shows the figures of its own government's only.
    var figuresShown: [Int]? { get }
    func frame(in plan: SitePlan) -> Frame
    func draw(_ frame: Frame, reports: [ParsedDocument]) throws -> Drawing
}

extension Page {
    var reports: [Int] { [] }
    var summaries: [Int]? { [] }
    func mapInputs(in plan: SitePlan) -> UInt64? { nil }
    static var showsFigures: Bool { true }
    var figuresShown: [Int]? { Self.showsFigures ? summaries : [] }
    /// The folder the page sits in (`…/2020/` for `…/2020/source.html`, "" at the root).
    var folder: String { path.lastIndex(of: "/").map { String(path[...$0]) } ?? "" }
}

/// The frame of a page that takes nothing from the site plan but its path (report.json).
struct NoFrame: Encodable, Sendable {}

/// What is known of a kind of page before any is drawn.
struct PageKind: Sendable, Hashable {
    /// Its name in the manifest (`report`, `county` …).
    let name: String
    /// The theme template its content is drawn with (then wrapped in `layout`); `nil` for a
    /// file written as drawn (report.json, the raw file, sitemap.xml).
    let template: String?
    /// Listed in sitemap.xml: a page a reader lands on (not a redirect, not a data file).
    let inSitemap: Bool
}

/// A drawn page: HTML content to put inside the layout, or a file's bytes as they are.
enum Drawing {
    case html(title: String, view: any TemplateView, scripts: [String], refresh: String)
    case data(Data)
}

/// A page drawn from the site plan alone (a listing page) has a `Listing` as its frame: its
/// whole view, with the title and scripts the layout shows; drawing it is handing that over.
extension Page where Frame: ListingFrame {
    func draw(_ frame: Frame, reports: [ParsedDocument]) -> Drawing { frame.drawing }
}

protocol ListingFrame { var drawing: Drawing { get } }

/// The frame of a listing page.
struct Listing<View: TemplateView & Encodable>: ListingFrame, Encodable, Sendable {
    let title: String
    let view: View
    var scripts: [String] = []
    /// A page that has moved: the browser goes on to this link at once.
    var refresh: String = ""

    var drawing: Drawing { .html(title: title, view: view, scripts: scripts, refresh: refresh) }
}

/// A view model the templates read by key. Mustache finds a key of any other value through
/// `Mirror`, which reflects the whole value on every lookup; a view answers from a `switch`
/// instead (2–7× faster per page for every template but `report`, whose tables already did;
/// measured against Mirror in one run when this was written). Each view answers exactly its stored properties —
/// a test checks every one against `Mirror` — so templates read the same.
protocol TemplateView: MustacheParent, Sendable {}

/// A page drawn from many reports that needs each only briefly (a year's ZIP copies their
/// report.json): it reads them one at a time through `visit(i) { parsed in … }`, and the
/// report is released when the closure returns, so a build holds a bounded number of parsed
/// reports however many the page lists.
///
/// It may also copy from what the previous build wrote (`previous`): a year's ZIP takes the
/// report.json of every report whose page is kept from the live site instead of parsing it, and
/// copies their deflated entries from the old ZIP (`ZipSplice`).
protocol StreamedPage: Page {
    func draw(_ frame: Frame, previous: PreviousFiles,
              visit: (Int, (ParsedDocument) throws -> Void) throws -> Void) throws -> Drawing
}

/// The previous build's files, for a page drawn partly from them. `kept(path)` is the bytes of a
/// file this build keeps as it is (so they are this build's bytes too); `old(path)` the bytes of
/// any file the live site has, which the page must check before it copies anything of them.
struct PreviousFiles: Sendable {
    let kept: @Sendable (String) -> Data?
    let old: @Sendable (String) -> Data?

    /// No previous build (tests, a clean build).
    static let none = PreviousFiles(kept: { _ in nil }, old: { _ in nil })

    /// The live site in `root`, of which this build keeps `kept` as they are.
    static func site(_ root: URL, keeps kept: @escaping @Sendable (String) -> Bool) -> PreviousFiles {
        PreviousFiles(kept: { kept($0) ? try? Data(contentsOf: root.appendingPathComponent($0)) : nil },
                      old: { try? Data(contentsOf: root.appendingPathComponent($0)) })
    }
}
