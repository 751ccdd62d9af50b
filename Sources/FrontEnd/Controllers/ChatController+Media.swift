import Foundation
import Hummingbird
import Integrations
import JobEngine
import Pipeline

/// `POST /chat/imagen` and `POST /chat/audio`: multipart with `chat_id`, the file (`imagen`
/// or `audio`) and an optional caption `mensaje`. The file's type is decided by its first
/// bytes (415 otherwise), its size is capped (413), it is stored in the blob store, and a
/// job carrying its key goes to the vision or transcription queue → 202.
extension ChatController {
    enum Upload {
        case image, audio

        var field: String { self == .image ? "imagen" : "audio" }
        var maxBytes: Int { self == .image ? MediaFormat.maxImageBytes : MediaFormat.maxAudioBytes }
        var tooLarge: String {
            self == .image ? "La imagen supera el máximo de 10 MB." : "El audio supera el máximo de 25 MB."
        }
        var wrongType: String {
            self == .image
                ? "La imagen debe ser JPEG, PNG o WebP (se reconoce por su contenido, no por el nombre)."
                : "El audio debe ser OGG/Opus, MP3, M4A o WAV (se reconoce por su contenido, no por el nombre)."
        }
    }

    /// Room for the multipart envelope, the chat id and a caption around the file.
    static let envelopeBytes = 64 * 1024

    @Sendable func image(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await upload(.image, request, context: context)
    }

    @Sendable func audio(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await upload(.audio, request, context: context)
    }

    private func upload(_ kind: Upload, _ request: Request, context: AppRequestContext) async throws -> Response {
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("multipart/form-data") else {
            throw APIError(
                .unsupportedMediaType,
                "Envíe multipart/form-data con los campos chat_id, \(kind.field) y, si quiere, mensaje.")
        }
        let limit = kind.maxBytes + Self.envelopeBytes
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw APIError(.bodyTooLarge, kind.tooLarge)
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw APIError(.bodyTooLarge, kind.tooLarge)
        }
        let parts = try Multipart.parts(in: buffer.withUnsafeReadableBytes { Data($0) }, contentType: contentType)
        func part(_ name: String) -> Multipart.Part? { parts.first { $0.name == name } }

        let chatId = try Self.validChatId(part("chat_id")?.text ?? "")
        guard let file = part(kind.field)?.data else {
            throw APIError.validation("Falta el campo \"\(kind.field)\" con el archivo en el formulario.")
        }
        guard !file.isEmpty else { throw APIError.validation("El archivo de \"\(kind.field)\" está vacío.") }
        guard file.count <= kind.maxBytes else {
            throw APIError(.bodyTooLarge, kind.tooLarge)
        }
        guard let format = MediaFormat.sniff(file), format.isImage == (kind == .image) else {
            throw APIError(.unsupportedMediaType, kind.wrongType)
        }
        let caption = (part("mensaje")?.text ?? "").trimmed
        guard caption.count <= Self.maxMessageLength else {
            throw APIError.validation("El campo \"mensaje\" admite máximo \(Self.maxMessageLength) caracteres.")
        }

        let key = try await blobs.store(file)
        let now = WallClock.nowMs()
        let idempotencyKey = request.headers[.idempotencyKey].map { "\(chatId):\($0.prefix(200))" }
        let owner = context.identity?.subject
        let enqueued =
            switch kind {
            case .image:
                try await jobs.enqueue(
                    ImageMessageJob(
                        chatId: chatId, channel: .http, blob: key, mime: format.mime, message: caption, receivedMs: now
                    ),
                    idempotencyKey: idempotencyKey, owner: owner)
            case .audio:
                try await jobs.enqueue(
                    AudioMessageJob(
                        chatId: chatId, channel: .http, blob: key, mime: format.mime, receivedMs: now,
                        message: caption.isEmpty ? nil : caption),
                    idempotencyKey: idempotencyKey, owner: owner)
            }
        return Self.accepted(enqueued.id)
    }
}
