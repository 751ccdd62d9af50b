import Core
import Foundation

/// Runs `telegram.archivo` jobs: asks Telegram for the file (`getFile`, at most 20 MB),
/// downloads it into the blob store and hands it on, on the same chat key, as an
/// `ImageMessageJob` (vision) or `AudioMessageJob` (transcription). A file too big or in a
/// format the next worker cannot read gets a short Spanish reply instead. Re-running is
/// harmless: the blob store keeps one copy of the same bytes.
struct TelegramFileHandler: JobHandler {
    let telegram: TelegramClient
    let blobs: BlobStore

    struct Result: Codable, Sendable, Equatable {
        /// "guardado", "demasiado_grande" or "formato_no_soportado".
        var estado: String
        var blob: String?
        var mime: String?
        var bytes: Int?
    }

    func handle(_ job: TelegramFileJob, context: JobContext) async throws -> JobResult {
        guard TelegramChatID.parse(job.chat_id) != nil else {
            throw JobError.permanent("El chat \(job.chat_id) no es un chat de Telegram (tg:<id>).")
        }
        let image = job.tipo == TipoMensaje.imagen.rawValue
        let data: Data
        do {
            let file = try await telegram.getFile(fileId: job.file_id)
            guard let path = file.file_path, !path.isEmpty else {
                throw JobError.permanent("Telegram no dio la ruta del archivo \(job.file_id).")
            }
            if let size = file.file_size, size > Telegram.maxDownloadBytes { return try tooLarge(job) }
            data = try await telegram.download(filePath: path)
        } catch let error as ProviderError where error.status == 400 && error.message.lowercased().contains("too big") {
            return try tooLarge(job)
        } catch let error as ProviderError where error.status == 0 && error.kind == .permanent {
            return try tooLarge(job)  // the download passed the 20 MB limit
        } catch let error as ProviderError {
            throw error.jobError
        }
        guard let mime = MediaType.sniff(data), image ? MediaType.isImage(mime) : MediaType.isAudio(mime) else {
            context.logger.info("Archivo de Telegram en un formato no soportado (\(job.mime ?? "sin tipo"))")
            return try reply(
                job, image ? TelegramReplies.unreadableImage : TelegramReplies.unreadableAudio,
                estado: "formato_no_soportado")
        }
        let key = try blobs.put(data)
        let next: NewJob =
            image
            ? try NewJob(
                ImageMessageJob(
                    chat_id: job.chat_id, canal: "telegram", blob: key, mime: mime, mensaje: job.mensaje,
                    recibido_ms: job.recibido_ms))
            : try NewJob(
                AudioMessageJob(
                    chat_id: job.chat_id, canal: "telegram", blob: key, mime: mime, recibido_ms: job.recibido_ms))
        return try JobResult(Result(estado: "guardado", blob: key, mime: mime, bytes: data.count), followUps: [next])
    }

    private func tooLarge(_ job: TelegramFileJob) throws -> JobResult {
        try reply(job, TelegramReplies.tooLarge, estado: "demasiado_grande")
    }

    /// Finishes with a reply to the customer instead of a file.
    private func reply(_ job: TelegramFileJob, _ text: String, estado: String) throws -> JobResult {
        try JobResult(
            Result(estado: estado),
            followUps: [try NewJob(DeliverReplyJob(chat_id: job.chat_id, canal: "telegram", texto: text))])
    }
}
