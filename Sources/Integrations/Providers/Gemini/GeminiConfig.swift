import Support

/// How to reach Gemini: `GOOGLE_API_KEY`, `GEMINI_BASE_URL` (the API version root,
/// https://generativelanguage.googleapis.com/v1beta; tests point it at a fake on loopback)
/// and `DEFAULT_MODEL` (gemini-2.0-flash). The key is required only by the features that
/// use Gemini (`requireKey`), so a shop without one still starts.
public struct GeminiConfig: Sendable {
    public var apiKey: String?
    public var baseURL: String
    public var model: String

    public static let defaultBaseURL = "https://generativelanguage.googleapis.com/v1beta"
    public static let defaultModel = "gemini-2.0-flash"

    public init(
        apiKey: String?, baseURL: String = GeminiConfig.defaultBaseURL, model: String = GeminiConfig.defaultModel
    ) {
        self.apiKey = apiKey
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.model = model
    }

    public init(environment env: Environment) throws(ConfigError) {
        let baseURL = env.string("GEMINI_BASE_URL", default: Self.defaultBaseURL)
        guard baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else {
            throw ConfigError(setting: "GEMINI_BASE_URL", problem: "debe ser una URL http:// o https://")
        }
        self.init(
            apiKey: env["GOOGLE_API_KEY"], baseURL: baseURL,
            model: env.string("DEFAULT_MODEL", default: Self.defaultModel))
    }

    /// The key, or a `ConfigError` naming the setting that asked for Gemini.
    public func requireKey(for feature: String) throws(ConfigError) -> String {
        guard let apiKey else {
            throw ConfigError(setting: "GOOGLE_API_KEY", problem: "falta (la necesita \(feature))")
        }
        return apiKey
    }
}
