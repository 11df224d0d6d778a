/// One character a PDF page prints, with its box in points (origin at the page's top left,
/// y growing downwards), as poppler reports it.
struct PDFGlyph: Sendable, Equatable {
    var scalar: Unicode.Scalar
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double

    var midX: Double { (x0 + x1) / 2 }
    var midY: Double { (y0 + y1) / 2 }
    var height: Double { y1 - y0 }
}

/// What the PDF reader knows of one page before laying it out.
struct PDFPageContent: Sendable {
    /// 1-based, as a reader counts pages (`第 3 页`).
    var number: Int
    var width: Double
    var height: Double
    /// Printed characters (whitespace left out: spacing is read from the boxes).
    var glyphs: [PDFGlyph]
    /// Images shown on the page; a page of images and no text is a scan.
    var images: Int
}

/// A page rendered to pixels, as ink (1) or paper (0), for finding ruling lines.
struct PDFBitmap: Sendable {
    /// A luma below this is ink: black, grey and coloured rules, not light cell shading.
    static let inkBelow: UInt32 = 200
    /// The largest page rendered (an A4 page at 2 px/pt is 2 M pixels); larger pages are not
    /// searched for rules.
    static let maxPixels = 16_000_000

    var width: Int
    var height: Int
    /// Pixels per point.
    var scale: Double
    /// Row-major, `width × height`.
    var ink: [UInt8]
}

extension PDFGlyph {
    /// The character as text: a Kangxi radical (`⾏`, U+2F8F) or a CJK compatibility ideograph,
    /// which some PDF writers map their glyphs to, becomes the ideograph it looks like (`行`),
    /// so labels such as 行政许可 read as written.
    static func unified(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x2E80...0x2FDF, 0xF900...0xFAFF:
            let mapped = String(s).precomposedStringWithCompatibilityMapping.unicodeScalars
            return mapped.count == 1 ? mapped.first! : s
        default:
            return s
        }
    }

    /// A character that stands for no text: a private-use code or a control character, what a
    /// PDF font without a Unicode map gives.
    var isUnreadable: Bool {
        (0xE000...0xF8FF).contains(scalar.value) || scalar.value < 0x20 || scalar == "\u{FFFD}"
    }
}
