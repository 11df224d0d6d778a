import FlyingFox
import FlyingSocks
import Foundation
import ServeKit

/// The HTTP side of `nianbao serve`: FlyingFox listening on 127.0.0.1 only, every request
/// answered by ServeKit's `Responder`; this file only turns its `Reply` into a response.
///
/// FlyingFox (swhitty/FlyingFox): a small HTTP/1.1 server on async/await and plain sockets
/// (epoll), no SwiftNIO, no other dependency; its two modules take 18 s of CPU in a clean
/// debug build, where Hummingbird's NIO stack takes minutes. See the README's Dependencies.
final class PreviewServer: Sendable {
    let server: HTTPServer
    let live: LiveSite
    let folder: ServedFolder
    let requested: UInt16

    init(port: UInt16, folder: ServedFolder, live: LiveSite) throws {
        requested = port
        server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: port), timeout: 30, logger: .disabled)
        self.live = live
        self.folder = folder
    }

    /// Binds and listens; returns the port (the one asked for, or the one the system chose
    /// for 0) once connections are accepted. Throws when the port cannot be had.
    func start() async throws -> Int {
        let server = self.server
        let running = Task { try await server.run() }
        // `run` throws at once when the port is taken, and otherwise listens until stopped:
        // whichever comes first, listening or failing, decides.
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Void, any Error>, Never>) in
            let once = Once(continuation)
            Task {
                do { try await server.waitUntilListening(timeout: 60); once.resume(.success(())) } catch { once.resume(.failure(error)) }
            }
            Task {
                if case .failure(let error) = await running.result { once.resume(.failure(error)) } else { once.resume(.failure(PortError())) }
            }
        }
        if case .failure(let error) = outcome {
            running.cancel()
            if case SocketError.failed(_, let code, let message) = error {
                throw Unavailable(port: requested, reason: message, inUse: code == EADDRINUSE)
            }
            throw error
        }
        guard case .ip4(_, let port)? = await server.listeningAddress else { throw PortError() }
        let handler = Handler(responder: Responder(folder: folder, port: Int(port)), live: live)
        await server.appendRoute("*", to: handler)
        return Int(port)
    }

    /// Resumes a continuation the first time only.
    final class Once: @unchecked Sendable {
        private var continuation: CheckedContinuation<Result<Void, any Error>, Never>?
        private let lock = NSLock()

        init(_ continuation: CheckedContinuation<Result<Void, any Error>, Never>) { self.continuation = continuation }

        func resume(_ result: Result<Void, any Error>) {
            lock.lock()
            let c = continuation
            continuation = nil
            lock.unlock()
            c?.resume(returning: result)
        }
    }

    func stop() async {
        await live.finish()
        await server.stop(timeout: 0.1)
    }

    struct PortError: Error, CustomStringConvertible {
        var description: String { "the server did not start listening" }
    }

    /// The port cannot be had: `127.0.0.1:1313 is in use (Address already in use); choose …`.
    struct Unavailable: Error, CustomStringConvertible {
        var port: UInt16
        var reason: String
        var inUse: Bool
        var description: String {
            "127.0.0.1:\(port) " + (inUse ? "is in use" : "cannot be listened on") + " (\(reason)); "
                + "choose another port with --port, or --port 0 for a free one"
        }
    }

    struct Handler: HTTPHandler {
        var responder: Responder
        var live: LiveSite

        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            let reply = responder.reply(method: request.method.rawValue, target: request.target.path(),
                                        host: request.headers[.host], status: await live.status)
            var headers = HTTPHeaders()
            for (name, value) in reply.headers { headers[HTTPHeader(name)] = value }
            let status = HTTPStatusCode(reply.status, phrase: Self.phrases[reply.status] ?? "Error")
            if reply.headOnly {
                if let length = reply.contentLength { headers[.contentLength] = String(length) }
                return HTTPResponse(statusCode: status, headers: headers, body: Data())
            }
            switch reply.body {
            case .data(let data):
                return HTTPResponse(statusCode: status, headers: headers, body: data)
            case .file(let path, _):
                return HTTPResponse(statusCode: status, headers: headers, body: try HTTPBodySequence(file: URL(fileURLWithPath: path)))
            case .events:
                let frames = await live.subscribe()
                return HTTPResponse(statusCode: status, headers: headers, body: HTTPBodySequence(from: EventBytes(frames: frames)))
            }
        }

        static let phrases = [200: "OK", 301: "Moved Permanently", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
                              405: "Method Not Allowed"]
    }
}

/// An event stream's frames as the bytes of a response body, one chunk per frame (so each
/// reaches the browser at once), ending when the stream ends.
struct EventBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let frames: AsyncStream<String>

    func makeAsyncIterator() -> Iterator { Iterator(frames: frames.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var frames: AsyncStream<String>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            if pending.isEmpty {
                guard let frame = await frames.next() else { return nil }
                pending = ArraySlice(frame.utf8)
            }
            let n = Swift.min(Swift.max(count, 1), pending.count)
            defer { pending = pending.dropFirst(n) }
            return pending.prefix(n)
        }
    }
}
