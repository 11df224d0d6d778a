import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The records' facts (all but their diagnostics), in `.nianbao/cache/bodies.bin`, apart from
/// what every rebuild reads (`reports.bin`, the heads: each record's path, digest,
/// diagnostics and the place of its facts here). A rebuild that changed nothing reads the
/// heads alone (1 MB of the 43 MB at 10,000 reports); a rebuild that needs facts maps this
/// file once, whole, and checks every record's bytes against the digest its head keeps
/// before any is decoded (`read`).
///
///     "nianbao-bodies\n"  format (varint)  fingerprint (string)
///     each record's facts, where its head says: offset, length, xxHash64 of the bytes
///
/// A rebuild that changed reports **appends** their facts to the live site's file (linked
/// into the staged site, the same inode) rather than writing 10,000 records again: the
/// bytes any heads name are never written over, so the previous site's heads (and a build
/// killed half way) still find theirs, and bytes no head names are dead. When the dead bytes
/// pass a share of the live ones (`Pipeline.Limits.deadBodies`), the build writes a new file
/// with the live records only (a new inode: the previous site keeps the old one). Neither it
/// nor the heads are in the site's table (`output.bin` would need the digest of the whole
/// file, and their bytes depend on the builds before); they are written into the staged site
/// beside it (`BuildCache.stageReports`) and swapped in with it.
final class CacheBodies: @unchecked Sendable {
    static let path = ".nianbao/cache/bodies.bin"
    static let format: UInt64 = 1
    private static let magic = Array("nianbao-bodies\n".utf8)

    /// Where a record's facts are in the file, and the digest of their bytes.
    struct Place: Sendable, Hashable {
        var offset: Int
        var length: Int
        var digest: UInt64
    }

    /// The bytes every file begins with: a file of another format or program is not read.
    static var header: [UInt8] {
        CacheWriter(magic: magic, format: format, fingerprint: BuildFingerprint.current, capacity: 64).bytes
    }

    struct Damaged: Error {}

    /// The file, as it was when the heads naming `places` were read.
    let file: String
    let stamp: FileStamp
    /// Every place the heads name (`reaches`).
    private(set) var places: [Place] = []
    private var state: State = .unread
    private enum State { case unread, read(Data), damaged }
    private let lock = NSLock()
    /// Bytes of the file read, for `Pipeline.Result.cacheRead`.
    private(set) var bytesRead = 0

    /// The file at `file`, `nil` when there is none.
    init?(file: String) {
        guard let stamp = FileStamp.of(file) else { return nil }
        self.file = file
        self.stamp = stamp
    }

    /// Whether the file is long enough for every place the heads name (it may be longer: bytes
    /// a killed build appended), which it then checks when read: a file cut short is known
    /// before anything is built from the heads.
    func reaches(_ places: [Place]) -> Bool {
        self.places = places
        return stamp.size >= UInt64(Self.header.count)
            && places.allSatisfy { $0.offset >= Self.header.count && UInt64($0.offset + $0.length) <= stamp.size }
    }

    /// The file's bytes, read once, when its header is this program's and every place holds
    /// the bytes of its digest; `nil` when not (then no record's facts may be decoded: the
    /// build starts again without the cache).
    func read() -> Data? {
        lock.lock()
        defer { lock.unlock() }
        switch state {
        case .read(let data): return data
        case .damaged: return nil
        case .unread: break
        }
        // Mapped, not copied (the kernel's cached pages, not 42 MB of new memory at 10,000
        // reports): the bytes any head names are never written over (`stage` appends).
        guard let data = Disk.mapped(file), Self.check(data, places: places) else {
            state = .damaged
            return nil
        }
        bytesRead = data.count
        state = .read(data)
        return data
    }

    /// Whether `data` begins with this program's header and every place holds the bytes of its
    /// digest: the places checked in runs across the cores (the xxHash64 of every record's bytes,
    /// 42 MB at 10,000 reports, on one core held up the build's first use of the facts).
    static func check(_ data: Data, places: [Place]) -> Bool {
        let header = Self.header
        guard data.count >= header.count, data.prefix(header.count).elementsEqual(header) else { return false }
        let runs = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 2, places.count / 256))
        let damaged = Slots<Bool>(count: runs)
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            data.withUnsafeBytes { raw in
                for place in places[(run * places.count / runs)..<((run + 1) * places.count / runs)] {
                    guard place.offset >= header.count, place.offset + place.length <= raw.count,
                          digest(UnsafeRawBufferPointer(rebasing: raw[place.offset..<(place.offset + place.length)])) == place.digest else {
                        damaged[run] = true
                        return
                    }
                }
            }
        }
        return !damaged.values.contains { $0 == true }
    }

    /// What `body` reads from the bytes at `place`, which it must consume exactly; `nil` when
    /// the file cannot be read or the bytes are not what `body` expects.
    func decode<T>(at place: Place, _ body: (inout CacheReader) throws -> T) -> T? {
        guard let data = read(), place.offset >= 0, place.offset + place.length <= data.count else { return nil }
        return data.withUnsafeBytes { raw in
            var r = CacheReader(UnsafeRawBufferPointer(rebasing: raw[place.offset..<(place.offset + place.length)]))
            guard let value = try? body(&r), r.atEnd else { return nil }
            return value
        }
    }

    /// The bytes at `place` (of a file `read` returned).
    func bytes(at place: Place) -> Data? {
        guard let data = read() else { return nil }
        return data.subdata(in: (data.startIndex + place.offset)..<(data.startIndex + place.offset + place.length))
    }

    static func digest(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { digest($0) }
    }

    static func digest(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var d = Digest()
        d.add(bytes: bytes)
        return d.value
    }
}

extension CacheBodies {
    /// What `stage` wrote: each blob's place (by index; `nil` for none), the bytes written, and
    /// whether the file was written new over a previous one.
    struct Staged {
        var places: [Place?]
        var written: Int
        var compacted: Bool
    }

    /// One thing to keep in the file (a record's facts or its summary): its place in the
    /// previous file when it is there already, and its bytes, made when they must be written.
    struct Blob {
        let kept: Place?
        let bytes: () -> [UInt8]
    }

    /// Puts `blobs` into the staged site's file at `staged`: the live file `previous`
    /// describes, linked there and appended to with the blobs it does not hold; or, when there
    /// is none, it is not the file the heads were read with, or its dead bytes would pass
    /// `deadShare` of the live ones, a new file with every blob (those `previous` holds copied
    /// from it, not encoded again).
    static func stage(_ blobs: [Blob?], previous: CacheBodies?, staged: String, deadShare: Double) throws -> Staged {
        var places = [Place?](repeating: nil, count: blobs.count)
        // The blobs `previous` does not hold, encoded only when there is a file to append them
        // to (a rebuild: a few); a full build encodes each as it writes it, never all at once.
        var fresh: [(index: Int, bytes: [UInt8])] = []
        var live = 0
        for (i, blob) in blobs.enumerated() {
            guard let blob else { continue }
            if let place = blob.kept {
                places[i] = place
                live += place.length
            } else if previous != nil {
                fresh.append((i, blob.bytes()))
            }
        }
        let added = fresh.reduce(0) { $0 + $1.bytes.count }
        try Disk.remove(staged)
        if let previous, let appended = try append(fresh, to: previous, staged: staged, live: live + added, deadShare: deadShare) {
            for (k, item) in fresh.enumerated() { places[item.index] = appended[k] }
            return Staged(places: places, written: added, compacted: false)
        }
        // Written as it is made, through a buffer of `BufferedFile.capacity`: the whole file in
        // memory, and every record's bytes beside it, were 8 KB a report on top of the facts they
        // were encoded from (85 MB at 10,000 reports; 420 MB at 50,000).
        var file = try BufferedFile(creating: staged)
        do {
            try file.append(header)
            var k = 0  // the next of `fresh`, in order
            for (i, blob) in blobs.enumerated() {
                guard let blob else { continue }
                let body: [UInt8]
                if k < fresh.count, fresh[k].index == i {
                    body = fresh[k].bytes
                    fresh[k].bytes = []
                    k += 1
                } else if let place = places[i], let kept = previous?.bytes(at: place) {
                    // Kept bytes were checked against their digest when the file was read: copied
                    // as they are, the digest taken over, not computed again.
                    places[i] = Place(offset: file.offset, length: kept.count, digest: place.digest)
                    try file.append(kept)
                    continue
                } else {
                    body = blob.bytes()
                }
                places[i] = Place(offset: file.offset, length: body.count, digest: digest(body))
                try file.append(body)
            }
            try file.close()
        } catch {
            file.abandon()
            throw error
        }
        return Staged(places: places, written: file.offset, compacted: previous != nil)
    }

    /// Appends `fresh` to the file `previous` read, linked at `staged`; the places of the bytes
    /// appended, or `nil` when the file must be written new (left unlinked at `staged`).
    private static func append(_ fresh: [(index: Int, bytes: [UInt8])], to previous: CacheBodies, staged: String, live: Int,
                               deadShare: Double) throws -> [Place]? {
        guard Disk.link(previous.file, staged) else { return nil }
        let fd = open(staged, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        var st = stat()
        guard fd >= 0, fstat(fd, &st) == 0 else {
            if fd >= 0 { close(fd) }
            try Disk.remove(staged)
            return nil
        }
        let stamp = FileStamp(st)
        let size = Int(stamp.size), added = fresh.reduce(0) { $0 + $1.bytes.count }
        // Dead: bytes no head of this build names (records changed or removed, bytes a killed build appended).
        let dead = size + added - header.count - live
        guard stamp.device == previous.stamp.device, stamp.inode == previous.stamp.inode, stamp.size >= previous.stamp.size,
              Double(dead) <= deadShare * Double(live) else {
            close(fd)
            try Disk.remove(staged)
            return nil
        }
        var places: [Place] = []
        var offset = size, failure: Int32 = 0
        for item in fresh where failure == 0 {
            failure = item.bytes.withUnsafeBytes { Disk.write($0, to: fd) }
            places.append(Place(offset: offset, length: item.bytes.count, digest: digest(item.bytes)))
            offset += item.bytes.count
        }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw IOFailure(path: staged, action: .write, number: failure) }
        return places
    }
}
