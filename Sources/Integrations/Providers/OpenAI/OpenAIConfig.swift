import Support

/// How to reach OpenAI or an OpenAI-compatible server (llama.cpp, vLLM, Ollama…):
/// `OPENAI_API_KEY` and `OPENAI_BASE_URL` (https://api.openai.com/v1; tests point it at a
/// fake on loopback). The key is optional for a self-hosted server.
public struct OpenAIConfig: Sendable {
    public var apiKey: String?
    public var baseURL: String

    public static let defaultBaseURL = "https://api.openai.com/v1"

    public init(apiKey: String?, baseURL: String = OpenAIConfig.defaultBaseURL) {
        self.apiKey = apiKey
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    public init(environment env: Environment) throws(ConfigError) {
        let baseURL = env.string("OPENAI_BASE_URL", default: Self.defaultBaseURL)
        guard baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else {
            throw ConfigError(setting: "OPENAI_BASE_URL", problem: "debe ser una URL http:// o https://")
        }
        self.init(apiKey: env["OPENAI_API_KEY"], baseURL: baseURL)
    }

    /// True when the base URL is OpenAI's own service (which always needs a key).
    public var isOpenAI: Bool { baseURL.hasPrefix("https://api.openai.com") }

    /// `Authorization: Bearer …` when a key is set.
    public var authorization: [(String, String)] {
        apiKey.map { [("Authorization", "Bearer \($0)")] } ?? []
    }
}
