#if canImport(Glibc)
import Glibc
#endif

/// Gives the memory a finished stage of the build freed back to the system.
///
/// A build's stages free most of what they made (the search index's postings, about 12 KB a
/// report; the reports parsed by the scan) on the threads that made them, and glibc keeps what
/// a thread freed in that thread's arena for the same thread to use again; the next stage runs
/// on other threads, in other arenas, and grows those instead. Peak RSS then adds the stages
/// up rather than taking the largest. `malloc_trim(0)` returns the free pages of every arena
/// (those in the middle of a heap too), a few milliseconds' work. Only a build that parsed
/// many reports calls it (`Pipeline.draw`): a rebuild's stages free little.
///
/// At 10,000 reports (release build, GNU time `%M`): 412 MiB peak RSS before, 394 MiB with
/// `bodies.bin` streamed alone, 358 MiB with both.
enum FreedMemory {
    /// glibc's `malloc_trim`, looked up once (`malloc.h` is not in Swift's Glibc module); `nil`
    /// with another C library.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()

    static func release() { _ = trim?(0) }

    /// Whether the C library has `malloc_trim` (glibc does).
    static var available: Bool { trim != nil }
}
