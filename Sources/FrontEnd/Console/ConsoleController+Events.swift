import Foundation
import HTTPTypes
import Hummingbird
import JobEngine
import NIOCore
import ServiceLifecycle
import Shop
import Support

// The live stream and job progress.
extension ConsoleController {
    /// How often a stream looks for new messages, and how long one stays open (the browser's
    /// EventSource reconnects by itself, resuming from the last event id).
    static let streamPollInterval: Duration = .milliseconds(200)
    static let streamLifetime: Duration = .seconds(120)
    static let streamPing: Duration = .seconds(15)

    /// `GET /consola/eventos?desde=N[&chat=C&chat_desde=M]` (Server-Sent Events):
    /// `bandeja` when any chat got a message after N (`{"ultimo", "en": ms the message was
    /// stored, "persona": chats that now need a person}`), `chat` when chat C did (after M).
    /// The database is polled a few times a second by each stream; a front end holds at most
    /// 200 streams (a 503 beyond).
    @Sendable func events(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try session(context)
        var since = try Self.counter(request.query("desde"), name: "desde")
        let chatId = try request.query("chat").map(ChatController.validChatId)
        var chatSince = try Self.counter(request.query("chat_desde"), name: "chat_desde")
        if let resume = request.headers[HTTPField.Name("Last-Event-ID")!] {  // a reconnect: the last event seen
            let parts = resume.split(separator: ":")
            if let global = parts.first.flatMap({ Int64($0) }), global >= 0 { since = max(since, global) }
            if parts.count > 1, let chat = Int64(parts[1]), chat >= 0 { chatSince = max(chatSince, chat) }
        }
        guard streams.acquire() else {
            throw APIError(.unavailable, "Hay demasiadas conexiones en vivo abiertas; intente en unos segundos.")
        }
        let store = self.store
        let slots = self.streams
        let (startSince, startChatSince) = (since, chatSince)
        let body = ResponseBody { writer in
            defer { slots.release() }
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            let clock = ContinuousClock()
            let end = clock.now + Self.streamLifetime
            var lastWrite = clock.now
            var last = startSince
            var lastChat = startChatSince
            while clock.now < end, !Task.isCancelled, !Task.isShuttingDownGracefully {
                let latest = try await store.latestMessage()
                var latestChat: (id: Int64, created: Date)?
                if let chatId { latestChat = try await store.latestMessage(chatId: chatId) }
                var events = ""
                if let latest, latest.id > last {
                    let needPerson = try await store.conversationsNeedingPerson(after: last, limit: 20)
                    if let latestChat, latestChat.id > lastChat {
                        lastChat = latestChat.id
                        events += Self.event(
                            "chat", id: "\(latest.id):\(lastChat)",
                            ["ultimo": .integer(Int(latestChat.id)), "en": .integer(Self.ms(latestChat.created))])
                    }
                    last = latest.id
                    events += Self.event(
                        "bandeja", id: "\(last):\(lastChat)",
                        [
                            "ultimo": .integer(Int(latest.id)), "en": .integer(Self.ms(latest.created)),
                            "persona": .array(needPerson.map { .string($0) }),
                        ])
                }
                if !events.isEmpty {
                    try await writer.write(ByteBuffer(string: events))
                    lastWrite = clock.now
                } else if clock.now - lastWrite > Self.streamPing {
                    try await writer.write(ByteBuffer(string: ": sigo aquí\n\n"))
                    lastWrite = clock.now
                }
                try await Task.sleep(for: Self.streamPollInterval)
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store",
                .init("X-Accel-Buffering")!: "no",
            ],
            body: body)
    }

    static func event(_ name: String, id: String, _ data: [String: JSONValue]) -> String {
        let json = (try? APIJSON.encoder.encode(JSONValue.object(data))).map { String(decoding: $0, as: UTF8.self) }
        return "event: \(name)\nid: \(id)\ndata: \(json ?? "{}")\n\n"
    }

    static func ms(_ date: Date) -> Int { Int((date.timeIntervalSince1970 * 1000).rounded()) }

    static func counter(_ raw: String?, name: String) throws -> Int64 {
        guard let raw else { return 0 }
        guard let value = Int64(raw), value >= 0 else {
            throw APIError.badRequest("El parámetro \(name) debe ser un entero mayor o igual a 0.")
        }
        return value
    }

    /// `GET /consola/trabajos/{id}`: a job's progress as JSON for the progress bars
    /// (`{"estado", "hechos", "total", "fin", "texto"}`), or with `?parcial=1` its outcome
    /// as HTML (an import's row errors, an export's download link…).
    @Sendable func jobStatus(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = context.parameters.get("id") ?? ""
        guard JobID.isValid(id), let status = try await jobs.status(id) else {
            throw APIError.notFound("No existe el trabajo \(id).")
        }
        if request.query("parcial") != nil {
            return ConsoleResponses.html(JobView.box(status))
        }
        let body: JSONValue = .object([
            "estado": .string(status.state.rawValue), "hechos": .integer(status.progress?.facts ?? 0),
            "total": .integer(status.progress?.total ?? 0), "fin": .bool(status.isFinished),
            "texto": .string(JobView.stateText(status)),
        ])
        return ConsoleResponses.json(String(decoding: try APIJSON.encoder.encode(body), as: UTF8.self))
    }
}
