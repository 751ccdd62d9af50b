import Foundation
import Integrations
import JobEngine
import Pipeline
import Shop

/// Runs `telegram.archivo` jobs: asks Telegram for the file (`getFile`, at most 20 MB),
/// downloads it into the blob store and hands it on, on the same chat key, as an
/// `ImageMessageJob` (vision) or `AudioMessageJob` (transcription), so it keeps the
/// message's turn in the chat's line. A file too big or in a format the next worker cannot
/// read gets a short Spanish reply instead; a download that keeps failing tells the customer
/// and goes to the dead letters (`MediaOutcome`, as the media workers do). Re-running is
/// harmless: the blob store keeps one copy of the same bytes.
struct TelegramFileHandler: JobHandler {
    let telegram: TelegramClient
    let blobs: any BlobStore

    struct Result: Codable, Sendable, Equatable {
        var blob: String
        var mime: String
        var bytes: Int
    }

    func handle(_ job: TelegramFileJob, context: JobContext) async throws -> JobResult {
        let outcome = MediaOutcome(
            chatId: job.chatId, channel: .telegram, kind: MessageKind(rawValue: job.kind) ?? .image,
            caption: job.message, context: context)
        guard TelegramChatID.parse(job.chatId) != nil else {
            throw JobError.permanent("El chat \(job.chatId) no es un chat de Telegram (tg:<id>).")
        }
        let image = job.kind == MessageKind.image.rawValue
        let data: Data
        do {
            let file = try await telegram.getFile(fileId: job.fileId)
            if let size = file.fileSize, size > Telegram.maxDownloadBytes {
                return try await outcome.answer(TelegramReplies.tooLarge)
            }
            guard let path = file.filePath, !path.isEmpty else {
                throw ProviderError(
                    kind: .permanent, api: "telegram", status: 200, message: "getFile no dio la ruta del archivo")
            }
            data = try await telegram.download(filePath: path)
        } catch let error as ProviderError where Self.isTooBig(error) {
            return try await outcome.answer(TelegramReplies.tooLarge)
        } catch {
            throw try await outcome.failure(error, notice: TelegramReplies.downloadFailed)
        }
        guard let format = MediaFormat.sniff(data), format.isImage == image else {
            context.logger.info("Archivo de Telegram en un formato no soportado (\(job.mime ?? "sin tipo"))")
            return try await outcome.answer(image ? TelegramReplies.unreadableImage : TelegramReplies.unreadableAudio)
        }
        if image && data.count > MediaFormat.maxImageBytes {
            return try await outcome.answer(TelegramReplies.imageTooLarge)
        }
        let key = try await blobs.store(data)
        let next: NewJob =
            image
            ? try NewJob(
                ImageMessageJob(
                    chatId: job.chatId, channel: .telegram, blob: key, mime: format.mime, message: job.message,
                    receivedMs: job.receivedMs))
            : try NewJob(
                AudioMessageJob(
                    chatId: job.chatId, channel: .telegram, blob: key, mime: format.mime, receivedMs: job.receivedMs)
            )
        return try JobResult(Result(blob: key, mime: format.mime, bytes: data.count), followUps: [next])
    }

    /// Telegram's 400 "file is too big", or a download past the 20 MB limit.
    static func isTooBig(_ error: ProviderError) -> Bool {
        (error.status == 400 && error.message.lowercased().contains("too big"))
            || (error.status == 0 && error.kind == .permanent)
    }
}
