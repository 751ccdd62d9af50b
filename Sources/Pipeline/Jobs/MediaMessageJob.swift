import JobEngine
import Shop

/// A customer's photo, waiting for the vision worker (OCR or Gemini). Its text plus the
/// caption becomes a `ChatMessageJob` enqueued as its follow-up on the same chat key, so the
/// reply keeps the message's place among the chat's other messages.
public struct ImageMessageJob: JobPayload, Equatable {
    public static let kind = "chat.imagen"
    public static let queue = "vision"

    public var chatId: String
    public var channel: Channel
    /// The image in the blob store (`BlobStore` key: a sha256 hex digest).
    public var blob: String
    /// "image/jpeg", "image/png" or "image/webp" (decided by magic bytes).
    public var mime: String
    /// The customer's caption, possibly empty.
    public var message: String
    public var receivedMs: Int

    public init(chatId: String, channel: Channel, blob: String, mime: String, message: String, receivedMs: Int) {
        self.chatId = chatId
        self.channel = channel
        self.blob = blob
        self.mime = mime
        self.message = message
        self.receivedMs = receivedMs
    }

    public var orderingKey: String? { chatId }

    enum CodingKeys: String, CodingKey {
        case chatId = "chat_id"
        case channel = "canal"
        case blob
        case mime
        case message = "mensaje"
        case receivedMs = "recibido_ms"
    }
}

/// A customer's voice note or audio file, waiting for the transcription worker; its
/// transcription becomes a `ChatMessageJob` follow-up on the same chat key.
public struct AudioMessageJob: JobPayload, Equatable {
    public static let kind = "chat.audio"
    public static let queue = "transcripcion"

    public var chatId: String
    public var channel: Channel
    /// The audio in the blob store (sha256 hex digest).
    public var blob: String
    /// "audio/ogg", "audio/mpeg", "audio/mp4" or "audio/wav" (decided by magic bytes).
    public var mime: String
    public var receivedMs: Int
    /// The customer's caption, when the audio came with text (nil or empty: none).
    public var message: String?

    public init(chatId: String, channel: Channel, blob: String, mime: String, receivedMs: Int, message: String? = nil) {
        self.chatId = chatId
        self.channel = channel
        self.blob = blob
        self.mime = mime
        self.receivedMs = receivedMs
        self.message = message
    }

    public var orderingKey: String? { chatId }

    /// The same fields as a photo's.
    typealias CodingKeys = ImageMessageJob.CodingKeys
}
