import Integrations
import JobEngine
import Pipeline

/// Runs `telegram.boton` jobs: `answerCallbackQuery` for a button press, so the customer's
/// client stops its spinner (with a short notice when the press was refused). Telegram
/// accepts an answer only for a short while after the press, so a failure is not retried
/// for long: best effort, the press itself is already in the chat's line.
struct TelegramCallbackAnswerHandler: JobHandler {
    let telegram: TelegramClient

    func handle(_ job: TelegramCallbackAnswerJob, context: JobContext) async throws -> JobResult {
        do {
            try await telegram.answerCallbackQuery(id: job.callbackQueryId, text: job.text)
        } catch let error as ProviderError where error.kind == .permanent {
            // An expired or unknown query id (400): nothing left to answer.
            context.logger.debug("answerCallbackQuery rechazado: \(telegram.redacted("\(error)"))")
            return try JobResult(["respondido": false])
        }
        return try JobResult(["respondido": true])
    }
}
