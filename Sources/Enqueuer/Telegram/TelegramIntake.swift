import Core
import Foundation
import Logging

/// Turns Telegram updates into jobs, for the webhook and the poller alike. Nothing is
/// downloaded or answered here: text goes to the agent's queue, files to the download
/// worker, `/start` and unusable messages get a ready reply through the delivery worker.
/// Every job of an update carries the idempotency key `tg:<update_id>`, so an update
/// delivered twice (a webhook retry, a poll repeated after a crash, two front ends) is one
/// job.
struct TelegramIntake: Sendable {
    let jobs: JobClient
    let welcomeText: String
    let logger: Logger

    /// Enqueues the jobs of `updates` in one step; returns how many jobs were new (repeated
    /// updates add none).
    @discardableResult
    func accept(_ updates: [Telegram.Update], nowMs: Int = Clock.nowMs()) async throws -> Int {
        let planned = try updates.flatMap { try jobs(for: $0, nowMs: nowMs) }
        guard !planned.isEmpty else { return 0 }
        let enqueued = try await jobs.enqueue(planned)
        return enqueued.filter(\.created).count
    }

    /// The jobs one update asks for (none for updates that are not messages).
    func jobs(for update: Telegram.Update, nowMs: Int) throws -> [NewJob] {
        guard let message = update.message else { return [] }
        let key = TelegramKeys.update(update.update_id)
        let chatId = TelegramChatID.make(message.chat.id)
        /// A ready reply; the delivery worker also writes it, after what the customer sent
        /// (`entrada`), in the chat's history, since no agent turn records it.
        func reply(_ text: String, entrada: String, tipo: TipoMensaje = .texto) throws -> [NewJob] {
            let note = DeliverReplyJob.HistoryNote(entrada: entrada, tipo: tipo)
            return [
                try NewJob(
                    DeliverReplyJob(chat_id: chatId, canal: "telegram", texto: text, historial: note),
                    idempotencyKey: key)
            ]
        }
        /// The job plus "escribiendo…" until its reply is out.
        func withTyping<P: JobPayload>(_ payload: P) throws -> [NewJob] {
            let job = try NewJob(payload, idempotencyKey: key)
            let typing = try NewJob(TelegramTypingJob(chat_id: chatId, job_id: job.id), idempotencyKey: key)
            return [job, typing]
        }
        func file(_ tipo: TipoMensaje, id: String, size: Int64?, mime: String?) throws -> [NewJob] {
            if let size, size > Telegram.maxDownloadBytes {
                return try reply(TelegramReplies.tooLarge, entrada: Self.tooLargeEntry, tipo: tipo)
            }
            return try withTyping(
                TelegramFileJob(
                    chat_id: chatId, tipo: tipo, file_id: id, file_size: size, mime: mime,
                    mensaje: (message.caption ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                    message_id: message.message_id, recibido_ms: nowMs))
        }

        if let text = message.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            if Self.isStart(text) { return try reply(welcomeText, entrada: text) }
            return try withTyping(ChatMessageJob(chat_id: chatId, canal: "telegram", mensaje: text, recibido_ms: nowMs))
        }
        if let photos = message.photo, !photos.isEmpty {
            guard let best = Self.largestPhoto(photos) else {
                return try reply(TelegramReplies.tooLarge, entrada: Self.tooLargeEntry, tipo: .imagen)
            }
            return try file(.imagen, id: best.file_id, size: best.file_size, mime: "image/jpeg")
        }
        if let voice = message.voice ?? message.audio {
            return try file(.audio, id: voice.file_id, size: voice.file_size, mime: voice.mime_type)
        }
        if let document = message.document, let mime = document.mime_type?.lowercased() {
            if mime.hasPrefix("image/") {
                return try file(.imagen, id: document.file_id, size: document.file_size, mime: mime)
            }
            if mime.hasPrefix("audio/") {
                return try file(.audio, id: document.file_id, size: document.file_size, mime: mime)
            }
        }
        // Stickers, videos, locations, service messages…: a short note in private chats only
        // (a group's service messages must not make the bot talk).
        guard message.chat.type == "private", message.sticker == nil else {
            logger.debug(
                "Actualización de Telegram sin contenido utilizable", metadata: ["update_id": "\(update.update_id)"])
            return []
        }
        return try reply(TelegramReplies.unsupported, entrada: Self.unsupportedEntry)
    }

    /// How the chat's history shows messages the bot could not take.
    static let tooLargeEntry = "(archivo de más de 20 MB)"
    static let unsupportedEntry = "(mensaje sin texto, foto ni audio)"

    /// `/start`, `/start@bot` or `/start <payload>`.
    static func isStart(_ text: String) -> Bool {
        let command = text.prefix(while: { !$0.isWhitespace })
        return command == "/start" || command.hasPrefix("/start@")
    }

    /// The largest size (by pixels) a bot may download; nil when every size is too big.
    static func largestPhoto(_ sizes: [Telegram.PhotoSize]) -> Telegram.PhotoSize? {
        sizes.filter { ($0.file_size ?? 0) <= Telegram.maxDownloadBytes }.max {
            $0.width * $0.height < $1.width * $1.height
        }
    }
}
