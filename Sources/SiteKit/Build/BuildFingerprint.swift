import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which nianbao wrote a build cache: the version and the GNU build id of the running
/// program. A report is a pure function of its file under one program, so a cache from any
/// other is never trusted. The version alone would not do: between releases every rebuilt
/// binary says `0.1.0`, and a developer's cache would keep what an older parser read.
///
/// The build id is the 20-byte hash the linker writes into every executable
/// (`.note.gnu.build-id`, what `readelf -n` prints): it changes with any change to the code
/// and costs nothing to read, since the note is mapped with the program.
enum BuildFingerprint {
    /// A program without a build id gets one of its own, so no other run trusts its cache
    /// (every build is then a full one: slow, never wrong).
    static let current: String = Version.nianbao + "+" + (buildID() ?? "run-" + UUID().uuidString)

    private typealias GetAuxVal = @convention(c) (UInt) -> UInt

    /// The running program's build id as hex, from its program headers (`getauxval(AT_PHDR)`);
    /// `nil` when it has none. Swift's Glibc module does not export `getauxval`, so it is
    /// looked up by name, as `Disk` does `renameat2`.
    static func buildID() -> String? {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "getauxval") else { return nil }
        let getauxval = unsafeBitCast(symbol, to: GetAuxVal.self)
        let atPHDR: UInt = 3, atPHNUM: UInt = 5
        let ptNote: UInt32 = 4, ptPHDR: UInt32 = 6, ntGNUBuildID: UInt32 = 3
        guard let phdr = UnsafeRawPointer(bitPattern: getauxval(atPHDR)) else { return nil }
        let headers = phdr.assumingMemoryBound(to: Elf64_Phdr.self)
        let count = Int(getauxval(atPHNUM))
        // Where the program was loaded: the header table's address less the address it names itself at.
        guard let self_ = (0..<count).first(where: { headers[$0].p_type == ptPHDR }) else { return nil }
        let base = Int(bitPattern: phdr) - Int(headers[self_].p_vaddr)
        for i in 0..<count where headers[i].p_type == ptNote {
            guard var p = UnsafeRawPointer(bitPattern: base + Int(headers[i].p_vaddr)) else { continue }
            let end = p + Int(headers[i].p_memsz)
            while p + 12 <= end {
                let nameSize = Int(p.loadUnaligned(as: UInt32.self))
                let descSize = Int(p.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
                let type = p.loadUnaligned(fromByteOffset: 8, as: UInt32.self)
                let desc = p + 12 + ((nameSize + 3) & ~3)
                guard desc + descSize <= end else { break }
                if type == ntGNUBuildID {
                    let bytes = UnsafeRawBufferPointer(start: desc, count: descSize)
                    return bytes.map { String(Int($0) | 0x100, radix: 16).dropFirst() }.joined()
                }
                p = desc + ((descSize + 3) & ~3)
            }
        }
        return nil
    }
}
