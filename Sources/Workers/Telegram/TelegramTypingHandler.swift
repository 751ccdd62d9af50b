import Foundation
import Integrations
import JobEngine
import Pipeline
import Shop

/// Runs `telegram.escribiendo` jobs: records that the chat lives on Telegram (so an
/// operator's reply finds its channel), then shows "escribiendo…" every few seconds while
/// the job it accompanies is unfinished (its chain ends when the reply has been delivered),
/// for at most `maxDuration`. Best effort: a failed chat action is not retried.
struct TelegramTypingHandler: JobHandler {
    let telegram: TelegramClient
    let store: any ChatStore
    var interval: Duration = .seconds(4)
    var maxDuration: Duration = .seconds(30)

    func handle(_ job: TelegramTypingJob, context: JobContext) async throws -> JobResult {
        guard let chatId = TelegramChatID.parse(job.chatId) else {
            throw JobError.permanent("El chat \(job.chatId) no es un chat de Telegram (tg:<id>).")
        }
        try await store.recordChannel(chatId: job.chatId, channel: .telegram, owner: nil)
        let control = try await store.chatControl(chatId: job.chatId)
        guard control.aiActive else { return .empty }  // an operator answers; no "escribiendo…"
        let deadline = ContinuousClock.now + maxDuration
        var sent = 0
        while ContinuousClock.now < deadline {
            guard let status = try await context.jobs.status(job.jobId), !status.isFinished else { break }
            do {
                try await telegram.sendChatAction(chatId: chatId, action: "typing")
                sent += 1
            } catch {
                context.logger.debug("No se pudo mostrar «escribiendo…»: \(telegram.redacted("\(error)"))")
                break
            }
            try await Task.sleep(for: interval)
        }
        return try JobResult(["acciones": sent])
    }
}
