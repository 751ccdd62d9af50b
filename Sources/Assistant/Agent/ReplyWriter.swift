import Logging
import Shop

/// Turns a turn's facts into the text the customer reads. Without a model, the composed
/// reply (`ReplyComposer`). With one, the model phrases it from the same facts, the recent
/// history and the company text; a reply that fails `GroundingCheck`, or a model that
/// errors or times out (after `ProviderHTTP`'s retries), gives the composed reply instead:
/// the customer always gets an answer.
public struct ReplyWriter: Sendable {
    public enum Source: String, Sendable {
        case template = "plantilla", model = "modelo", fallback = "respaldo"
    }

    public var model: (any ReplyModel)?
    public var maxTokens: Int
    public var temperature: Double
    public var logger: Logger

    public init(model: (any ReplyModel)?, maxTokens: Int = 600, temperature: Double = 0.3, logger: Logger) {
        self.model = model
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.logger = logger
    }

    /// What the reply needs besides its facts (only read when a model is configured).
    public struct Context: Sendable {
        public var history: [StoredMessage]
        public var message: String
        public var companyText: String
        public var shop: String?
        public var catalogNames: [String]

        public init(
            history: [StoredMessage], message: String, companyText: String, shop: String?, catalogNames: [String]
        ) {
            self.history = history
            self.message = message
            self.companyText = companyText
            self.shop = shop
            self.catalogNames = catalogNames
        }
    }

    public func write(_ facts: ReplyFacts, context: @Sendable () async throws -> Context) async -> (
        text: String, source: Source
    ) {
        let draft = ReplyComposer.compose(facts)
        guard let model else { return (draft, .template) }
        do {
            let context = try await context()
            let prompt = ReplyPrompt.make(
                draft: draft, companyText: context.companyText, shop: context.shop, history: context.history,
                message: context.message, maxTokens: maxTokens, temperature: temperature)
            let text = try await model.phrase(prompt).trimmingWhitespace()
            switch GroundingCheck(catalogNames: context.catalogNames).check(text, facts: facts) {
            case .grounded:
                return (text, .model)
            case .refused(let reason):
                logger.warning("Respuesta del modelo descartada: \(reason); se usa la redactada")
                return (draft, .fallback)
            }
        } catch {
            logger.warning("El modelo no respondió (\(error)); se usa la respuesta redactada")
            return (draft, .fallback)
        }
    }
}
