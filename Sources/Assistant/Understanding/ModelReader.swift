import Logging

/// The reader with a language model (`UNDERSTANDING_MODEL=on` and `LLM_PROVIDER`): the model
/// reads the message, with what the agent asked and what the cart holds, into the reading's
/// JSON; `ReadingSchema` validates every field (a value the message does not contain, an
/// unknown intent, a quantity out of range: the whole answer is refused). Any error, timeout
/// or refused answer gives the offline reading, which is computed first anyway: the model
/// never blocks a reply. The model names products in the customer's words; which product,
/// its price and its stock are decided by the dialogue logic from the catalog.
public struct ModelReader: MessageReader {
    public let model: any ReadingModel
    public let fallback: ExampleReader
    public let logger: Logger

    public init(model: any ReadingModel, fallback: ExampleReader, logger: Logger) {
        self.model = model
        self.fallback = fallback
        self.logger = logger
    }

    public func read(_ raw: String, context: ReadingContext) async -> Reading {
        let text = String(raw.prefix(Understanding.maxMessageCharacters))
        let offline = fallback.readNow(text, context: context)
        do {
            let answer = try await model.read(system: ReadingSchema.instructions(context), message: text)
            switch ReadingSchema.reading(from: answer, message: text, context: context, offline: offline) {
            case .success(let reading):
                return reading
            case .failure(let problem):
                logger.warning("Lectura del modelo descartada: \(problem.reason); se usa la lectura sin modelo")
                return offline
            }
        } catch {
            logger.warning("El modelo no leyó el mensaje (\(error)); se usa la lectura sin modelo")
            return offline
        }
    }
}
