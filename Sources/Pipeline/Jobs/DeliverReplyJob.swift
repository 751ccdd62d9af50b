import JobEngine
import Shop

/// A reply to deliver to a chat through its own channel: the agent's reply, an operator's
/// reply (`POST /chat/{id}/responder`), or a message about a failed upload. Ordered by
/// chat, so a chat's replies go out one at a time and in order.
///
/// Producers enqueue it as a follow-up of the job that wrote the reply (same ordering key,
/// so it takes that job's place in the chat's line: see docs/architecture.md). The delivery
/// handler sends Telegram chats' replies with `sendMessage`; an HTTP chat's reply is already
/// on its job, and goes to the channel's callback URL when one is configured.
public struct DeliverReplyJob: JobPayload, Equatable {
    public static let kind = "entrega.enviar"
    public static let queue = "entregas"

    public var chatId: String
    public var channel: Channel
    /// The text for the customer, already final (Spanish, prices as whole pesos).
    public var text: String
    /// "agente" or "operador" (`Sender`).
    public var origin: String
    /// The chat job whose reply this is, when there is one (for callbacks and logs).
    public var jobId: String?
    /// The token subject of the HTTP channel that sent the message (whose callback URL, if
    /// any, receives the reply); nil for Telegram.
    public var owner: String?
    /// Set by producers whose reply nobody else writes in the chat's history (the `/start`
    /// welcome, a note about an unusable message, a photo or voice note that could not be
    /// read): after delivering, the worker records what the customer sent and the reply.
    public var history: HistoryNote?
    /// Buttons the reply offers (Telegram: a keyboard on its last piece; a callback: `opciones`).
    public var options: ReplyOptions?

    /// What the customer sent, as the chat's history shows it beside the reply.
    public struct HistoryNote: Codable, Sendable, Equatable {
        /// "/start", "(foto) tiene este?"…; nil records only the reply.
        public var incoming: String?
        public var kind: MessageKind

        public init(incoming: String?, kind: MessageKind = .text) {
            self.incoming = incoming
            self.kind = kind
        }

        enum CodingKeys: String, CodingKey {
            case incoming = "entrada"
            case kind = "tipo"
        }
    }

    public init(
        chatId: String, channel: Channel, text: String, origin: Sender = .agent, jobId: String? = nil,
        owner: String? = nil, history: HistoryNote? = nil, options: ReplyOptions? = nil
    ) {
        self.chatId = chatId
        self.channel = channel
        self.text = text
        self.origin = origin.rawValue
        self.jobId = jobId
        self.owner = owner
        self.history = history
        self.options = options
    }

    public var orderingKey: String? { chatId }

    enum CodingKeys: String, CodingKey {
        case chatId = "chat_id"
        case channel = "canal"
        case text = "texto"
        case origin = "origen"
        case jobId = "job_id"
        case owner = "propietario"
        case history = "historial"
        case options = "opciones"
    }
}
