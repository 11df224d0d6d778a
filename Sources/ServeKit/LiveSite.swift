import Foundation

/// The state a preview server shares between the watcher and the requests: the status of
/// the last build, and the open event streams to tell when there is a new one.
public actor LiveSite {
    public private(set) var status: BuildStatus
    private var streams: [UUID: AsyncStream<String>.Continuation] = [:]
    private var finished = false

    public init(status: BuildStatus) { self.status = status }

    /// Open event streams.
    public var listeners: Int { streams.count }

    /// A stream of event frames for one browser: `hello` with the current build first, then
    /// `reload` after each build. It ends when the server stops.
    public func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
        continuation.yield(LiveReload.hello(build: status.id))
        guard !finished else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        streams[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.drop(id) }
        }
        return stream
    }

    /// Takes the status of a new build and tells every open page to reload; returns how many
    /// were told.
    @discardableResult
    public func publish(_ new: BuildStatus) -> Int {
        status = new
        let frame = LiveReload.reload(build: new.id)
        for continuation in streams.values { continuation.yield(frame) }
        return streams.count
    }

    /// Sends a keep-alive comment on every stream (a closed connection fails its write and
    /// is dropped).
    public func ping() {
        for continuation in streams.values { continuation.yield(LiveReload.keepAlive) }
    }

    /// Ends every stream, so that the server can stop without waiting for open pages.
    public func finish() {
        finished = true
        for continuation in streams.values { continuation.finish() }
        streams = [:]
    }

    private func drop(_ id: UUID) { streams[id] = nil }
}
