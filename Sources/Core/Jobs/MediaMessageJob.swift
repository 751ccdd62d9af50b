/// A customer's photo, waiting for the vision worker (OCR or Gemini). Its text plus the
/// caption becomes a `ChatMessageJob` enqueued as its follow-up on the same chat key, so the
/// reply keeps the message's place among the chat's other messages.
public struct ImageMessageJob: JobPayload, Equatable {
    public static let kind = "chat.imagen"
    public static let queue = "vision"

    public var chat_id: String
    /// "http" or "telegram".
    public var canal: String
    /// The image in the blob store (`BlobStore` key: a sha256 hex digest).
    public var blob: String
    /// "image/jpeg", "image/png" or "image/webp" (decided by magic bytes).
    public var mime: String
    /// The customer's caption, possibly empty.
    public var mensaje: String
    public var recibido_ms: Int

    public init(chat_id: String, canal: String, blob: String, mime: String, mensaje: String, recibido_ms: Int) {
        self.chat_id = chat_id
        self.canal = canal
        self.blob = blob
        self.mime = mime
        self.mensaje = mensaje
        self.recibido_ms = recibido_ms
    }

    public var orderingKey: String? { chat_id }
}

/// A customer's voice note or audio file, waiting for the transcription worker; its
/// transcription becomes a `ChatMessageJob` follow-up on the same chat key.
public struct AudioMessageJob: JobPayload, Equatable {
    public static let kind = "chat.audio"
    public static let queue = "transcripcion"

    public var chat_id: String
    public var canal: String
    /// The audio in the blob store (sha256 hex digest).
    public var blob: String
    /// "audio/ogg", "audio/mpeg", "audio/mp4" or "audio/wav" (decided by magic bytes).
    public var mime: String
    public var recibido_ms: Int
    /// The customer's caption, when the audio came with text (nil or empty: none).
    public var mensaje: String?

    public init(chat_id: String, canal: String, blob: String, mime: String, recibido_ms: Int, mensaje: String? = nil) {
        self.chat_id = chat_id
        self.canal = canal
        self.blob = blob
        self.mime = mime
        self.recibido_ms = recibido_ms
        self.mensaje = mensaje
    }

    public var orderingKey: String? { chat_id }
}
