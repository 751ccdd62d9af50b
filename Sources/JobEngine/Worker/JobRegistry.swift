/// Maps job kinds to their handlers; a worker process consumes the queues of the kinds it
/// has handlers for.
public struct JobRegistry: Sendable {
    typealias Run = @Sendable (JobEnvelope, JobContext) async throws -> JobResult

    private(set) var handlers: [String: Run] = [:]
    public private(set) var queues: Set<String> = []

    public init() {}

    public mutating func register<H: JobHandler>(_ handler: H) {
        // Decoding is a pure function of the text: the empty payload is decoded once here.
        let empty = try? JobCoding.decode(H.Payload.self, from: "{}")
        handlers[H.Payload.kind] = { envelope, context in
            let payload: H.Payload
            do {
                if let empty, envelope.payload == "{}" {
                    payload = empty
                } else {
                    payload = try JobCoding.decode(H.Payload.self, from: envelope.payload)
                }
            } catch {
                throw JobError.deadLetter("payload inválido para el tipo \(H.Payload.kind): \(Self.describe(error))")
            }
            return try await handler.handle(payload, context: context)
        }
        queues.insert(H.Payload.queue)
    }

    /// Also consumes `queue`, whose jobs are of kinds registered here under another queue
    /// (a job re-routed with `NewJob.queue`, as the engine tests do).
    public mutating func serve(queue: String) {
        queues.insert(queue)
    }

    public var kinds: [String] { handlers.keys.sorted() }

    func handler(for kind: String) -> Run? {
        handlers[kind]
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "falta el campo \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "tipo incorrecto en \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        case DecodingError.dataCorrupted: "no es JSON válido"
        default: "\(error)"
        }
    }
}
