import Foundation

@testable import Integrations

/// A fake Telegram Bot API server on loopback (on `FakeAPIServer`), speaking the real wire
/// format: `/bot<token>/<method>` (method names case-insensitive, a wrong token 401, an
/// unknown method 404), parameters from the query string, urlencoded or JSON bodies, the
/// `{ok, result}` / `{ok:false, error_code, description, parameters?}` envelope with the HTTP
/// status equal to `error_code`. It keeps an update queue with real `getUpdates` semantics
/// (offset confirms, negative offset, limit, long-poll hold that returns as soon as an update
/// arrives, 409 for a superseded poll or while a webhook is set), webhooks (setWebhook
/// validation, delivery to the receiver with retries), files (`getFile` with the 20 MiB
/// limit, `/file/bot<token>/<path>` downloads), and records every message and chat action
/// with its arrival time, so tests can observe rate limits. Blocked chats get 403; a
/// per-chat minimum interval can be enforced with 429s; any 429 carries both `Retry-After`
/// and `parameters.retry_after`.
final class FakeTelegram: @unchecked Sendable {
    static let token = "7000000001:AAF-fake_token_for_tests_0123456789"

    struct Sent: Sendable {
        var chatId: Int64
        var text: String
        var parseMode: String?
        var replyTo: Int64?
        var messageId: Int64
        var at: Date
        /// The message's `reply_markup` as sent (JSON object), if any.
        var replyMarkup: [String: Any]? {
            markupJSON.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        }
        var markupJSON: Data?

        /// The inline buttons' `(text, callback_data)`, row by row flattened.
        var inlineButtons: [(text: String, data: String)] {
            let rows = replyMarkup?["inline_keyboard"] as? [[[String: Any]]] ?? []
            return rows.flatMap { $0 }.map { ($0["text"] as? String ?? "", $0["callback_data"] as? String ?? "") }
        }

        /// Whether the message carries a keyboard button that asks for the user's contact.
        var requestsContact: Bool {
            let rows = replyMarkup?["keyboard"] as? [[[String: Any]]] ?? []
            return rows.flatMap { $0 }.contains { ($0["request_contact"] as? Bool) == true }
        }
    }

    struct CallbackAnswer: Sendable {
        var id: String
        var text: String?
    }

    struct Action: Sendable {
        var chatId: Int64
        var action: String
        var at: Date
    }

    struct StoredFile {
        var path: String
        var bytes: Data
        var size: Int64
    }

    private(set) var server: FakeAPIServer!
    private let lock = NSLock()
    private var updates: [(id: Int64, json: Data)] = []
    private var nextUpdateId: Int64 = 880_001_000
    private var pollSequence = 0
    private var superseded = 0
    private var webhook: (url: String, secret: String?)?
    private var files: [String: StoredFile] = [:]
    private var blocked: Set<Int64> = []
    private var migrations: [Int64: Int64] = [:]
    private var sent: [Sent] = []
    private var actions: [Action] = []
    private var callbackAnswers: [CallbackAnswer] = []
    private var nextMessageId: Int64 = 500
    private var lastSend: [Int64: Date] = [:]
    /// When set, a second message to a chat sooner than this answers 429 (retry_after 1).
    var minimumChatInterval: TimeInterval?

    var baseURL: String { server.baseURL }
    private var methodPrefix: String { "/bot\(Self.token)/" }

    static func run<T: Sendable>(_ body: @Sendable (FakeTelegram) async throws -> T) async throws -> T {
        let fake = FakeTelegram()
        return try await FakeAPIServer.run({ server in
            server.route("*", "/bot*") { received in await fake.method(received) }
            server.route("GET", "/file/bot*") { received in fake.file(received) }
        }) { server in
            fake.server = server
            return try await body(fake)
        }
    }

    // MARK: Control (what a test sets up and reads back)

    /// Queues an update (its `update_id` assigned here) and returns its id.
    @discardableResult
    func addUpdate(message: [String: Any]) -> Int64 {
        lock.withLock {
            let id = nextUpdateId
            nextUpdateId += 1
            let json = try! JSONSerialization.data(withJSONObject: ["update_id": id, "message": message])
            updates.append((id, json))
            return id
        }
    }

    /// The JSON of an update as Telegram would send it (for webhook calls).
    func update(id: Int64? = nil, message: [String: Any]) -> (id: Int64, json: Data) {
        update(id: id, field: "message", message)
    }

    /// An update of any payload field (`callback_query`, `edited_message`…).
    func update(id: Int64? = nil, field: String, _ payload: [String: Any]) -> (id: Int64, json: Data) {
        lock.withLock {
            let id = id ?? nextUpdateId
            nextUpdateId = max(nextUpdateId, id + 1)
            return (id, try! JSONSerialization.data(withJSONObject: ["update_id": id, field: payload]))
        }
    }

    /// A `CallbackQuery` as Telegram sends it when `fromId` presses a button of the bot's
    /// message `messageId` in `chatId`.
    static func callbackQuery(
        id: String = "cbq-1", fromId: Int64, chatId: Int64, messageId: Int64 = 600, data: String?
    ) -> [String: Any] {
        var query: [String: Any] = [
            "id": id, "chat_instance": "-7123456789012345678",
            "from": ["id": fromId, "is_bot": false, "first_name": "Ana", "language_code": "es"],
            "message": [
                "message_id": messageId, "date": 1_767_225_700,
                "chat": ["id": chatId, "type": chatId < 0 ? "supergroup" : "private", "first_name": "Ana"],
                "from": ["id": 7_000_000_001, "is_bot": true, "first_name": "Vendedor"],
                "text": "¿Confirmamos el pedido?",
            ],
        ]
        if let data { query["data"] = data }
        return query
    }

    static func message(chatId: Int64, text: String? = nil, extra: [String: Any] = [:], messageId: Int64 = 57)
        -> [String: Any]
    {
        var message: [String: Any] = [
            "message_id": messageId, "date": 1_767_225_600,
            "chat": ["id": chatId, "type": chatId < 0 ? "supergroup" : "private", "first_name": "Ana"],
            "from": ["id": abs(chatId), "is_bot": false, "first_name": "Ana", "language_code": "es"],
        ]
        if let text { message["text"] = text }
        for (key, value) in extra { message[key] = value }
        return message
    }

    /// Makes `getFile(fileId)` answer with a path whose download gives `bytes`; `size`
    /// overrides the announced size (to test the 20 MiB limit without 20 MiB of bytes).
    func addFile(id: String, bytes: Data, path: String, size: Int64? = nil) {
        lock.withLock { files[id] = StoredFile(path: path, bytes: bytes, size: size ?? Int64(bytes.count)) }
    }

    func block(chatId: Int64) {
        _ = lock.withLock { blocked.insert(chatId) }
    }

    /// The group `chatId` was upgraded to the supergroup `to`: sends to the old id fail with
    /// a 400 carrying `parameters.migrate_to_chat_id`, as Telegram's do.
    func migrate(chatId: Int64, to newId: Int64) {
        lock.withLock { migrations[chatId] = newId }
    }

    /// The next `count` calls of `method` answer 429 with `retryAfter` in both places.
    func injectFlood(method: String = "sendMessage", retryAfter: Int, count: Int = 1) {
        for _ in 0..<count { server.inject(methodPrefix + method, Self.tooManyRequests(retryAfter)) }
    }

    /// The next call of `method` answers this error.
    func injectError(method: String, code: Int, description: String) {
        server.inject(methodPrefix + method, Self.failure(code, description))
    }

    /// The next call of `method` answers 502 with an HTML body (as Telegram's front end does).
    func injectBadGateway(method: String) {
        server.inject(
            methodPrefix + method,
            .init(status: 502, headers: ["Content-Type": "text/html"], body: Data("<html>502 Bad Gateway</html>".utf8)))
    }

    var sentMessages: [Sent] { lock.withLock { sent } }
    var chatActions: [Action] { lock.withLock { actions } }
    /// Every `answerCallbackQuery` call, oldest first.
    var answeredCallbacks: [CallbackAnswer] { lock.withLock { callbackAnswers } }
    var webhookURL: String? { lock.withLock { webhook?.url } }
    var webhookSecret: String? { lock.withLock { webhook?.secret } }
    var pendingUpdates: Int { lock.withLock { updates.count } }
    /// Polls ended with 409 because another getUpdates came in meanwhile.
    var supersededPolls: Int { lock.withLock { superseded } }

    /// Every request to `method` (any outcome), oldest first.
    func calls(_ method: String) -> [FakeAPIServer.Received] {
        server.requests.filter { $0.path.lowercased() == (methodPrefix + method).lowercased() }
    }

    /// Delivers an update to the webhook as Telegram does: POST with the secret header,
    /// again after a non-2xx answer (honouring `Retry-After`, capped at 0.2 s for tests), up
    /// to `attempts` times. Returns the status of every try.
    func deliverToWebhook(_ update: Data, attempts: Int = 3) async throws -> [Int] {
        guard let (url, secret) = lock.withLock({ webhook }) else { throw TestFailure("no hay webhook configurado") }
        var headers = [("Content-Type", "application/json")]
        if let secret { headers.append(("X-Telegram-Bot-Api-Secret-Token", secret)) }
        var statuses: [Int] = []
        for _ in 0..<attempts {
            let response = try await CurlTransport().send(
                OutboundRequest(method: "POST", url: url, headers: headers, body: Array(update)))
            statuses.append(response.status)
            if (200..<300).contains(response.status) { break }
            let wait = min(response.headers["retry-after"].flatMap(Double.init) ?? 0.05, 0.2)
            try await Task.sleep(for: .milliseconds(Int(wait * 1000)))
        }
        return statuses
    }

    // MARK: The API

    static func ok(_ result: Any) -> FakeAPIServer.Reply {
        .json(object: ["ok": true, "result": result])
    }

    static func failure(
        _ code: Int, _ description: String, parameters: [String: Any]? = nil, headers: [String: String] = [:]
    )
        -> FakeAPIServer.Reply
    {
        var body: [String: Any] = ["ok": false, "error_code": code, "description": description]
        if let parameters { body["parameters"] = parameters }
        var reply = FakeAPIServer.Reply.json(object: body, status: code)
        for (name, value) in headers { reply.headers[name] = value }
        return reply
    }

    static func tooManyRequests(_ seconds: Int) -> FakeAPIServer.Reply {
        failure(
            429, "Too Many Requests: retry after \(seconds)", parameters: ["retry_after": seconds],
            headers: ["Retry-After": String(seconds)])
    }

    private func method(_ received: FakeAPIServer.Received) async -> FakeAPIServer.Reply {
        let rest = received.path.dropFirst("/bot".count)
        guard let slash = rest.firstIndex(of: "/") else { return Self.failure(404, "Not Found") }
        guard rest[..<slash] == Self.token else { return Self.failure(401, "Unauthorized") }
        let name = rest[rest.index(after: slash)...].lowercased()
        let parameters = Self.parameters(of: received)
        switch name {
        case "getme":
            return Self.ok(["id": 7_000_000_001, "is_bot": true, "first_name": "Vendedor", "username": "vendedor_bot"])
        case "getupdates": return await getUpdates(parameters)
        case "setwebhook": return setWebhook(parameters)
        case "deletewebhook": return deleteWebhook(parameters)
        case "getwebhookinfo": return webhookInfo()
        case "sendmessage": return sendMessage(parameters, at: received.at)
        case "sendchataction": return sendChatAction(parameters, at: received.at)
        case "getfile": return getFile(parameters)
        case "answercallbackquery": return answerCallbackQuery(parameters)
        default: return Self.failure(404, "Not Found: method not found")
        }
    }

    private func getUpdates(_ parameters: [String: Any]) async -> FakeAPIServer.Reply {
        let offset = Self.int64(parameters["offset"])
        let limit = min(max(Self.int64(parameters["limit"]).map(Int.init) ?? 100, 1), 100)
        let timeout = min(max(Self.int64(parameters["timeout"]) ?? 0, 0), 50)
        let deadline = Date().addingTimeInterval(Double(timeout))
        let mine: Int? = lock.withLock {
            if webhook != nil { return nil }
            pollSequence += 1
            if let offset {
                if offset < 0 {
                    updates = Array(updates.suffix(Int(-offset)))
                } else {
                    updates.removeAll { $0.id < offset }
                }
            }
            return pollSequence
        }
        guard let mine else {
            return Self.failure(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
            )
        }
        while true {
            let batch: [Data]? = lock.withLock {
                guard pollSequence == mine else {
                    superseded += 1
                    return nil
                }
                return updates.prefix(limit).map(\.json)
            }
            guard let batch else {
                return Self.failure(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running")
            }
            if !batch.isEmpty || Date() >= deadline {
                return Self.ok(batch.map { try! JSONSerialization.jsonObject(with: $0) })
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    private func setWebhook(_ parameters: [String: Any]) -> FakeAPIServer.Reply {
        let url = parameters["url"] as? String ?? ""
        if url.isEmpty { return deleteWebhook([:]) }
        guard let components = URLComponents(string: url), let host = components.host else {
            return Self.failure(400, "Bad Request: invalid webhook URL specified")
        }
        let loopback = host == "127.0.0.1" || host == "localhost"
        guard components.scheme == "https" || (loopback && components.scheme == "http") else {
            return Self.failure(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        }
        let port = components.port ?? (components.scheme == "https" ? 443 : 80)
        guard loopback || [443, 80, 88, 8443].contains(port) else {
            return Self.failure(
                400, "Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")
        }
        let secret = parameters["secret_token"] as? String
        if let secret, !TelegramConfig.isValidSecret(secret) {
            return Self.failure(400, "Bad Request: secret token contains unallowed characters")
        }
        lock.withLock { webhook = (url, secret) }
        return Self.ok(true)
    }

    private func deleteWebhook(_ parameters: [String: Any]) -> FakeAPIServer.Reply {
        lock.withLock {
            webhook = nil
            if Self.bool(parameters["drop_pending_updates"]) { updates.removeAll() }
        }
        return Self.ok(true)
    }

    private func webhookInfo() -> FakeAPIServer.Reply {
        lock.withLock {
            Self.ok([
                "url": webhook?.url ?? "", "has_custom_certificate": false, "pending_update_count": updates.count,
            ])
        }
    }

    private func sendMessage(_ parameters: [String: Any], at: Date) -> FakeAPIServer.Reply {
        guard let chatId = Self.int64(parameters["chat_id"]) else {
            return Self.failure(400, "Bad Request: chat_id is empty")
        }
        let text = parameters["text"] as? String ?? ""
        guard !text.isEmpty else { return Self.failure(400, "Bad Request: message text is empty") }
        guard text.count <= 4096 else { return Self.failure(400, "Bad Request: message is too long") }
        return lock.withLock {
            if blocked.contains(chatId) { return Self.failure(403, "Forbidden: bot was blocked by the user") }
            if let newId = migrations[chatId] {
                return Self.failure(
                    400, "Bad Request: group chat was upgraded to a supergroup chat",
                    parameters: ["migrate_to_chat_id": newId])
            }
            if let minimum = minimumChatInterval, let last = lastSend[chatId], at.timeIntervalSince(last) < minimum {
                return Self.tooManyRequests(1)
            }
            lastSend[chatId] = at
            nextMessageId += 1
            let replyTo = (parameters["reply_parameters"] as? [String: Any]).flatMap { Self.int64($0["message_id"]) }
            let markup = (parameters["reply_markup"] as? [String: Any]).flatMap {
                try? JSONSerialization.data(withJSONObject: $0)
            }
            if let markup, let problem = Self.markupProblem(markup, chatId: chatId) {
                return Self.failure(400, "Bad Request: \(problem)")
            }
            sent.append(
                Sent(
                    chatId: chatId, text: text, parseMode: parameters["parse_mode"] as? String, replyTo: replyTo,
                    messageId: nextMessageId, at: at, markupJSON: markup))
            return Self.ok([
                "message_id": nextMessageId, "date": Int(at.timeIntervalSince1970),
                "chat": ["id": chatId, "type": "private"],
                "text": text,
            ])
        }
    }

    private func sendChatAction(_ parameters: [String: Any], at: Date) -> FakeAPIServer.Reply {
        guard let chatId = Self.int64(parameters["chat_id"]), let action = parameters["action"] as? String else {
            return Self.failure(400, "Bad Request: chat_id is empty")
        }
        return lock.withLock {
            if blocked.contains(chatId) { return Self.failure(403, "Forbidden: bot was blocked by the user") }
            if let newId = migrations[chatId] {
                return Self.failure(
                    400, "Bad Request: group chat was upgraded to a supergroup chat",
                    parameters: ["migrate_to_chat_id": newId])
            }
            actions.append(Action(chatId: chatId, action: action, at: at))
            return Self.ok(true)
        }
    }

    /// What Telegram refuses in a `reply_markup`: `callback_data` outside 1–64 bytes, a
    /// button without text, `request_contact` outside a private chat.
    static func markupProblem(_ json: Data, chatId: Int64) -> String? {
        guard let markup = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            return "can't parse reply keyboard markup JSON object"
        }
        for button in (markup["inline_keyboard"] as? [[[String: Any]]] ?? []).flatMap({ $0 }) {
            guard let text = button["text"] as? String, !text.isEmpty else {
                return "text buttons are unallowed in the inline keyboard"
            }
            let data = button["callback_data"] as? String ?? ""
            guard (1...64).contains(data.utf8.count) else { return "BUTTON_DATA_INVALID" }
        }
        for button in (markup["keyboard"] as? [[[String: Any]]] ?? []).flatMap({ $0 }) {
            if (button["request_contact"] as? Bool) == true, chatId < 0 {
                return "phone number can be requested in private chats only"
            }
        }
        return nil
    }

    private func answerCallbackQuery(_ parameters: [String: Any]) -> FakeAPIServer.Reply {
        guard let id = parameters["callback_query_id"] as? String, !id.isEmpty else {
            return Self.failure(
                400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        }
        let text = parameters["text"] as? String
        if let text, text.count > 200 { return Self.failure(400, "Bad Request: MESSAGE_TOO_LONG") }
        lock.withLock { callbackAnswers.append(CallbackAnswer(id: id, text: text)) }
        return Self.ok(true)
    }

    private func getFile(_ parameters: [String: Any]) -> FakeAPIServer.Reply {
        guard let id = parameters["file_id"] as? String, let file = lock.withLock({ files[id] }) else {
            return Self.failure(400, "Bad Request: invalid file_id")
        }
        guard file.size <= Telegram.maxDownloadBytes else { return Self.failure(400, "Bad Request: file is too big") }
        return Self.ok(["file_id": id, "file_unique_id": "u-\(id)", "file_size": file.size, "file_path": file.path])
    }

    private func file(_ received: FakeAPIServer.Received) -> FakeAPIServer.Reply {
        let prefix = "/file/bot\(Self.token)/"
        guard received.path.hasPrefix(prefix) else { return Self.failure(401, "Unauthorized") }
        let path = String(received.path.dropFirst(prefix.count)).removingPercentEncoding ?? ""
        guard let file = lock.withLock({ files.values.first { $0.path == path } }) else {
            return Self.failure(404, "Not Found")
        }
        return .init(status: 200, headers: ["Content-Type": "application/octet-stream"], body: file.bytes)
    }

    // MARK: Parameters

    /// Query string, then the body: JSON, or urlencoded (nested objects as JSON strings).
    static func parameters(of received: FakeAPIServer.Received) -> [String: Any] {
        var result: [String: Any] = [:]
        func addForm(_ text: String) {
            for pair in text.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map {
                    String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
                }
                guard let name = parts.first else { continue }
                let value = parts.count > 1 ? parts[1] : ""
                if value.hasPrefix("{") || value.hasPrefix("["),
                    let nested = try? JSONSerialization.jsonObject(with: Data(value.utf8))
                {
                    result[name] = nested
                } else {
                    result[name] = value
                }
            }
        }
        addForm(received.query)
        let type = received.headers["content-type"] ?? ""
        if type.hasPrefix("application/json"), let object = received.json as? [String: Any] {
            result.merge(object) { $1 }
        } else if type.hasPrefix("application/x-www-form-urlencoded") {
            addForm(received.text)
        }
        return result
    }

    static func int64(_ value: Any?) -> Int64? {
        switch value {
        case let number as NSNumber: number.int64Value
        case let text as String: Int64(text)
        default: nil
        }
    }

    static func bool(_ value: Any?) -> Bool {
        switch value {
        case let number as NSNumber: number.boolValue
        case let text as String: text == "true" || text == "1"
        default: false
        }
    }
}
