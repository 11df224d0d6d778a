import Cpoppler
import Foundation

/// The one door to poppler (Debian's libpoppler-glib-dev): everything else in the PDF reader
/// works on the plain values this file returns, and no poppler, GLib or cairo pointer leaves it.
///
/// What is asked of poppler: each page's size, every character it printed with its box
/// (`poppler_page_get_text_layout`), whether it shows images (a page of images and no text is
/// a scan), and, for pages that may hold a table, the page rendered to pixels so the table's
/// ruling lines can be found (`PDFRules`); poppler's GLib API does not expose the drawing
/// operations themselves, and rendering also sees lines drawn as thin filled boxes.
///
/// poppler keeps process-wide state (fonts, caches); one document is read at a time, behind a
/// lock, so concurrent builds never share it.
final class PDFFile {
    enum OpenError: Error, Equatable {
        /// The file needs a password to open.
        case encrypted
        /// poppler could not parse it (truncated, damaged, not a PDF).
        case damaged(String)
    }

    private static let lock = NSLock()

    private let document: OpaquePointer
    /// The bytes poppler reads from; released with the document.
    private let bytes: OpaquePointer

    private init(document: OpaquePointer, bytes: OpaquePointer) {
        self.document = document
        self.bytes = bytes
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(document))
        g_bytes_unref(bytes)
    }

    /// Runs `body` with the document opened from `data`, one document at a time.
    static func with<T>(_ data: [UInt8], _ body: (PDFFile) -> T) -> Result<T, OpenError> {
        lock.lock()
        defer { lock.unlock() }
        let gbytes = data.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }!
        var error: UnsafeMutablePointer<GError>?
        guard let doc = poppler_document_new_from_bytes(gbytes, nil, &error) else {
            g_bytes_unref(gbytes)
            defer { if error != nil { g_error_free(error) } }
            if let e = error?.pointee, e.domain == poppler_error_quark(), e.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                return .failure(.encrypted)
            }
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown"
            return .failure(.damaged(message))
        }
        let file = PDFFile(document: doc, bytes: gbytes)
        return .success(body(file))
    }

    var pageCount: Int { Int(poppler_document_get_n_pages(document)) }

    /// Page `index` (0-based): its size, its printed characters with their boxes (points,
    /// origin at the top left), and how many images it shows.
    func page(_ index: Int) -> PDFPageContent {
        guard let page = poppler_document_get_page(document, Int32(index)) else {
            return PDFPageContent(number: index + 1, width: 0, height: 0, glyphs: [], images: 0)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)

        var glyphs: [PDFGlyph] = []
        if let text = poppler_page_get_text(page) {
            defer { g_free(text) }
            var rects: UnsafeMutablePointer<PopplerRectangle>?
            var count: guint = 0
            if poppler_page_get_text_layout(page, &rects, &count) != 0, let rects {
                defer { g_free(rects) }
                // One box per character of the page's text, in the same order.
                let scalars = String(cString: text).unicodeScalars
                glyphs.reserveCapacity(Int(count))
                for (i, scalar) in zip(0..<Int(count), scalars) where !scalar.properties.isWhitespace {
                    let r = rects[i]
                    glyphs.append(PDFGlyph(scalar: PDFGlyph.unified(scalar), x0: min(r.x1, r.x2), y0: min(r.y1, r.y2),
                                           x1: max(r.x1, r.x2), y1: max(r.y1, r.y2)))
                }
            }
        }
        var images = 0
        if let mapping = poppler_page_get_image_mapping(page) {
            images = Int(g_list_length(mapping))
            poppler_page_free_image_mapping(mapping)
        }
        return PDFPageContent(number: index + 1, width: width, height: height, glyphs: glyphs, images: images)
    }

    /// Page `index` rendered at `scale` pixels per point on white, as ink (1) and paper (0):
    /// a pixel is ink when it is clearly darker than paper, so black, grey and coloured rules
    /// count and light cell shading does not.
    func inkBitmap(_ index: Int, scale: Double) -> PDFBitmap? {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        let w = Int((width * scale).rounded(.up)), h = Int((height * scale).rounded(.up))
        guard w > 0, h > 0, w * h <= PDFBitmap.maxPixels else { return nil }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(w), Int32(h)) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { return nil }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render(page, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var ink = [UInt8](repeating: 0, count: w * h)
        ink.withUnsafeMutableBufferPointer { buffer in
            // Plain loops over pointers: this runs over every pixel of every page with a table.
            guard let out = buffer.baseAddress else { return }
            var y = 0
            while y < h {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                let line = out + y * w
                let bytes = UnsafeRawPointer(row)
                let pad: UInt64 = 0xFF00_0000_FF00_0000
                func paper(_ offset: Int) -> Bool { bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) | pad == .max }
                var x = 0
                while x < w {
                    // Eight pixels of paper at a time (the fourth byte of a pixel is unused).
                    if x & 7 == 0, x + 8 <= w, paper(4 * x), paper(4 * x + 8), paper(4 * x + 16), paper(4 * x + 24) {
                        x += 8
                        continue
                    }
                    let p = row[x] | 0xFF00_0000
                    if p != 0xFFFF_FFFF {  // not paper, which most of the page is
                        let luma = (((p >> 16) & 0xFF) * 77 + ((p >> 8) & 0xFF) * 150 + (p & 0xFF) * 29) >> 8
                        if luma < PDFBitmap.inkBelow { line[x] = 1 }
                    }
                    x += 1
                }
                y += 1
            }
        }
        return PDFBitmap(width: w, height: h, scale: scale, ink: ink)
    }
}
