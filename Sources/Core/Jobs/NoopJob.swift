/// A job that does nothing, for benchmarks and smoke tests. Its optional fields let tests
/// and operators exercise the engine: wait, fail a few times, fail for good, ask to be
/// retried later, and leave start/end marks in a Redis list to check ordering.
public struct NoopJob: JobPayload, Equatable {
    public static let kind = "noop"
    public static let queue = "noop"

    /// Sleep this long before finishing.
    public var dormir_ms: Int?
    /// Fail with a transient error on the first N runs (counted across re-drives).
    public var fallos: Int?
    /// Finish with this many follow-up no-op jobs in the same chain (same ordering key).
    public var seguir: Int?
    /// The queue of those follow-ups, when not `noop` (chains across queues).
    public var cola_seguir: String?
    /// Fail permanently (no retry).
    public var fallar_siempre: Bool?
    /// Go to the dead-letter queue with a reply: its `seguir` follow-ups still run.
    public var morir_con_respuesta: Bool?
    /// Ask to be retried after this many seconds, the first N times (`pausas`).
    public var reintentar_en_s: Double?
    public var pausas: Int?
    /// Push "inicio:<seq>" and "fin:<seq>" to the Redis list `vd:marcas:<marca>`.
    public var marca: String?
    public var seq: Int?
    /// Ordering key (used only when the queue file declares one).
    public var clave: String?

    public init(
        dormir_ms: Int? = nil, fallos: Int? = nil, seguir: Int? = nil, fallar_siempre: Bool? = nil,
        morir_con_respuesta: Bool? = nil,
        reintentar_en_s: Double? = nil,
        pausas: Int? = nil, marca: String? = nil, seq: Int? = nil, clave: String? = nil, cola_seguir: String? = nil
    ) {
        self.cola_seguir = cola_seguir
        self.morir_con_respuesta = morir_con_respuesta
        self.dormir_ms = dormir_ms
        self.fallos = fallos
        self.seguir = seguir
        self.fallar_siempre = fallar_siempre
        self.reintentar_en_s = reintentar_en_s
        self.pausas = pausas
        self.marca = marca
        self.seq = seq
        self.clave = clave
    }

    public var orderingKey: String? { clave }

    /// What a no-op job returns.
    public struct Result: Codable, Sendable, Equatable {
        public var trabajador: String
        public var intento: Int

        public init(trabajador: String, intento: Int) {
            self.trabajador = trabajador
            self.intento = intento
        }
    }
}
