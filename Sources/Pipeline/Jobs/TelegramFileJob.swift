import JobEngine
import Shop

/// A photo, voice note, audio or image document a Telegram customer sent: the worker fetches
/// it with `getFile` into the blob store (the front end never downloads) and hands it on as an
/// `ImageMessageJob` or `AudioMessageJob` follow-up on the same chat key, so it keeps the
/// message's place in the chat's line.
public struct TelegramFileJob: JobPayload, Equatable {
    public static let kind = "telegram.archivo"
    public static let queue = "telegram_archivos"

    /// `tg:<chat.id>`.
    public var chatId: String
    /// "imagen" or "audio" (`MessageKind`).
    public var kind: String
    /// Telegram's file id (usable only by this bot).
    public var fileId: String
    /// The size the message announced, when it did.
    public var fileSize: Int64?
    /// The MIME type the message announced (a hint; the stored type comes from the bytes).
    public var mime: String?
    /// The caption, possibly empty.
    public var message: String
    /// The message being answered, for `reply_parameters`-style references in logs.
    public var messageId: Int64
    public var receivedMs: Int

    public init(
        chatId: String, kind: MessageKind, fileId: String, fileSize: Int64?, mime: String?, message: String,
        messageId: Int64, receivedMs: Int
    ) {
        self.chatId = chatId
        self.kind = kind.rawValue
        self.fileId = fileId
        self.fileSize = fileSize
        self.mime = mime
        self.message = message
        self.messageId = messageId
        self.receivedMs = receivedMs
    }

    public var orderingKey: String? { chatId }

    enum CodingKeys: String, CodingKey {
        case chatId = "chat_id"
        case kind = "tipo"
        case fileId = "file_id"
        case fileSize = "file_size"
        case mime
        case message = "mensaje"
        case messageId = "message_id"
        case receivedMs = "recibido_ms"
    }
}

/// Shows "escribiendo…" in a Telegram chat while the reply to `job_id` is prepared
/// (refreshed every few seconds until that job's chain is finished, for at most half a
/// minute) and records that the chat lives on Telegram. Not ordered: it runs beside the
/// chat's line, never in it.
public struct TelegramTypingJob: JobPayload, Equatable {
    public static let kind = "telegram.escribiendo"
    public static let queue = "telegram_acciones"

    public var chatId: String
    /// The job whose reply is awaited (the chat message or file job of the same update).
    public var jobId: String

    public init(chatId: String, jobId: String) {
        self.chatId = chatId
        self.jobId = jobId
    }

    enum CodingKeys: String, CodingKey {
        case chatId = "chat_id"
        case jobId = "job_id"
    }
}

/// Answers a Telegram button press (`answerCallbackQuery`), so the customer's client stops
/// its spinner; `text` is a short notification (when the press was refused). Not ordered:
/// it runs beside the chat's line, at once.
public struct TelegramCallbackAnswerJob: JobPayload, Equatable {
    public static let kind = "telegram.boton"
    public static let queue = "telegram_acciones"

    public var chatId: String
    public var callbackQueryId: String
    public var text: String?

    public init(chatId: String, callbackQueryId: String, text: String? = nil) {
        self.chatId = chatId
        self.callbackQueryId = callbackQueryId
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case chatId = "chat_id"
        case callbackQueryId = "callback_query_id"
        case text = "texto"
    }
}
