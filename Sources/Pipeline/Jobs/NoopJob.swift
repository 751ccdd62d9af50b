import JobEngine

/// A job that does nothing: what the queue benchmark measures the engine with, and a smoke
/// test for operators. Test builds register a handler of the same kind that can also wait,
/// fail or leave marks (`FaultJob`); production workers only ever finish it.
public struct NoopJob: JobPayload, Equatable {
    public static let kind = "noop"
    public static let queue = "noop"

    /// Ordering key (used only when the queue file declares one).
    public var key: String?

    public init(key: String? = nil) {
        self.key = key
    }

    public var orderingKey: String? { key }

    /// What a no-op job returns.
    public struct Result: Codable, Sendable, Equatable {
        public var worker: String
        public var attempt: Int

        public init(worker: String, attempt: Int) {
            self.worker = worker
            self.attempt = attempt
        }

        enum CodingKeys: String, CodingKey {
            case worker = "trabajador"
            case attempt = "intento"
        }
    }

    enum CodingKeys: String, CodingKey {
        case key = "clave"
    }
}
