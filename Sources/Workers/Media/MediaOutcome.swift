import Integrations
import JobEngine
import Pipeline
import Shop

/// How a photo or voice-note job ends when no chat message comes out of it: the customer
/// gets a kind Spanish reply (through the delivery worker, `DeliverReplyJob`), and either
/// the job completes with that reply as its result (nothing to read, no transcription) or,
/// when the work failed for good, it goes to the dead-letter queue. Nothing is dropped
/// silently.
struct MediaOutcome {
    let chatId: String
    let channel: Channel
    let context: JobContext
    /// What the customer sent, for the chat's history beside the reply ("(foto) …").
    let sent: DeliverReplyJob.HistoryNote

    init(chatId: String, channel: Channel, kind: MessageKind, caption: String, context: JobContext) {
        self.chatId = chatId
        self.channel = channel
        self.context = context
        let label = kind == .audio ? "(nota de voz)" : "(foto)"
        let caption = caption.trimmed
        sent = .init(incoming: caption.isEmpty ? label : "\(label) \(caption)", kind: kind)
    }

    /// Completes the job with `text` as its reply: the delivery takes the job's place in the
    /// chat's line, and `GET /jobs/{id}` shows `{"respuesta", "productos": [], "pedido_id": null}`.
    func answer(_ text: String) async throws -> JobResult {
        let reply = ChatReply(reply: text)
        let delivery = DeliverReplyJob(
            chatId: chatId, channel: channel, text: text, jobId: context.envelope.rootId,
            owner: await owner(), history: sent)
        return try JobResult(reply, followUps: [try NewJob(delivery)], rootResult: reply)
    }

    /// What to throw after `error`: a rate limit waits for the server's delay; a transient
    /// failure is retried while attempts remain; otherwise the customer is told (`notice`)
    /// and the job is dead-lettered with the cause.
    func failure(_ error: any Error, notice: String) async throws -> any Error {
        switch Self.classify(error) {
        case .cancelled:
            return error
        case .rateLimited(let jobError):
            return jobError
        case .transient where !context.isLastAttempt:
            return error
        case .transient, .permanent:
            try await giveUp(notice, cause: error)
        }
    }

    /// Tells the customer and dead-letters the job, in one step: the notice keeps the job's
    /// turn in the chat's line, and `GET /jobs/{id}` shows it as the result beside the cause.
    func giveUp(_ notice: String, cause: any Error) async throws -> Never {
        let reply = ChatReply(reply: notice)
        let delivery = DeliverReplyJob(
            chatId: chatId, channel: channel, text: notice, jobId: context.envelope.rootId, owner: await owner(),
            history: sent)
        throw JobError.deadLetterWithReply(
            "\(cause) (se avisó al cliente)", try JobResult(reply, followUps: [try NewJob(delivery)], rootResult: reply)
        )
    }

    enum Kind {
        case cancelled
        case rateLimited(any Error)
        case transient
        case permanent
    }

    static func classify(_ error: any Error) -> Kind {
        switch error {
        case is CancellationError: .cancelled
        case let error as ProviderError:
            switch error.kind {
            case .rateLimited: .rateLimited(error.jobError)
            case .transient: .transient
            case .permanent: .permanent
            }
        case is GeminiError, is BlobError: .permanent
        case let error as TesseractReader.Failure:
            if case .timedOut = error { .transient } else { .permanent }
        case let error as JobError:
            if case .retryAfter = error { .rateLimited(error) } else { .permanent }
        default: .transient
        }
    }

    /// The HTTP channel whose callback gets the reply (the token subject that sent the
    /// message); nil for Telegram.
    private func owner() async -> String? {
        guard channel == .http else { return nil }
        return context.httpChannelSubject(chatId: chatId)
    }
}
