import Hummingbird
import Integrations
import JobEngine
import Pipeline

/// Chat ingestion: validates, enqueues the message for the reply worker (photos and voice
/// notes first go to the vision and transcription workers: ChatController+Media), answers 202.
struct ChatController {
    let jobs: JobClient
    /// Where uploaded photos and audio are stored (`BLOBS_BACKEND`).
    var blobs: any BlobStore = LocalBlobStore(directory: "./var/blobs")
    /// Revocation and the token's and the chat's rate limits, checked in one call.
    var requestGuard: RequestGuard? = nil
    /// Uploads read into memory at once.
    var uploads = UploadSlots(capacity: 8)

    struct TextMessage: Decodable, Equatable {
        var chatId: String
        var message: String

        /// `{"chat_id":"…","mensaje":"…"}` read without `JSONDecoder` (`FlatJSONStrings`);
        /// nil for any other shape.
        static func fast(_ bytes: UnsafeRawBufferPointer) -> TextMessage? {
            guard let values = FlatJSONStrings.parse(bytes, keys: ["chat_id", "mensaje"]) else { return nil }
            return TextMessage(chatId: values[0], message: values[1])
        }

        enum CodingKeys: String, CodingKey {
            case chatId = "chat_id"
            case message = "mensaje"
        }
    }

    struct Accepted: Encodable {
        var jobId: String
        var state: String

        enum CodingKeys: String, CodingKey {
            case jobId = "job_id"
            case state = "estado"
        }
    }

    static let maxMessageLength = ChatMessageJob.maxLength

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("texto", use: text)
        group.post("imagen", use: image)
        group.post("audio", use: audio)
    }

    @Sendable func text(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(TextMessage.self, limit: 32 * 1024, fastPath: TextMessage.fast)
        let chatId = try ChatLookup.channelChat(body.chatId, context)
        try await admit(context, chatId: chatId)
        let message = body.message.trimmed
        guard !message.isEmpty else { throw APIError.validation("El campo \"mensaje\" no puede estar vacío.") }
        // Counting characters walks the text; a short one in bytes is short enough.
        guard message.utf8.count <= Self.maxMessageLength || message.count <= Self.maxMessageLength else {
            throw APIError.validation("El campo \"mensaje\" admite máximo \(Self.maxMessageLength) caracteres.")
        }
        let job = ChatMessageJob(chatId: chatId, channel: .http, message: message, receivedMs: WallClock.nowMs())
        let idempotencyKey = request.headers[.idempotencyKey].map { "\(chatId):\($0.prefix(200))" }
        let enqueued = try await jobs.enqueue(job, idempotencyKey: idempotencyKey, owner: context.identity?.ownerKey)
        return Self.accepted(enqueued.id)
    }

    /// The request guard for a message to `chatId` (also the token's revocation and limit).
    func admit(_ context: AppRequestContext, chatId: String?) async throws {
        guard let requestGuard, let tokenId = context.tokenId else { return }
        try await requestGuard.admit(tokenId: tokenId, chatId: chatId)
    }

    /// `202 {"job_id", "estado": "encolado"}` with `Location` (written by hand: this is the
    /// hottest response of the system, and a job id needs no escaping).
    static func accepted(_ id: String) -> Response {
        let body = #"{"estado":"encolado","job_id":""# + id + #""}"#
        return Response(
            status: .accepted,
            headers: [.location: "/jobs/\(id)", .contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// Chat ids are short opaque strings: ASCII letters, digits and `:_-.`.
    static func validChatId(_ raw: String) throws -> String {
        let chatId = raw.trimmed
        guard !chatId.isEmpty else { throw APIError.validation("El campo \"chat_id\" no puede estar vacío.") }
        guard chatId.utf8.count <= 128,
            chatId.utf8.allSatisfy({ byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x3A || byte == 0x5F || byte == 0x2D || byte == 0x2E
            })
        else {
            throw APIError.validation(
                "El campo \"chat_id\" admite hasta 128 caracteres: letras, números y los signos : _ - .")
        }
        return chatId
    }
}
