import Foundation
import Support

/// `POST {OPENAI_BASE_URL}/chat/completions` (OpenAI, or a compatible server: llama.cpp,
/// Ollama, vLLM, Gemini's compatibility endpoint) through `ProviderHTTP`, non-streaming.
/// The answer is the first choice's text; a choice with no text (a refusal, a tool call,
/// `null` content) is an error, not an empty reply.
public struct OpenAIChatClient: Sendable {
    public var config: OpenAIConfig
    public var http: ProviderHTTP
    public var timeout: Duration

    public init(
        config: OpenAIConfig, transport: any HTTPTransport, policy: ProviderHTTP.RetryPolicy = .standard,
        timeout: Duration = .seconds(30)
    ) {
        self.config = config
        self.http = ProviderHTTP(api: "openai", transport: transport, policy: policy)
        self.timeout = timeout
    }

    public struct Message: Sendable, Equatable {
        public var role: String
        public var content: String

        public init(role: String, content: String) {
            self.role = role
            self.content = content
        }
    }

    public struct Reply: Sendable, Equatable {
        public var text: String
        /// "stop", "length" (cut by the token cap), "content_filter", or what the server sent.
        public var finishReason: String?
        public var model: String?
    }

    public enum ChatError: Error, Equatable, CustomStringConvertible {
        case noChoices
        case noText(finishReason: String?, refusal: String?)

        public var description: String {
            switch self {
            case .noChoices: "openai: la respuesta no trae opciones (choices)"
            case .noText(let reason, let refusal):
                "openai: la respuesta no trae texto (finish_reason \(reason ?? "nulo")\(refusal.map { ", rechazo: \($0)" } ?? ""))"
            }
        }
    }

    /// OpenAI's own service wants `max_completion_tokens`; compatible servers `max_tokens`.
    /// `responseFormat`: the `response_format` object (a JSON schema the answer must follow),
    /// or nil for plain text.
    public func complete(
        model: String, messages: [Message], maxTokens: Int, temperature: Double, responseFormat: JSONValue? = nil
    ) async throws -> Reply {
        let body = ChatCompletionRequest(
            model: model, messages: messages.map { .init(role: $0.role, content: $0.content) },
            temperature: temperature, maxTokens: config.isOpenAI ? nil : maxTokens,
            maxCompletionTokens: config.isOpenAI ? maxTokens : nil, responseFormat: responseFormat)
        let response = try await http.send(
            OutboundRequest(
                method: "POST", url: "\(config.baseURL)/chat/completions",
                headers: [("Content-Type", "application/json")] + config.authorization,
                body: Array(try JSONEncoder().encode(body)), timeout: timeout))
        let decoded = try http.decode(ChatCompletionResponse.self, from: response)
        guard let choice = decoded.choices?.first else { throw ChatError.noChoices }
        guard let text = choice.message?.content?.text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ChatError.noText(finishReason: choice.finishReason, refusal: choice.message?.refusal)
        }
        return Reply(text: text, finishReason: choice.finishReason, model: decoded.model)
    }
}

/// The request body (only the portable fields).
struct ChatCompletionRequest: Encodable {
    struct Message: Encodable {
        var role: String
        var content: String
    }

    var model: String
    var messages: [Message]
    var temperature: Double
    var maxTokens: Int?
    var maxCompletionTokens: Int?
    var responseFormat: JSONValue?
    var stream = false

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature, stream
        case maxTokens = "max_tokens"
        case maxCompletionTokens = "max_completion_tokens"
        case responseFormat = "response_format"
    }
}

/// The response, decoded leniently: unknown fields ignored, almost everything optional.
struct ChatCompletionResponse: Decodable {
    struct Choice: Decodable {
        var message: ResponseMessage?
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case message
            case finishReason = "finish_reason"
        }
    }

    struct ResponseMessage: Decodable {
        var content: Content?
        var refusal: String?
    }

    /// A string, or (some servers) an array of `{type: "text", text}` parts.
    enum Content: Decodable {
        case text(String)
        case parts([Part])

        struct Part: Decodable {
            var type: String?
            var text: String?
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                self = .parts(try container.decode([Part].self))
            }
        }

        var text: String {
            switch self {
            case .text(let text): text
            case .parts(let parts): parts.compactMap { $0.type == nil || $0.type == "text" ? $0.text : nil }.joined()
            }
        }
    }

    var choices: [Choice]?
    var model: String?
}
