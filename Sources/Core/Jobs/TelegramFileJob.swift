/// A photo, voice note, audio or image document a Telegram customer sent: the worker fetches
/// it with `getFile` into the blob store (the front end never downloads) and hands it on as an
/// `ImageMessageJob` or `AudioMessageJob` follow-up on the same chat key, so it keeps the
/// message's place in the chat's line.
public struct TelegramFileJob: JobPayload, Equatable {
    public static let kind = "telegram.archivo"
    public static let queue = "telegram_archivos"

    /// `tg:<chat.id>`.
    public var chat_id: String
    /// "imagen" or "audio" (`TipoMensaje`).
    public var tipo: String
    /// Telegram's file id (usable only by this bot).
    public var file_id: String
    /// The size the message announced, when it did.
    public var file_size: Int64?
    /// The MIME type the message announced (a hint; the stored type comes from the bytes).
    public var mime: String?
    /// The caption, possibly empty.
    public var mensaje: String
    /// The message being answered, for `reply_parameters`-style references in logs.
    public var message_id: Int64
    public var recibido_ms: Int

    public init(
        chat_id: String, tipo: TipoMensaje, file_id: String, file_size: Int64?, mime: String?, mensaje: String,
        message_id: Int64, recibido_ms: Int
    ) {
        self.chat_id = chat_id
        self.tipo = tipo.rawValue
        self.file_id = file_id
        self.file_size = file_size
        self.mime = mime
        self.mensaje = mensaje
        self.message_id = message_id
        self.recibido_ms = recibido_ms
    }

    public var orderingKey: String? { chat_id }
}

/// Shows "escribiendo…" in a Telegram chat while the reply to `job_id` is prepared
/// (refreshed every few seconds until that job's chain is finished, for at most half a
/// minute) and records that the chat lives on Telegram. Not ordered: it runs beside the
/// chat's line, never in it.
public struct TelegramTypingJob: JobPayload, Equatable {
    public static let kind = "telegram.escribiendo"
    public static let queue = "telegram_acciones"

    public var chat_id: String
    /// The job whose reply is awaited (the chat message or file job of the same update).
    public var job_id: String

    public init(chat_id: String, job_id: String) {
        self.chat_id = chat_id
        self.job_id = job_id
    }
}
