import Integrations
import JobEngine
import Pipeline
import Shop

/// Runs `chat.imagen` jobs: reads the customer's photo (Tesseract OCR or Gemini) and hands
/// what it says (`readText`) and the caption (`message`), as two parts, to the reply worker
/// as a `ChatMessageJob` follow-up on the same chat key, so it takes the photo's place in the
/// chat's line. A photo with no
/// readable text and no caption gets a kind reply asking for the product's name; a failure
/// that retrying will not fix gets a clear reply and a dead letter (`MediaOutcome`).
/// Idempotent: reading the same blob again gives the same message.
struct ImageMessageHandler: JobHandler {
    let media: MediaResources

    static let unreadable =
        "Recibí su foto, pero no logré leer texto en ella. ¿Me podría escribir el nombre del producto que busca? Con gusto le ayudo."
    static let failed =
        "No pude revisar su foto en este momento. ¿Me podría escribir qué producto busca? Así le ayudo enseguida."
    static let expired = "No pude abrir su foto. ¿Me la podría enviar de nuevo, o escribirme qué producto busca?"

    func handle(_ job: ImageMessageJob, context: JobContext) async throws -> JobResult {
        let caption = job.message.trimmed
        let outcome = MediaOutcome(
            chatId: job.chatId, channel: job.channel, kind: .image, caption: caption, context: context)
        guard let format = MediaFormat(mime: job.mime), format.isImage else {
            try await outcome.giveUp(Self.failed, cause: JobError.permanent("tipo de imagen no soportado: \(job.mime)"))
        }
        let reading: ImageReading
        do {
            reading = try await media.reader.read(job.blob, in: media.blobs, format: format, caption: caption)
        } catch {
            throw try await outcome.failure(error, notice: error is BlobError ? Self.expired : Self.failed)
        }
        guard let read = Self.readText(caption: caption, reading: reading) else {
            return try await outcome.answer(Self.unreadable)
        }
        let chat = ChatMessageJob(
            chatId: job.chatId, channel: job.channel, kind: .image, message: caption, readText: read,
            receivedMs: job.receivedMs, blob: job.blob)
        return JobResult(followUps: [try NewJob(chat)])
    }

    /// What the photo says, apart from the caption (the agent reads them as two parts: the
    /// customer's words, and the product the photo shows); empty text when nothing could be
    /// read but there is a caption; nil when there is nothing at all.
    static func readText(caption: String, reading: ImageReading) -> ChatMessageJob.ReadText? {
        let text = reading.text.trimmed
        if text.isEmpty, caption.isEmpty { return nil }
        return ChatMessageJob.ReadText(origin: reading.source == .ocr ? .ocr : .description, text: text)
    }
}
