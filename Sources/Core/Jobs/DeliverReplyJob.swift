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

    public var chat_id: String
    /// "http" or "telegram" (`ChatMessageJob.canal`).
    public var canal: String
    /// The text for the customer, already final (Spanish, prices as whole pesos).
    public var texto: String
    /// "agente" or "operador" (`Remitente`).
    public var origen: String
    /// The chat job whose reply this is, when there is one (for callbacks and logs).
    public var job_id: String?
    /// The token subject of the HTTP channel that sent the message (whose callback URL, if
    /// any, receives the reply); nil for Telegram.
    public var propietario: String?
    /// Set by producers whose reply nobody else writes in the chat's history (the `/start`
    /// welcome, a note about an unusable message, a photo or voice note that could not be
    /// read): after delivering, the worker records what the customer sent and the reply.
    public var historial: HistoryNote?

    /// What the customer sent, as the chat's history shows it beside the reply.
    public struct HistoryNote: Codable, Sendable, Equatable {
        /// "/start", "(foto) tiene este?"…; nil records only the reply.
        public var entrada: String?
        public var tipo: TipoMensaje

        public init(entrada: String?, tipo: TipoMensaje = .texto) {
            self.entrada = entrada
            self.tipo = tipo
        }
    }

    public init(
        chat_id: String, canal: String, texto: String, origen: Remitente = .agente, job_id: String? = nil,
        propietario: String? = nil, historial: HistoryNote? = nil
    ) {
        self.chat_id = chat_id
        self.canal = canal
        self.texto = texto
        self.origen = origen.rawValue
        self.job_id = job_id
        self.propietario = propietario
        self.historial = historial
    }

    public var orderingKey: String? { chat_id }
}
