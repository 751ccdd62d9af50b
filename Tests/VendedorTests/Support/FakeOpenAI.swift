import Foundation

@testable import FrontEnd

/// OpenAI's `/v1/audio/transcriptions` on a `FakeAPIServer`, speaking the real wire format:
/// `Authorization: Bearer` (else 401 invalid_api_key), a whole-body limit of 26,214,400
/// bytes (413), real multipart parsing (no `file` or `model` → 400), the format decided by
/// the file name's extension (else 400 "Invalid file format"), only `json` for the gpt-4o
/// models, errors in the OpenAI envelope. Transcripts are scripted per test; errors
/// (429 with retry-after-ms / Retry-After, insufficient_quota, 5xx) are injected.
/// `/v1/chat/completions` too (FakeOpenAI+Chat below): scripted replies, `null` content,
/// `finish_reason` "length", the same auth and error envelope.
final class FakeOpenAI: @unchecked Sendable {
    static let key = "sk-falsa-de-pruebas"
    static let transcriptions = "/v1/audio/transcriptions"
    static let formats = ["flac", "m4a", "mp3", "mp4", "mpeg", "mpga", "oga", "ogg", "wav", "webm"]

    let server: FakeAPIServer
    fileprivate let lock = NSLock()
    fileprivate var chatScript: @Sendable (ChatCall) -> ChatAnswer = { _ in .text("Con gusto.") }
    private var script: @Sendable (Data) -> String = { _ in "Buenas tardes, necesito guantes de vaqueta" }
    var maxBodyBytes = 26_214_400

    /// One transcription request as the fake understood it.
    struct Transcription: Sendable {
        var filename: String?
        var contentType: String?
        var audio: Data
        var fields: [String: String]
        var rawBody: Data
    }

    init(server: FakeAPIServer) {
        self.server = server
        server.route("POST", Self.transcriptions) { [unowned self] received in self.transcribe(received) }
        server.route("POST", Self.chatCompletions) { [unowned self] received in self.complete(received) }
        server.route("POST", Self.embeddings) { [unowned self] received in self.embed(received) }
    }

    static func run<T: Sendable>(_ body: @Sendable (FakeOpenAI) async throws -> T) async throws -> T {
        try await FakeAPIServer.run { server in try await body(FakeOpenAI(server: server)) }
    }

    /// OPENAI_BASE_URL for clients under test.
    var baseURL: String { server.baseURL + "/v1" }

    /// What the audio says, from its bytes.
    func transcript(_ script: @escaping @Sendable (Data) -> String) {
        lock.withLock { self.script = script }
    }

    /// Every transcription request received (injected failures included), parsed.
    var calls: [Transcription] {
        server.requests(matching: Self.transcriptions).compactMap { Self.parse($0) }
    }

    // MARK: Injected errors

    func injectRateLimit(retryAfterMs: Int, path: String = FakeOpenAI.transcriptions) {
        server.inject(
            path,
            FakeAPIServer.Reply(
                status: 429,
                headers: [
                    "Content-Type": "application/json", "retry-after-ms": String(retryAfterMs),
                    "Retry-After": String(max(1, retryAfterMs / 1000)),
                ],
                body: try! JSONSerialization.data(
                    withJSONObject: Self.envelope(
                        "Rate limit reached for whisper-1 in organization org-x on requests per min (RPM): Limit 50.",
                        type: "requests", code: "rate_limit_exceeded"))))
    }

    func injectInsufficientQuota(path: String = FakeOpenAI.transcriptions) {
        server.inject(
            path,
            .json(
                object: Self.envelope(
                    "You exceeded your current quota, please check your plan and billing details.",
                    type: "insufficient_quota", code: "insufficient_quota"), status: 429))
    }

    func injectServerError(_ status: Int = 503, times: Int = 1, path: String = FakeOpenAI.transcriptions) {
        for _ in 0..<times {
            server.inject(
                path,
                .json(
                    object: Self.envelope("The server is overloaded or not ready yet.", type: "server_error"),
                    status: status))
        }
    }

    func injectBadRequest(_ message: String = "Audio file might be corrupted or unsupported") {
        server.inject(
            Self.transcriptions,
            .json(object: Self.envelope(message, type: "invalid_request_error", param: "file"), status: 400))
    }

    // MARK: Wire format

    static func envelope(_ message: String, type: String, param: String? = nil, code: String? = nil) -> [String: Any] {
        [
            "error": [
                "message": message, "type": type, "param": param as Any? ?? NSNull(), "code": code as Any? ?? NSNull(),
            ]
        ]
    }

    private func transcribe(_ received: FakeAPIServer.Received) -> FakeAPIServer.Reply {
        guard received.headers["authorization"] == "Bearer \(Self.key)" else {
            return .json(
                object: Self.envelope(
                    "Incorrect API key provided.", type: "invalid_request_error", code: "invalid_api_key"), status: 401)
        }
        guard received.body.count <= maxBodyBytes else {
            return .json(
                object: Self.envelope(
                    "Maximum content size limit (\(maxBodyBytes)) exceeded (\(received.body.count) bytes read)",
                    type: "server_error"), status: 413)
        }
        guard let call = Self.parse(received), let model = call.fields["model"] else {
            return .json(
                object: Self.envelope(
                    "Could not parse multipart form, or a required field (file, model) is missing.",
                    type: "invalid_request_error"), status: 400)
        }
        let ext = (call.filename ?? "").split(separator: ".").last.map { String($0).lowercased() } ?? ""
        guard call.filename?.contains(".") == true, Self.formats.contains(ext) else {
            return .json(
                object: Self.envelope(
                    "Invalid file format. Supported formats: \(Self.formats)", type: "invalid_request_error"),
                status: 400)
        }
        let format = call.fields["response_format"] ?? "json"
        if model.hasPrefix("gpt-4o"), format != "json" {
            return .json(
                object: Self.envelope(
                    "response_format '\(format)' is not compatible with model '\(model)'. Use 'json'.",
                    type: "invalid_request_error", param: "response_format"), status: 400)
        }
        let text = lock.withLock { self.script }(call.audio)
        if format == "text" {
            return .init(
                status: 200, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Data((text + "\n").utf8))
        }
        return .json(object: ["text": text, "usage": ["type": "duration", "seconds": 2.4]])
    }

    static func parse(_ received: FakeAPIServer.Received) -> Transcription? {
        guard let contentType = received.headers["content-type"], contentType.hasPrefix("multipart/form-data"),
            let parts = try? Multipart.parts(in: received.body, contentType: contentType),
            let file = parts.first(where: { $0.name == "file" })
        else { return nil }
        var fields: [String: String] = [:]
        for part in parts where part.filename == nil { fields[part.name] = part.text }
        return Transcription(
            filename: file.filename, contentType: file.contentType, audio: file.data, fields: fields,
            rawBody: received.body)
    }
}

// MARK: Chat completions

extension FakeOpenAI {
    static let chatCompletions = "/v1/chat/completions"

    /// One chat completion request as the fake understood it.
    struct ChatCall: Sendable {
        var model: String
        var messages: [(role: String, content: String)]
        var maxTokens: Int?
        var maxCompletionTokens: Int?
        var temperature: Double?

        var system: String { messages.first { $0.role == "system" }?.content ?? "" }
        var lastUser: String { messages.last { $0.role == "user" }?.content ?? "" }
    }

    enum ChatAnswer: Sendable {
        case text(String)
        /// `content: null` with this finish reason (a refusal, a tool call).
        case nullContent(String)
        /// Cut by the token cap: `finish_reason: "length"`.
        case length(String)
    }

    /// What the model answers, from the request.
    func chat(_ script: @escaping @Sendable (ChatCall) -> ChatAnswer) {
        lock.withLock { self.chatScript = script }
    }

    /// Every chat completion request received (injected failures included), parsed.
    var chatCalls: [ChatCall] {
        server.requests(matching: Self.chatCompletions).compactMap { Self.parseChat($0) }
    }

    fileprivate func complete(_ received: FakeAPIServer.Received) -> FakeAPIServer.Reply {
        guard received.headers["authorization"] == "Bearer \(Self.key)" else {
            return .json(
                object: Self.envelope(
                    "Incorrect API key provided.", type: "invalid_request_error", code: "invalid_api_key"), status: 401)
        }
        guard let call = Self.parseChat(received), !call.messages.isEmpty else {
            return .json(
                object: Self.envelope(
                    "'messages' is a required property", type: "invalid_request_error", param: "messages"), status: 400)
        }
        let answer = lock.withLock { self.chatScript }(call)
        var message: [String: Any] = ["role": "assistant", "refusal": NSNull()]
        let reason: String
        switch answer {
        case .text(let text):
            message["content"] = text
            reason = "stop"
        case .nullContent(let finish):
            message["content"] = NSNull()
            reason = finish
        case .length(let text):
            message["content"] = text
            reason = "length"
        }
        return .json(object: [
            "id": "chatcmpl-falso", "object": "chat.completion", "created": 1_767_225_600, "model": call.model,
            "choices": [["index": 0, "message": message, "finish_reason": reason, "logprobs": NSNull()]],
            "usage": ["prompt_tokens": 812, "completion_tokens": 9, "total_tokens": 821],
            "system_fingerprint": "fp_falso",
        ])
    }

    static func parseChat(_ received: FakeAPIServer.Received) -> ChatCall? {
        guard let object = received.json as? [String: Any], let model = object["model"] as? String else { return nil }
        let messages = (object["messages"] as? [[String: Any]] ?? []).compactMap { item -> (String, String)? in
            guard let role = item["role"] as? String, let content = item["content"] as? String else { return nil }
            return (role, content)
        }
        return ChatCall(
            model: model, messages: messages, maxTokens: object["max_tokens"] as? Int,
            maxCompletionTokens: object["max_completion_tokens"] as? Int, temperature: object["temperature"] as? Double)
    }
}

// MARK: Embeddings

extension FakeOpenAI {
    static let embeddings = "/v1/embeddings"

    /// Texts embedded so far (injected failures excluded), one entry per text, with the model
    /// and dimensions asked for.
    var embedded: [(model: String, text: String, dimensions: Int?)] {
        server.requests(matching: Self.embeddings).flatMap { received -> [(String, String, Int?)] in
            guard let object = received.json as? [String: Any] else { return [] }
            let model = object["model"] as? String ?? ""
            let inputs = (object["input"] as? [String]) ?? (object["input"] as? String).map { [$0] } ?? []
            return inputs.map { (model, $0, object["dimensions"] as? Int) }
        }
    }

    /// Holds every embeddings answer this long (to catch a worker in the middle of a job).
    func delayEmbeddings(_ delay: Duration) {
        server.route("POST", Self.embeddings) { [unowned self] received in
            var reply = self.embed(received)
            reply.delay = delay
            return reply
        }
    }

    /// `POST /v1/embeddings`: Bearer key (else 401), `input` a string or an array of at most
    /// 2048 non-empty strings (else 400), `dimensions` honoured (default 1536), `encoding_format`
    /// float or base64; `data` comes back in reverse order with its `index`, so a client
    /// must sort by index. Vectors are deterministic per model and text, normalised.
    fileprivate func embed(_ received: FakeAPIServer.Received) -> FakeAPIServer.Reply {
        guard received.headers["authorization"] == "Bearer \(Self.key)" else {
            return .json(
                object: Self.envelope(
                    "Incorrect API key provided.", type: "invalid_request_error", code: "invalid_api_key"), status: 401)
        }
        guard let object = received.json as? [String: Any], let model = object["model"] as? String else {
            return .json(
                object: Self.envelope("you must provide a model parameter", type: "invalid_request_error"), status: 400)
        }
        let inputs = (object["input"] as? [String]) ?? (object["input"] as? String).map { [$0] }
        guard let inputs, !inputs.isEmpty, inputs.count <= 2048, inputs.allSatisfy({ !$0.isEmpty }) else {
            return .json(
                object: Self.envelope(
                    "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.",
                    type: "invalid_request_error"), status: 400)
        }
        let size = object["dimensions"] as? Int ?? 1536
        let base64 = object["encoding_format"] as? String == "base64"
        var data: [[String: Any]] = []
        for (index, text) in inputs.enumerated().reversed() {
            let vector = FakeGemini.vector(for: model + "|" + text, size: size, normalised: true)
            let encoded: Any =
                base64 ? vector.withUnsafeBytes { Data($0).base64EncodedString() } : vector.map { Double($0) }
            data.append(["object": "embedding", "index": index, "embedding": encoded])
        }
        return .json(object: [
            "object": "list", "model": model, "data": data,
            "usage": ["prompt_tokens": inputs.count * 4, "total_tokens": inputs.count * 4],
        ])
    }
}
