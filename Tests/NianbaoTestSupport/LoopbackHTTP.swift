import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client on 127.0.0.1 for the tests of `nianbao serve`: one request per
/// connection (`Connection: close`), read to the end. No Foundation networking, so what
/// is sent is exactly what the test says. Every read waits at most `timeout` seconds, a
/// bound for a failing test, never a measurement.
public struct LoopbackHTTP {
    public var port: Int
    public var timeout: Int

    public init(port: Int, timeout: Int = 300) {
        self.port = port
        self.timeout = timeout
    }

    public struct Response: Sendable {
        public var status: Int
        /// Header names in lower case.
        public var headers: [String: String]
        public var body: String
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Sends `GET path` (or another method) with `Host: 127.0.0.1:port` unless `host` says
    /// otherwise, and reads the whole response.
    public func request(_ path: String, method: String = "GET", host: String? = nil) throws -> Response {
        let fd = try connect()
        defer { close(fd) }
        try send(fd, "\(method) \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n")
        var data = Data()
        while let chunk = try receive(fd) { data.append(chunk) }
        return try Self.parse(data)
    }

    /// An open event stream (`text/event-stream`, sent chunked): `next(_:)` reads until the
    /// next event of that name and returns its data. A frame is one chunk, so the chunk
    /// sizes between frames never split one.
    public final class EventStream {
        let fd: Int32
        let client: LoopbackHTTP
        /// Everything received, chunk sizes included.
        public private(set) var text = ""
        private var consumed = 0

        init(fd: Int32, client: LoopbackHTTP) {
            self.fd = fd
            self.client = client
        }

        /// The data of the next `event: name` after what earlier calls returned. Throws at the
        /// end of the stream or after the client's timeout.
        public func next(_ name: String) throws -> String {
            let marker = "event: \(name)\ndata: "
            while true {
                let from = text.index(text.startIndex, offsetBy: consumed)
                if let start = text.range(of: marker, range: from..<text.endIndex),
                   let end = text.range(of: "\n\n", range: start.upperBound..<text.endIndex) {
                    consumed = text.distance(from: text.startIndex, to: end.upperBound)
                    return String(text[start.upperBound..<end.lowerBound])
                }
                guard let chunk = try client.receive(fd) else { throw Failure(description: "the event stream ended: \(text)") }
                text += String(decoding: chunk, as: UTF8.self)
            }
        }

        deinit { close(fd) }
    }

    public func events(_ path: String) throws -> EventStream {
        let fd = try connect()
        try send(fd, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        return EventStream(fd: fd, client: self)
    }

    func connect() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var tv = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else {
            close(fd)
            throw Failure(description: "connect to 127.0.0.1:\(port): errno \(errno)")
        }
        return fd
    }

    func send(_ fd: Int32, _ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send: errno \(errno)") }
            bytes = bytes.dropFirst(n)
        }
    }

    /// The next bytes, or `nil` at the end of the stream.
    func receive(_ fd: Int32) throws -> Data? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { return Data(buffer[0..<n]) }
            if n == 0 { return nil }
            if errno == EINTR { continue }
            throw Failure(description: errno == EAGAIN ? "no answer within \(timeout) s" : "recv: errno \(errno)")
        }
    }

    /// Status line, headers and body (with `Content-Length`; a chunked body is de-chunked).
    static func parse(_ data: Data) throws -> Response {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "no header end in \(data.count) bytes") }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, statusLine.hasPrefix("HTTP/1.1 "),
              let status = Int(statusLine.dropFirst(9).prefix(3)) else { throw Failure(description: "status line: \(head.first ?? "")") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = data[end.upperBound...]
        return Response(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }
}
