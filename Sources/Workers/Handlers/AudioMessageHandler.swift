import Integrations
import JobEngine
import Pipeline
import Shop

/// Runs `chat.audio` jobs: transcribes the customer's voice note (OpenAI or a compatible
/// server, Spanish) and hands the words, after any caption, to the reply worker as a
/// `ChatMessageJob` follow-up on the same chat key. With `TRANSCRIPTION_PROVIDER=none`, or
/// when nothing intelligible was said, the customer is kindly asked to write instead; a
/// failure that retrying will not fix gets a clear reply and a dead letter (`MediaOutcome`).
struct AudioMessageHandler: JobHandler {
    let media: MediaResources

    static let noTranscription =
        "Por ahora no puedo escuchar notas de voz. ¿Me podría escribir su mensaje? Con gusto le ayudo."
    static let silent = "No logré entender su nota de voz. ¿Me podría escribir su mensaje? Con gusto le ayudo."
    static let failed =
        "No pude procesar su nota de voz en este momento. ¿Me podría escribir su mensaje? Así le ayudo enseguida."
    static let expired = "No pude abrir su nota de voz. ¿Me la podría enviar de nuevo, o escribirme su mensaje?"

    func handle(_ job: AudioMessageJob, context: JobContext) async throws -> JobResult {
        let caption = (job.message ?? "").trimmed
        let outcome = MediaOutcome(
            chatId: job.chatId, channel: job.channel, kind: .audio, caption: caption, context: context)
        guard let transcriber = media.transcriber else { return try await outcome.answer(Self.noTranscription) }
        guard let format = MediaFormat(mime: job.mime), !format.isImage else {
            try await outcome.giveUp(Self.failed, cause: JobError.permanent("tipo de audio no soportado: \(job.mime)"))
        }
        let words: String
        do {
            let audio = try await media.blobs.load(job.blob)
            words = try await transcriber.transcribe(audio, format: format).trimmed
        } catch {
            throw try await outcome.failure(error, notice: error is BlobError ? Self.expired : Self.failed)
        }
        let message = [caption, words].filter { !$0.isEmpty }.joined(separator: "\n")
        guard !words.isEmpty else {
            if caption.isEmpty { return try await outcome.answer(Self.silent) }
            // The caption alone is the customer's message; the silent note is only marked.
            return try chatMessage(job, caption, readText: .init(origin: .transcription, text: ""))
        }
        return try chatMessage(job, message)
    }

    private func chatMessage(_ job: AudioMessageJob, _ text: String, readText: ChatMessageJob.ReadText? = nil) throws
        -> JobResult
    {
        let chat = ChatMessageJob(
            chatId: job.chatId, channel: job.channel, kind: .audio, message: text, readText: readText,
            receivedMs: job.receivedMs, blob: job.blob)
        return JobResult(followUps: [try NewJob(chat)])
    }
}
