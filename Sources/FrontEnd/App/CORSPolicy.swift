import Support

/// Which browser origins may call the API (`CORS_ORIGINS`, comma-separated: exact origins
/// such as `https://tienda.example.co`, or `*` for any origin without credentials). Empty, the
/// default, sends no CORS headers at all.
public struct CORSPolicy: Sendable, Equatable {
    public var origins: Set<String>
    public var anyOrigin: Bool

    public static let none = CORSPolicy(origins: [], anyOrigin: false)

    public init(origins: Set<String>, anyOrigin: Bool) {
        self.origins = origins
        self.anyOrigin = anyOrigin
    }

    public init(environment env: Environment) throws(ConfigError) {
        var origins: Set<String> = []
        var anyOrigin = false
        for raw in env.string("CORS_ORIGINS", default: "").split(separator: ",") {
            var origin = raw.trimmingCharacters(in: .whitespaces)
            if origin.hasSuffix("/") { origin.removeLast() }
            guard !origin.isEmpty else { continue }
            if origin == "*" {
                anyOrigin = true
                continue
            }
            let scheme = origin.hasPrefix("https://") ? 8 : origin.hasPrefix("http://") ? 7 : 0
            guard origin.utf8.count <= 200, scheme > 0, origin.count > scheme, !origin.dropFirst(scheme).contains("/")
            else {
                throw ConfigError(
                    setting: "CORS_ORIGINS",
                    problem: "«\(origin.prefix(60))» no es un origen (esquema://host[:puerto], sin ruta)")
            }
            origins.insert(origin)
        }
        self.init(origins: origins, anyOrigin: anyOrigin)
    }

    public var isEnabled: Bool { anyOrigin || !origins.isEmpty }

    /// The `Access-Control-Allow-Origin` value for a request from `origin`, and whether
    /// credentials may go with it (only for an origin listed by name, never with `*`).
    func allow(_ origin: String) -> (value: String, credentials: Bool)? {
        if origins.contains(origin) { return (origin, true) }
        if anyOrigin { return ("*", false) }
        return nil
    }
}
