import Shop

/// A language model that phrases the agent's replies (Gemini, or an OpenAI-compatible
/// server). It only rewords: the facts, the draft and the company text come in the prompt,
/// and `GroundingCheck` refuses a reply that strays from them.
public protocol ReplyModel: Sendable {
    func phrase(_ prompt: ReplyPrompt) async throws -> String
}

/// What a model is given for one reply.
public struct ReplyPrompt: Sendable, Equatable {
    public enum Role: String, Sendable {
        case user, assistant
    }

    public struct Turn: Sendable, Equatable {
        public var role: Role
        public var text: String

        public init(role: Role, text: String) {
            self.role = role
            self.text = text
        }
    }

    /// The instructions, with the facts (as the composed draft) and the company text.
    public var system: String
    /// Earlier messages of the chat, oldest first, ending with the customer's new message.
    public var turns: [Turn]
    public var maxTokens: Int
    public var temperature: Double

    public init(system: String, turns: [Turn], maxTokens: Int, temperature: Double) {
        self.system = system
        self.turns = turns
        self.maxTokens = maxTokens
        self.temperature = temperature
    }

    /// The prompt for a reply whose facts are written out in `draft`.
    public static func make(
        draft: String, companyText: String, shop: String?, history: [StoredMessage], message: String, maxTokens: Int,
        temperature: Double
    ) -> ReplyPrompt {
        let system = """
            Eres el asesor de ventas por chat de \(shop ?? "una tienda de seguridad industrial") en Colombia.
            Escribe la respuesta al último mensaje del cliente en español de Colombia, con trato de usted, \
            cordial y breve, en texto plano (sin Markdown).
            Reglas:
            - Usa SOLO los hechos del BORRADOR: no inventes productos, precios, existencias, descuentos, tiempos \
            de entrega ni datos de la empresa.
            - Escribe los precios exactamente como en el borrador (por ejemplo $45.000) y los nombres de los \
            productos tal como aparecen.
            - Conserva toda pregunta que el borrador le hace al cliente, las listas de productos y, si hay un \
            número de pedido, ese número y su total.
            - Si el cliente pregunta algo que el borrador no responde, dilo y ofrece el contacto de la empresa.

            BORRADOR (los hechos de esta respuesta):
            \(draft)

            INFORMACIÓN DE LA EMPRESA:
            \(companyText.isEmpty ? "(no disponible)" : companyText)
            """
        var turns = history.compactMap { message -> Turn? in
            switch message.sender {
            case .user: Turn(role: .user, text: message.content)
            case .agent, .operator: Turn(role: .assistant, text: message.content)
            case .system: nil
            }
        }
        turns.append(Turn(role: .user, text: message))
        return ReplyPrompt(system: system, turns: turns, maxTokens: maxTokens, temperature: temperature)
    }
}
