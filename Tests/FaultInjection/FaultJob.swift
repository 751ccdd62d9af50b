import JobEngine
import Pipeline

/// The tests' no-op job: the production `NoopJob` (same kind, same queue) with fields that
/// exercise the engine: wait, fail a few times, fail for good, ask to be retried later, die
/// with a reply, and leave start/end marks in a Redis list to check ordering. Registered
/// only by test builds (`FaultInjectionHandler`), never by production workers.
public struct FaultJob: JobPayload, Equatable {
    public static let kind = "noop"
    public static let queue = "noop"

    /// Sleep this long before finishing.
    public var sleepMs: Int?
    /// Fail with a transient error on the first N runs (counted across re-drives).
    public var failures: Int?
    /// Finish with this many follow-up no-op jobs in the same chain (same ordering key).
    public var followUps: Int?
    /// The queue of those follow-ups, when not `noop` (chains across queues).
    public var followUpQueue: String?
    /// Fail permanently (no retry).
    public var failAlways: Bool?
    /// Go to the dead-letter queue with a reply: its `seguir` follow-ups still run.
    public var dieWithReply: Bool?
    /// Ask to be retried after this many seconds, the first N times (`pausas`).
    public var retryAfterS: Double?
    public var pauses: Int?
    /// Push "inicio:<seq>" and "fin:<seq>" to the Redis list `vd:marcas:<marca>`.
    public var mark: String?
    public var seq: Int?
    /// Ordering key (used only when the queue file declares one).
    public var key: String?
    /// On its first attempt, hang this many seconds deaf to cancellation (a call that never
    /// returns), then finish as usual; later attempts do not hang.
    public var hangFirstRunS: Int?

    public init(
        sleepMs: Int? = nil, failures: Int? = nil, followUps: Int? = nil, failAlways: Bool? = nil,
        dieWithReply: Bool? = nil,
        retryAfterS: Double? = nil,
        pauses: Int? = nil, mark: String? = nil, seq: Int? = nil, key: String? = nil, followUpQueue: String? = nil,
        hangFirstRunS: Int? = nil
    ) {
        self.hangFirstRunS = hangFirstRunS
        self.followUpQueue = followUpQueue
        self.dieWithReply = dieWithReply
        self.sleepMs = sleepMs
        self.failures = failures
        self.followUps = followUps
        self.failAlways = failAlways
        self.retryAfterS = retryAfterS
        self.pauses = pauses
        self.mark = mark
        self.seq = seq
        self.key = key
    }

    public var orderingKey: String? { key }

    public typealias Result = NoopJob.Result

    enum CodingKeys: String, CodingKey {
        case sleepMs = "dormir_ms"
        case failures = "fallos"
        case followUps = "seguir"
        case followUpQueue = "cola_seguir"
        case failAlways = "fallar_siempre"
        case dieWithReply = "morir_con_respuesta"
        case retryAfterS = "reintentar_en_s"
        case pauses = "pausas"
        case mark = "marca"
        case seq
        case key = "clave"
        case hangFirstRunS = "colgarse_primera_vez_s"
    }
}
