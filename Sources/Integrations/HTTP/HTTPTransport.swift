/// One outside HTTP call. Every client of a paid API (Gemini, OpenAI, Telegram) and of the
/// local embedding server goes through an `HTTPTransport`; tests point base URLs at fake
/// servers on loopback.
public struct OutboundRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(String, String)]
    public var body: [UInt8]?
    public var timeout: Duration
    /// Larger responses fail with `.responseTooLarge` instead of filling memory.
    public var maxResponseBytes: Int

    public init(
        method: String = "GET", url: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
        timeout: Duration = .seconds(30), maxResponseBytes: Int = 32 << 20
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }
}

public struct OutboundResponse: Sendable {
    public var status: Int
    /// Header names in lower case; a repeated header keeps its last value.
    public var headers: [String: String]
    public var body: [UInt8]

    public var text: String { String(decoding: body, as: UTF8.self) }
}

public enum HTTPTransportError: Error, Equatable, CustomStringConvertible, Sendable {
    case timeout
    case connection(String)
    case responseTooLarge
    /// The address the name led to is not one this transport may reach (`AddressPolicy`).
    case addressRefused(String)

    public var description: String {
        switch self {
        case .addressRefused(let address): "la dirección \(address) no está permitida (red privada o local)"
        case .timeout: "la llamada HTTP superó su tiempo límite"
        case .connection(let why): "fallo de conexión HTTP: \(why)"
        case .responseTooLarge: "la respuesta HTTP supera el tamaño máximo"
        }
    }
}

public protocol HTTPTransport: Sendable {
    func send(_ request: OutboundRequest) async throws -> OutboundResponse
}
