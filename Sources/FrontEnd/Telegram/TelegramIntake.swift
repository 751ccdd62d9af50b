import Foundation
import Integrations
import JobEngine
import Logging
import Pipeline
import Shop
import Support

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
    func accept(_ updates: [Telegram.Update], nowMs: Int = WallClock.nowMs()) async throws -> Int {
        // With tracing on, each update is a span (under the webhook's request, or a trace of
        // its own when polled) that its jobs name as their parent.
        let keyboards = try await latestKeyboards(of: updates)
        let planned = try updates.flatMap { update in
            try Traces.syncSpan("telegram update", kind: .consumer) { span in
                span?.attributes["vendedor.telegram.update_id"] = Int(update.updateId)
                return try jobs(for: update, nowMs: nowMs, latestKeyboards: keyboards)
            }
        }
        guard !planned.isEmpty else { return 0 }
        let enqueued = try await jobs.enqueue(planned)
        return enqueued.filter(\.created).count
    }

    /// The message id of each pressed chat's newest keyboard (`TelegramKeys.latestKeyboard`),
    /// read in one round trip; empty when no update is a press.
    func latestKeyboards(of updates: [Telegram.Update]) async throws -> [Int64: Int64] {
        let chats = Array(Set(updates.compactMap { $0.callbackQuery?.message?.chat.id }))
        guard !chats.isEmpty else { return [:] }
        let reply = try await jobs.redis.send(RedisCommand(["MGET"] + chats.map(TelegramKeys.latestKeyboard)))
        guard case .array(let values) = reply else { return [:] }
        var latest: [Int64: Int64] = [:]
        for (chat, value) in zip(chats, values) {
            if let id = value.string.flatMap({ Int64($0) }) { latest[chat] = id }
        }
        return latest
    }

    /// The jobs one update asks for (none for updates that are not messages). `latestKeyboards`:
    /// per chat, the message whose buttons may still be pressed (see `latestKeyboards(of:)`).
    func jobs(for update: Telegram.Update, nowMs: Int, latestKeyboards: [Int64: Int64] = [:]) throws -> [NewJob] {
        if let press = update.callbackQuery {
            return try jobs(
                for: press, update: update.updateId, nowMs: nowMs,
                latestKeyboard: press.message.flatMap { latestKeyboards[$0.chat.id] })
        }
        guard let message = update.message else { return [] }
        let key = TelegramKeys.update(update.updateId)
        let chatId = TelegramChatID.make(message.chat.id)
        /// A ready reply; the delivery worker also writes it, after what the customer sent
        /// (`entrada`), in the chat's history, since no agent turn records it.
        func reply(_ text: String, incoming: String, kind: MessageKind = .text) throws -> [NewJob] {
            let note = DeliverReplyJob.HistoryNote(incoming: incoming, kind: kind)
            return [
                try NewJob(
                    DeliverReplyJob(chatId: chatId, channel: .telegram, text: text, history: note),
                    idempotencyKey: key)
            ]
        }
        /// The job plus "escribiendo…" until its reply is out.
        func withTyping<P: JobPayload>(_ payload: P) throws -> [NewJob] {
            let job = try NewJob(payload, idempotencyKey: key)
            let typing = try NewJob(TelegramTypingJob(chatId: chatId, jobId: job.id), idempotencyKey: key)
            return [job, typing]
        }
        func file(_ kind: MessageKind, id: String, size: Int64?, mime: String?) throws -> [NewJob] {
            if let size, size > Telegram.maxDownloadBytes {
                return try reply(TelegramReplies.tooLarge, incoming: Self.tooLargeEntry, kind: kind)
            }
            return try withTyping(
                TelegramFileJob(
                    chatId: chatId, kind: kind, fileId: id, fileSize: size, mime: mime,
                    message: (message.caption ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                    messageId: message.messageId, receivedMs: nowMs))
        }

        if let text = message.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            if Self.isStart(text) { return try reply(welcomeText, incoming: text) }
            return try withTyping(ChatMessageJob(chatId: chatId, channel: .telegram, message: text, receivedMs: nowMs))
        }
        if let photos = message.photo, !photos.isEmpty {
            guard let best = Self.largestPhoto(photos) else {
                return try reply(TelegramReplies.tooLarge, incoming: Self.tooLargeEntry, kind: .image)
            }
            return try file(.image, id: best.fileId, size: best.fileSize, mime: "image/jpeg")
        }
        if let voice = message.voice ?? message.audio {
            return try file(.audio, id: voice.fileId, size: voice.fileSize, mime: voice.mimeType)
        }
        if let document = message.document, let mime = document.mimeType?.lowercased() {
            if mime.hasPrefix("image/") {
                return try file(.image, id: document.fileId, size: document.fileSize, mime: mime)
            }
            if mime.hasPrefix("audio/") {
                return try file(.audio, id: document.fileId, size: document.fileSize, mime: mime)
            }
        }
        if let contact = message.contact {
            // Only the sender's own contact ("share my phone number") is their phone.
            guard let owner = contact.userId, owner == message.from?.id else {
                return try reply(TelegramReplies.foreignContact, incoming: Self.foreignContactEntry)
            }
            let phone = String(contact.phoneNumber.prefix(Self.maxPhoneCharacters))
            return try withTyping(
                ChatMessageJob(
                    chatId: chatId, channel: .telegram, message: "", shared: .init(phone: phone), receivedMs: nowMs))
        }
        if let place = Self.locationText(location: message.location, venue: message.venue) {
            let text = (message.caption ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return try withTyping(
                ChatMessageJob(
                    chatId: chatId, channel: .telegram, message: ChatMessageJob.readable(text),
                    shared: .init(location: place), receivedMs: nowMs))
        }
        // Stickers, videos, service messages…: a short note in private chats only
        // (a group's service messages must not make the bot talk).
        guard message.chat.type == "private", message.sticker == nil else {
            logger.debug(
                "Actualización de Telegram sin contenido utilizable", metadata: ["update_id": "\(update.updateId)"])
            return []
        }
        return try reply(TelegramReplies.unsupported, incoming: Self.unsupportedEntry)
    }

    /// A button press: answered at once (`answerCallbackQuery`, so the spinner stops), and,
    /// when it is one of this bot's buttons for this very chat on the newest message that
    /// carried buttons (`latestKeyboard`), fed to the agent as the words it stands for, in the
    /// chat's line like a typed message. Anything else (no message, a private chat's press by
    /// someone else, data that is not ours, a button of an older question) is only answered
    /// with a short notice.
    func jobs(for press: Telegram.CallbackQuery, update: Int64, nowMs: Int, latestKeyboard: Int64?) throws
        -> [NewJob]
    {
        let key = TelegramKeys.update(update)
        let chat = press.message?.chat
        let chatId = chat.map { TelegramChatID.make($0.id) } ?? TelegramChatID.make(press.from.id)
        func answer(_ text: String?) throws -> NewJob {
            try NewJob(
                TelegramCallbackAnswerJob(chatId: chatId, callbackQueryId: String(press.id.prefix(128)), text: text),
                idempotencyKey: TelegramKeys.callbackAnswer(update))
        }
        func refuse(_ reason: String) throws -> [NewJob] {
            logger.notice(
                "Botón de Telegram rechazado", metadata: ["update_id": "\(update)", "motivo": "\(reason)"])
            return [try answer(TelegramReplies.buttonRefused)]
        }
        guard let chat else { return try refuse("sin_mensaje") }
        // In a private chat only its one user can press (the chat id is the user's id).
        guard chat.type != "private" || press.from.id == chat.id else { return try refuse("otro_usuario") }
        switch TelegramButtonData.decode(press.data, chatId: chat.id) {
        case .failure(let refusal): return try refuse(refusal.rawValue)
        case .success where press.message?.messageId != latestKeyboard:
            logger.notice(
                "Botón de Telegram de un mensaje anterior", metadata: ["update_id": "\(update)"])
            return [try answer(TelegramReplies.buttonStale)]
        case .success(let action):
            let message = try NewJob(
                ChatMessageJob(chatId: chatId, channel: .telegram, message: action.typed, receivedMs: nowMs),
                idempotencyKey: key)
            let typing = try NewJob(TelegramTypingJob(chatId: chatId, jobId: message.id), idempotencyKey: key)
            return [try answer(nil), message, typing]
        }
    }

    /// A shared location (or a venue: its name and address too) as the text kept with the
    /// delivery indications: "Ubicación: 3.45163, -76.53197". Nil for impossible coordinates.
    static func locationText(location: Telegram.Location?, venue: Telegram.Venue?) -> String? {
        guard let point = venue?.location ?? location, point.latitude.isFinite, point.longitude.isFinite,
            (-90...90).contains(point.latitude), (-180...180).contains(point.longitude)
        else { return nil }
        let coordinates = String(format: "%.5f, %.5f", point.latitude, point.longitude)
        let named = [venue?.title, venue?.address].compactMap { text -> String? in
            let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return trimmed.isEmpty ? nil : String(trimmed.prefix(80))
        }
        return named.isEmpty
            ? "Ubicación: \(coordinates)" : "Ubicación: \(named.joined(separator: ", ")) (\(coordinates))"
    }

    /// Longer than any phone number; a contact's is cut here before anything reads it.
    static let maxPhoneCharacters = 32
    static let foreignContactEntry = "(contacto de otra persona)"

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
        sizes.filter { ($0.fileSize ?? 0) <= Telegram.maxDownloadBytes }.max {
            $0.width * $0.height < $1.width * $1.height
        }
    }
}
