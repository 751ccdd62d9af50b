import Foundation
import Integrations
import JobEngine
import Pipeline
import Shop

/// Runs `entrega.enviar` jobs: every reply to a customer, the agent's and an operator's, goes
/// out through the chat's channel, in chat order. Telegram: `sendMessage` in pieces of at most
/// 4000 characters, within the rate limits shared by every worker process; a 429 waits
/// `retry_after` without using up an attempt; a 403 (the user blocked the bot) fails the job
/// for good and is noted in the chat's history; a group upgraded to a supergroup gets the
/// reply under its new id (remembered for later replies). HTTP: the reply is already on the chat job;
/// when the channel registered a callback URL it also receives the reply as a signed POST,
/// retried with the queue's backoff.
struct DeliverReplyHandler: JobHandler {
    let database: AppDatabase
    /// Nil when this process has no `TELEGRAM_TOKEN`.
    let telegram: TelegramSender?
    let callback: ReplyCallback
    /// A reply refused with 429 for longer than this since it was enqueued fails, so a
    /// receiver that always answers 429 cannot hold its chat's line for ever.
    var maxWaitSeconds: Double = 3_600
    /// The shortest wait after a 429 (a `Retry-After: 0` must not become a tight loop).
    static let minimumRetrySeconds = 5.0

    struct Result: Codable, Sendable, Equatable {
        var channel: Channel
        /// Telegram: messages the reply took.
        var pieces: Int?
        /// HTTP: whether a callback received it.
        var callback: Bool?
        /// Telegram: the supergroup the group chat became, when the reply went there.
        var migradoA: String?

        enum CodingKeys: String, CodingKey {
            case channel = "canal"
            case pieces = "partes"
            case callback
            case migradoA = "migrado_a"
        }
    }

    func handle(_ job: DeliverReplyJob, context: JobContext) async throws -> JobResult {
        let result: Result
        switch job.channel {
        case .telegram: result = try await deliverToTelegram(job, context: context)
        case .http: result = try await deliverToCallback(job, context: context)
        default: throw JobError.permanent("Canal de entrega desconocido: «\(job.channel)».")
        }
        if let note = job.history { await recordInHistory(job, note: note, context: context) }
        return try JobResult(result)
    }

    /// Writes a delivered reply that no other worker records (and what it answers) in the
    /// chat's history, once even if the delivery runs again.
    private func recordInHistory(_ job: DeliverReplyJob, note: DeliverReplyJob.HistoryNote, context: JobContext) async {
        let incoming = note.incoming.map {
            NewMessage(chatId: job.chatId, sender: .user, kind: note.kind, content: $0)
        }
        let reply = NewMessage(
            chatId: job.chatId, sender: Sender(rawValue: job.origin) ?? .agent, content: job.text)
        do {
            _ = try await database.perform {
                try $0.recordDelivery(incoming: incoming, reply: reply, deliveryId: context.id)
            }
        } catch {
            context.logger.warning("No se pudo anotar la respuesta en el historial: \(error)")
        }
    }

    private func deliverToTelegram(_ job: DeliverReplyJob, context: JobContext) async throws -> Result {
        guard let chatId = TelegramChatID.parse(job.chatId) else {
            throw JobError.permanent("El chat \(job.chatId) no es un chat de Telegram (tg:<id>).")
        }
        guard let telegram else {
            throw JobError.deadLetter(
                "TELEGRAM_TOKEN no está configurado en este trabajador; no se puede enviar a Telegram.")
        }
        do {
            let outcome = try await telegram.send(
                job.text, to: chatId, deliveryId: context.id,
                markup: TelegramButtons.markup(job.options, chatId: chatId))
            await recordTelegramChannel(job.chatId, context: context)
            var result = Result(channel: .telegram, pieces: outcome.pieces)
            if outcome.chatId != chatId {
                result.migradoA = TelegramChatID.make(outcome.chatId)
                context.logger.notice(
                    "El grupo \(job.chatId) pasó a ser el supergrupo \(TelegramChatID.make(outcome.chatId)); se le envió allí"
                )
            }
            return result
        } catch let error as ProviderError where error.status == 403 {
            await noteBlocked(job, error: error, context: context)
            throw JobError.permanent("Telegram rechazó el envío (403): \(error.message)")
        } catch let error as ProviderError {
            throw bounded(error, context: context)
        }
    }

    /// A rate-limited call waits the server's delay (at least `minimumRetrySeconds`) without
    /// using an attempt, until `maxWaitSeconds` after the delivery was enqueued: then the
    /// delivery fails (`fallido`) and the chat's next turn goes ahead.
    func bounded(_ error: ProviderError, context: JobContext) -> any Error {
        guard error.kind == .rateLimited else { return error.jobError }
        let waited = Double(max(0, WallClock.nowMs() - context.envelope.enqueuedAtMs)) / 1000
        let delay = max(error.retryAfter ?? Self.minimumRetrySeconds, Self.minimumRetrySeconds)
        guard waited + delay <= maxWaitSeconds else {
            return JobError.permanent(
                "\(error.api) sigue pidiendo esperar (429) tras \(Int(waited)) s; la entrega se da por fallida "
                    + "(DELIVERY_MAX_WAIT_S = \(Int(maxWaitSeconds)) s)")
        }
        return JobError.retryAfter(seconds: delay, reason: error.description)
    }

    /// Records that the chat lives on Telegram when not yet known (a chat that only sent
    /// `/start` has had no typing job to do it), so an operator's reply finds its channel.
    private func recordTelegramChannel(_ chatId: String, context: JobContext) async {
        do {
            try await database.perform { db in
                if try db.chatControl(chatId: chatId).channel != .telegram {
                    try db.recordChannel(chatId: chatId, channel: .telegram)
                }
            }
        } catch {
            context.logger.warning("No se pudo registrar el canal del chat: \(error)")
        }
    }

    /// Writes in the chat's history that the customer blocked the bot (for the operators).
    private func noteBlocked(_ job: DeliverReplyJob, error: ProviderError, context: JobContext) async {
        let note = NewMessage(
            chatId: job.chatId, sender: .system, content: TelegramReplies.blockedNote,
            metadata: .object([
                "entrega": .string("bloqueado"), "entrega_id": .string(context.id),
                "detalle": .string(error.message),
            ]))
        do {
            _ = try await database.perform { try $0.appendMessage(note) }
        } catch {
            context.logger.warning("No se pudo anotar el bloqueo en el historial: \(error)")
        }
    }

    private func deliverToCallback(_ job: DeliverReplyJob, context: JobContext) async throws -> Result {
        // The chat's own channel (its stored id names it); the job's owner for older chats.
        guard let owner = ChatScope.channelSubject(job.chatId) ?? job.owner, !owner.isEmpty,
            let channel = try await database.perform({ try $0.channelCallback(subject: owner) })
        else {
            return Result(channel: .http, callback: false)  // the reply is read from the chat job
        }
        do {
            try await callback.send(job, delivery: context.id, to: channel)
        } catch let error as ProviderError {
            throw bounded(error, context: context)
        }
        return Result(channel: .http, callback: true)
    }
}
