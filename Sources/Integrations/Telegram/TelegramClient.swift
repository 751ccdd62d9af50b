import Foundation

/// The Telegram Bot API over `ProviderHTTP`: `…/bot<token>/<method>` with JSON parameters,
/// answers decoded from the `{ok, result}` envelope. Failures are `ProviderError`s carrying
/// Telegram's `description`, its status (= `error_code`) and `retry_after`; they never
/// contain a URL, so the token cannot leak into a log or a job's error.
public struct TelegramClient: Sendable {
    public let http: ProviderHTTP
    private let baseURL: String
    private let token: String

    public init(
        token: String, baseURL: String = TelegramConfig.defaultBaseURL, transport: any HTTPTransport,
        policy: ProviderHTTP.RetryPolicy = .standard
    ) {
        self.token = token
        self.baseURL = baseURL
        self.http = ProviderHTTP(api: "telegram", transport: transport, policy: policy)
    }

    /// The same client with another retry policy.
    public func with(policy: ProviderHTTP.RetryPolicy) -> TelegramClient {
        TelegramClient(token: token, baseURL: baseURL, transport: http.transport, policy: policy)
    }

    /// `text` with the token replaced, for anything that might show a URL.
    public func redacted(_ text: String) -> String {
        text.replacingOccurrences(of: token, with: "<token>")
    }

    private struct Envelope<Result: Decodable>: Decodable {
        var ok: Bool
        var result: Result?
        var description: String?
        var errorCode: Int?

        enum CodingKeys: String, CodingKey {
            case ok
            case result
            case description
            case errorCode = "error_code"
        }
    }

    /// Calls `method` with `parameters` as JSON and decodes its `result`.
    public func call<Parameters: Encodable, Result: Decodable>(
        _ method: String, _ parameters: Parameters, as: Result.Type, timeout: Duration = .seconds(30)
    ) async throws -> Result {
        let response = try await http.send(
            OutboundRequest(
                method: "POST", url: "\(baseURL)/bot\(token)/\(method)",
                headers: [("Content-Type", "application/json")], body: Array(try JSONEncoder().encode(parameters)),
                timeout: timeout, maxResponseBytes: 8 << 20))
        let envelope = try http.decode(Envelope<Result>.self, from: response)
        guard envelope.ok, let result = envelope.result else {
            // A 2xx carrying ok:false: treat it as the error it describes.
            let failure = http.classify(
                OutboundResponse(status: envelope.errorCode ?? 400, headers: response.headers, body: response.body))
            throw failure.kind == .rateLimited || failure.kind == .transient
                ? failure
                : ProviderError(kind: .permanent, api: "telegram", status: failure.status, message: failure.message)
        }
        return result
    }

    // MARK: Methods

    private struct SendMessage: Encodable {
        var chatId: Int64
        var text: String
        var replyParameters: ReplyParameters?
        var linkPreviewOptions = LinkPreview()
        var replyMarkup: Telegram.ReplyMarkup?

        struct ReplyParameters: Encodable {
            var messageId: Int64
            var allowSendingWithoutReply = true

            enum CodingKeys: String, CodingKey {
                case messageId = "message_id"
                case allowSendingWithoutReply = "allow_sending_without_reply"
            }
        }
        struct LinkPreview: Encodable {
            var isDisabled = true

            enum CodingKeys: String, CodingKey {
                case isDisabled = "is_disabled"
            }
        }

        enum CodingKeys: String, CodingKey {
            case chatId = "chat_id"
            case text
            case replyParameters = "reply_parameters"
            case linkPreviewOptions = "link_preview_options"
            case replyMarkup = "reply_markup"
        }
    }

    /// Sends plain text (no `parse_mode`: model output is not safe markup); at most
    /// `TelegramText.maxLength` characters, with buttons when `markup` is set. Returns the
    /// sent message's id.
    public func sendMessage(
        chatId: Int64, text: String, replyTo: Int64? = nil, markup: Telegram.ReplyMarkup? = nil
    ) async throws -> Int64 {
        let parameters = SendMessage(
            chatId: chatId, text: text, replyParameters: replyTo.map { .init(messageId: $0) }, replyMarkup: markup)
        return try await call("sendMessage", parameters, as: Telegram.SentMessage.self).messageId
    }

    /// Answers a button press, so the client stops its spinner; `text` (at most 200
    /// characters) shows as a short notification.
    public func answerCallbackQuery(id: String, text: String? = nil) async throws {
        struct Parameters: Encodable {
            var callbackQueryId: String
            var text: String?

            enum CodingKeys: String, CodingKey {
                case callbackQueryId = "callback_query_id"
                case text
            }
        }
        let notice = text.map { String($0.prefix(Telegram.maxCallbackAnswerCharacters)) }
        _ = try await call("answerCallbackQuery", Parameters(callbackQueryId: id, text: notice), as: Bool.self)
    }

    /// The update kinds asked for: messages and button presses.
    public static let allowedUpdates = ["message", "callback_query"]

    /// `typing`, `upload_photo`…; shown for up to 5 seconds or until the next message.
    public func sendChatAction(chatId: Int64, action: String = "typing") async throws {
        struct Parameters: Encodable {
            var chatId: Int64
            var action: String

            enum CodingKeys: String, CodingKey {
                case chatId = "chat_id"
                case action
            }
        }
        _ = try await call("sendChatAction", Parameters(chatId: chatId, action: action), as: Bool.self)
    }

    /// Updates after `offset`, holding the request up to `timeout` seconds when there are
    /// none. Only messages and button presses are asked for.
    public func getUpdates(offset: Int64?, timeout: Int, limit: Int = 100) async throws -> [Telegram.Update] {
        struct Parameters: Encodable {
            var offset: Int64?
            var limit: Int
            var timeout: Int
            var allowedUpdates = TelegramClient.allowedUpdates

            enum CodingKeys: String, CodingKey {
                case offset
                case limit
                case timeout
                case allowedUpdates = "allowed_updates"
            }
        }
        let seconds = min(max(timeout, 0), 50)
        return try await call(
            "getUpdates", Parameters(offset: offset, limit: limit, timeout: seconds), as: [Telegram.Update].self,
            timeout: .seconds(seconds + 10))
    }

    /// Points Telegram at `url`, asking it to send `secret` in every call.
    public func setWebhook(url: String, secret: String, maxConnections: Int = 40) async throws {
        struct Parameters: Encodable {
            var url: String
            var secretToken: String
            var maxConnections: Int
            var allowedUpdates = TelegramClient.allowedUpdates

            enum CodingKeys: String, CodingKey {
                case url
                case secretToken = "secret_token"
                case maxConnections = "max_connections"
                case allowedUpdates = "allowed_updates"
            }
        }
        _ = try await call(
            "setWebhook", Parameters(url: url, secretToken: secret, maxConnections: maxConnections), as: Bool.self)
    }

    /// Removes the webhook (pending updates are kept unless `dropPending`), so polling can work.
    public func deleteWebhook(dropPending: Bool = false) async throws {
        struct Parameters: Encodable {
            var dropPendingUpdates: Bool

            enum CodingKeys: String, CodingKey {
                case dropPendingUpdates = "drop_pending_updates"
            }
        }
        _ = try await call("deleteWebhook", Parameters(dropPendingUpdates: dropPending), as: Bool.self)
    }

    public func getWebhookInfo() async throws -> Telegram.WebhookInfo {
        struct Parameters: Encodable {}
        return try await call("getWebhookInfo", Parameters(), as: Telegram.WebhookInfo.self)
    }

    public func getFile(fileId: String) async throws -> Telegram.File {
        struct Parameters: Encodable {
            var fileId: String

            enum CodingKeys: String, CodingKey {
                case fileId = "file_id"
            }
        }
        return try await call("getFile", Parameters(fileId: fileId), as: Telegram.File.self)
    }

    /// The bytes of a file `getFile` described (`…/file/bot<token>/<file_path>`), at most 20 MiB.
    public func download(filePath: String) async throws -> Data {
        let escaped = filePath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? filePath
        let response = try await http.send(
            OutboundRequest(
                url: "\(baseURL)/file/bot\(token)/\(escaped)", timeout: .seconds(120),
                maxResponseBytes: Int(Telegram.maxDownloadBytes)))
        return Data(response.body)
    }
}
