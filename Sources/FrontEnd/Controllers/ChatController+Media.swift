import Foundation
import Hummingbird
import Integrations
import JobEngine
import Pipeline
import Shop
import Support

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

    /// Reads the upload once: the body stays in the one buffer it arrives in, the parts are
    /// places in it, and the file is hashed and written straight from it (an audio file was
    /// held three times over). At most `MAX_CONCURRENT_UPLOADS` are read at once; the token
    /// is checked before the body is read and the chat's limit once its id is known.
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
        try await admit(context, chatId: nil)
        guard let slot = uploads.take() else {
            throw APIError(
                .unavailable, "Hay muchos archivos subiéndose en este momento; intente de nuevo en unos segundos.",
                retryAfter: 2)
        }
        defer { slot.release() }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw APIError(.bodyTooLarge, kind.tooLarge)
        }
        let slices = try buffer.withUnsafeReadableBytes { try Multipart.slices(in: $0, contentType: contentType) }
        func part(_ name: String) -> Multipart.Slice? { slices.first { $0.name == name } }
        func text(_ name: String) -> String {
            guard let range = part(name)?.range else { return "" }
            return buffer.withUnsafeReadableBytes {
                String(decoding: UnsafeRawBufferPointer(rebasing: $0[range]), as: UTF8.self)
            }
        }

        let chatId = try ChatLookup.channelChat(text("chat_id"), context)
        try await requestGuard?.admitChat(chatId)
        guard let file = part(kind.field)?.range else {
            throw APIError.validation("Falta el campo \"\(kind.field)\" con el archivo en el formulario.")
        }
        guard !file.isEmpty else { throw APIError.validation("El archivo de \"\(kind.field)\" está vacío.") }
        guard file.count <= kind.maxBytes else {
            throw APIError(.bodyTooLarge, kind.tooLarge)
        }
        let head = buffer.withUnsafeReadableBytes { Data(UnsafeRawBufferPointer(rebasing: $0[file.prefix(16)])) }
        guard let format = MediaFormat.sniff(head), format.isImage == (kind == .image) else {
            throw APIError(.unsupportedMediaType, kind.wrongType)
        }
        let caption = text("mensaje").trimmed
        guard caption.count <= Self.maxMessageLength else {
            throw APIError.validation("El campo \"mensaje\" admite máximo \(Self.maxMessageLength) caracteres.")
        }

        let key = try await blobs.store(buffer, range: file)
        let now = WallClock.nowMs()
        let idempotencyKey = request.headers[.idempotencyKey].map { "\(chatId):\($0.prefix(200))" }
        let owner = context.identity?.ownerKey
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

extension BlobStore {
    /// Stores bytes `range` of `buffer` without copying them out of it: the `Data` handed to
    /// the store borrows the buffer's memory (kept alive until the `Data` is released).
    func store(_ buffer: ByteBuffer, range: Range<Int>) async throws -> String {
        let data = buffer.withUnsafeReadableBytesWithStorageManagement { raw, storage -> Data in
            let bytes = UnsafeRawBufferPointer(rebasing: raw[range])
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return Data() }
            let owner = BufferOwner(storage.retain())
            return Data(
                bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count,
                deallocator: .custom { _, _ in owner.release() })
        }
        return try await store(data)
    }
}

/// The retained storage of a `ByteBuffer` lent to a `Data`, released with it.
private final class BufferOwner: @unchecked Sendable {
    let storage: Unmanaged<AnyObject>

    init(_ storage: Unmanaged<AnyObject>) {
        self.storage = storage
    }

    func release() {
        storage.release()
    }
}
