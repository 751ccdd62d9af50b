import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A real HTTP server on loopback standing in for a paid outside API (Gemini, OpenAI,
/// Telegram). Each fake (FakeGemini, FakeOpenAI, FakeTelegram…) registers routes that speak
/// the API's wire format; tests inject errors (429 with a retry delay, 5xx, 403) ahead of
/// the normal answers and read back every request the server received.
public final class FakeAPIServer: @unchecked Sendable {
    public struct Received: Sendable {
        public var method: String
        /// The path without the query ("/v1beta/models/gemini-2.0-flash:generateContent").
        public var path: String
        public var query: String
        /// Header names in lower case.
        public var headers: [String: String]
        public var body: Data
        public var at: Date

        public var text: String { String(decoding: body, as: UTF8.self) }
        public var json: Any? { try? JSONSerialization.jsonObject(with: body) }
    }

    public struct Reply: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: Data
        /// Held this long before answering (timeouts).
        public var delay: Duration?

        public init(status: Int = 200, headers: [String: String] = [:], body: Data = Data(), delay: Duration? = nil) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
        }

        public static func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> Reply {
            var all = headers
            all["Content-Type"] = "application/json"
            return Reply(status: status, headers: all, body: Data(text.utf8))
        }

        /// Any JSON-serializable value (dictionaries, arrays, strings, numbers).
        public static func json(object: Any, status: Int = 200) -> Reply {
            let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data("null".utf8)
            return Reply(status: status, headers: ["Content-Type": "application/json"], body: data)
        }
    }

    public typealias Route = @Sendable (Received) async -> Reply

    private let lock = NSLock()
    private var routes: [(method: String, path: String, handler: Route)] = []
    private var injected: [(path: String, reply: Reply)] = []
    private var log: [Received] = []
    public private(set) var baseURL = ""

    /// Answers `method` requests whose path equals `path`, or starts with it when it ends
    /// in "*" ("/bot*"). Later routes win over earlier ones for the same request.
    public func route(_ method: String, _ path: String, _ handler: @escaping Route) {
        lock.withLock { routes.append((method.uppercased(), path, handler)) }
    }

    /// The next requests matching `path` (same pattern rules) get these replies, in order,
    /// before the routes answer again. For 429s, 5xx, 403.
    public func inject(_ path: String, _ replies: Reply...) {
        lock.withLock { injected += replies.map { (path, $0) } }
    }

    /// Every request received so far, oldest first.
    public var requests: [Received] { lock.withLock { log } }

    public func requests(matching path: String) -> [Received] {
        requests.filter { Self.matches(pattern: path, $0.path) }
    }

    /// Starts the server on a free loopback port, runs `body` with it, stops it.
    public static func run<T: Sendable>(
        _ configure: (FakeAPIServer) -> Void = { _ in }, _ body: @Sendable (FakeAPIServer) async throws -> T
    ) async throws -> T {
        let server = FakeAPIServer()
        configure(server)
        let app = Application(
            responder: FakeResponder(server: server),
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "fake-api"))
        return try await app.test(.live) { client in
            server.baseURL = "http://127.0.0.1:\(client.port!)"
            return try await body(server)
        }
    }

    fileprivate func answer(_ received: Received) async -> Reply {
        let handler: Route? = lock.withLock {
            log.append(received)
            if let index = injected.firstIndex(where: { Self.matches(pattern: $0.path, received.path) }) {
                let reply = injected.remove(at: index).reply
                return { _ in reply }
            }
            return routes.last(where: {
                ($0.method == "*" || $0.method == received.method) && Self.matches(pattern: $0.path, received.path)
            })?.handler
        }
        guard let handler else {
            return .json(#"{"error":{"code":404,"message":"ruta desconocida en el servidor falso"}}"#, status: 404)
        }
        return await handler(received)
    }

    public static func matches(pattern: String, _ path: String) -> Bool {
        pattern.hasSuffix("*") ? path.hasPrefix(String(pattern.dropLast())) : path == pattern
    }
}

private struct FakeResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let server: FakeAPIServer

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        let buffer = try await request.collectBody(upTo: 64 << 20)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let received = FakeAPIServer.Received(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
            headers: headers, body: Data(buffer.readableBytesView), at: Date())
        let reply = await server.answer(received)
        if let delay = reply.delay { try? await Task.sleep(for: delay) }
        var fields = HTTPFields()
        for (name, value) in reply.headers {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        return Response(
            status: .init(code: reply.status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
    }
}
