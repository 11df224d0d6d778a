import Foundation
import InputKit
#if canImport(Glibc)
import Glibc
#endif

/// What a scan saw of each report file: its stamp, the stamp of its sidecar front matter
/// (`NAME.pdf.yml`, if any) and the digest of what its parse reads (`ReportRecord.hash`), in
/// `.nianbao/cache/stamps.bin`. A file whose stamps are the ones seen then is not read again:
/// its digest is taken from here, and the cached record with that digest is used.
///
/// **Racy stamps** (as Git's index): a file changed in the same clock tick as the scan read it
/// could keep its stamp. So a stamp is trusted only when both its times are older than the
/// moment the scan that saw it started (`clock`, read before the first `stat`, on the content
/// folder's file system: `StampClock`, which says why that is safe): any change after that
/// moment gives the file a later time. A file changed in the tick of a scan is read and hashed
/// again by the next one, and trusted by the one after; one changed a few milliseconds before
/// is trusted by the next.
///
/// The table is only ever a shortcut: a file not in it, with other stamps, or with racy ones
/// is read and hashed as before, and a damaged or missing table means every file is.
///
///     "nianbao-stamps\n"  format (varint)  clock (wall 8 bytes, device varint, file 8 bytes)  count (varint)
///     count × (path, source, stamp, sidecar stamp or none, digest)
///     xxHash64 of everything above (8 bytes)
struct FileStamps: Sendable {
    static let path = ".nianbao/cache/stamps.bin"
    /// 2: the moment on the file system's clock (`StampClock`), not the wall clock alone.
    static let format: UInt64 = 2
    private static let magic = Array("nianbao-stamps\n".utf8)

    struct Entry: Hashable, Sendable {
        /// How the report names itself (`ReportRecord.source`): part of its digest.
        var source: String
        var stamp: FileStamp
        var sidecar: FileStamp?
        var hash: UInt64
    }

    /// When the scan that saw these stamps started.
    var clock: StampClock
    /// By path relative to the content folder.
    var entries: [String: Entry]

    init(clock: StampClock, entries: [String: Entry] = [:]) {
        self.clock = clock
        self.entries = entries
    }

    /// The digest of the file at `path` when its stamps are the ones seen and trusted; `nil`
    /// when it must be read.
    func hash(of path: String, source: String, stamp: FileStamp, sidecar: FileStamp?, margin: Int64) -> UInt64? {
        guard let entry = entries[path], entry.source == source, entry.stamp == stamp, entry.sidecar == sidecar,
              trusted(stamp, margin: margin), sidecar.map({ trusted($0, margin: margin) }) ?? true else { return nil }
        return entry.hash
    }

    /// Whether a stamp seen by the scan of `clock` is old enough that no later change can
    /// have left it as it was (`margin`: the wall clock's, where the file system's is not read).
    func trusted(_ stamp: FileStamp, margin: Int64) -> Bool { clock.trusts(stamp, margin: margin) }

    /// The stamp of the sidecar front matter file that may sit beside `path`; `nil` without a
    /// `stat` for a file of a kind that reads none (`SourceKind.usesSidecar`: by its name, as
    /// `ReportReader.sidecar` decides; any name ending so is looked at).
    static func sidecar(of path: String) -> FileStamp? {
        let lower = path.lowercased()
        guard sidecarEndings.contains(where: { lower.hasSuffix($0) }) else { return nil }
        return FileStamp.of(path + ".yml")
    }

    /// The same for a file the walk found: from what it saw, `stat`ing only what it could not.
    static func sidecar(of entry: ContentFolder.Entry) -> FileStamp? {
        switch entry.sidecar {
        case .none: return nil
        case .file(let stamp): return stamp
        case .unknown: return sidecar(of: entry.url.path)
        }
    }

    static let sidecarEndings = SourceKind.extensions.filter { $0.value.usesSidecar }.map { "." + $0.key.lowercased() }

    var data: Data {
        var w = CacheWriter(magic: Self.magic, format: Self.format, capacity: entries.count * 96)
        w.clock(clock)
        w.array(entries.sorted { $0.key < $1.key }) { w, item in
            w.string(item.key)
            w.string(item.value.source)
            w.stamp(item.value.stamp)
            w.bool(item.value.sidecar != nil)
            if let sidecar = item.value.sidecar { w.stamp(sidecar) }
            w.fixed(item.value.hash)
        }
        return BuildCache.sealed(w)
    }

    /// The table in the site at `root`; `nil` when there is none or it is damaged.
    static func read(site root: String) -> FileStamps? {
        guard let data = FileManager.default.contents(atPath: root + "/" + path) else { return nil }
        return try? BuildCache.unsealed(data, magic: magic, format: format) { r in
            let clock = try r.clock()
            let n = try r.count()
            var entries: [String: Entry] = [:]
            entries.reserveCapacity(n)
            for _ in 0..<n {
                let path = try r.string()
                let source = try r.string()
                let stamp = try r.stamp()
                let sidecar = try r.bool() ? try r.stamp() : nil
                entries[path] = Entry(source: source, stamp: stamp, sidecar: sidecar, hash: try r.fixed())
            }
            return FileStamps(clock: clock, entries: entries)
        }
    }

    /// Replaces the table of the live site at `root` (write beside, then rename over): used
    /// when a build changed nothing else there. The table is a shortcut, never trusted for
    /// anything but the digests of files with the same stamps, so it may be newer than the
    /// site; a failure leaves the old one, which is as good.
    func replace(in root: String) { Disk.replace(root + "/" + Self.path, with: data) }
}

extension CacheWriter {
    mutating func stamp(_ s: FileStamp) {
        uint(s.device)
        uint(s.inode)
        uint(s.size)
        fixed(UInt64(bitPattern: s.modified))
        fixed(UInt64(bitPattern: s.changed))
    }
}

extension CacheReader {
    mutating func stamp() throws -> FileStamp {
        FileStamp(device: try uint(), inode: try uint(), size: try uint(), modified: Int64(bitPattern: try fixed()),
                  changed: Int64(bitPattern: try fixed()))
    }
}
