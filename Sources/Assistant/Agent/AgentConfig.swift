import Integrations
import Support

/// Settings of the reply worker, read from the environment.
///
/// | variable | default | meaning |
/// | --- | --- | --- |
/// | `LLM_PROVIDER` | none | none (replies from templates), gemini, openai (any compatible server) |
/// | `DEFAULT_MODEL` | gemini-2.0-flash; gpt-4o-mini for openai | the model that phrases replies |
/// | `MAX_TOKENS` | 600 | reply length cap given to the model |
/// | `TEMPERATURE` | 0.3 | 0…2 |
/// | `MAX_HISTORY_LENGTH` | 10 | earlier messages of the chat the model sees |
/// | `LLM_TIMEOUT_S` | 20 | per model call (then retried, then the composed reply) |
/// | `LLM_MAX_CONCURRENT` | 256 | model calls in flight at once, all worker processes together |
/// | `LLM_MAX_PER_S` | 0 | model calls started per second, all worker processes together (0 = no limit) |
/// | `ORDER_WAIT_S` | 20 | how long a turn waits for its order to be placed before retrying |
/// | `UNDERSTANDING_DATA_DIR` | data/entendimiento | the intent example bank (`*.tsv`) |
/// | `UNDERSTANDING_MODEL` | off | on: with `LLM_PROVIDER`, the model also reads messages into commands (`ModelReader`) |
/// | `OPENAI_API_KEY`, `OPENAI_BASE_URL`, `GOOGLE_API_KEY`, `GEMINI_BASE_URL` | | see `OpenAIConfig`, `GeminiConfig` |
public struct AgentConfig: Sendable {
    public enum Provider: String, Sendable, CaseIterable {
        case none, gemini, openai
    }

    public var provider: Provider
    public var model: String
    public var maxTokens: Int
    public var temperature: Double
    public var maxHistory: Int
    public var modelTimeout: Duration
    /// Model calls in flight at once across every worker process (a Redis-held limit).
    public var maxConcurrent: Int
    /// Model calls started per second across every worker process; 0 = no limit.
    public var maxPerSecond: Int
    public var orderWait: Duration
    public var openAI: OpenAIConfig
    public var gemini: GeminiConfig
    /// The example bank's directory.
    public var understandingDataDirectory: String
    /// With a provider, the model reads messages too (the offline reader stays the fallback).
    public var modelReads: Bool

    public static let defaultOpenAIModel = "gpt-4o-mini"
    public static let defaultGeminiModel = "gemini-2.0-flash"

    public init(
        provider: Provider = .none, model: String? = nil, maxTokens: Int = 600, temperature: Double = 0.3,
        maxHistory: Int = 10, modelTimeout: Duration = .seconds(20), maxConcurrent: Int = 256, maxPerSecond: Int = 0,
        orderWait: Duration = .seconds(20),
        openAI: OpenAIConfig = OpenAIConfig(apiKey: nil), gemini: GeminiConfig = GeminiConfig(apiKey: nil),
        understandingDataDirectory: String = Understanding.defaultDataDirectory, modelReads: Bool = false
    ) {
        self.provider = provider
        self.model = model ?? (provider == .openai ? Self.defaultOpenAIModel : Self.defaultGeminiModel)
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.maxHistory = maxHistory
        self.modelTimeout = modelTimeout
        self.maxConcurrent = maxConcurrent
        self.maxPerSecond = maxPerSecond
        self.orderWait = orderWait
        self.openAI = openAI
        self.gemini = gemini
        self.understandingDataDirectory = understandingDataDirectory
        self.modelReads = modelReads
    }

    public init(environment env: Environment) throws(ConfigError) {
        let name = try env.choice("LLM_PROVIDER", Provider.allCases.map(\.rawValue), default: "none")
        let provider = Provider(rawValue: name)!
        let maxTokens = try env.int("MAX_TOKENS", default: 600)
        guard (16...8192).contains(maxTokens) else {
            throw ConfigError(setting: "MAX_TOKENS", problem: "debe estar entre 16 y 8192")
        }
        let temperature = try env.double("TEMPERATURE", default: 0.3)
        guard (0...2).contains(temperature) else {
            throw ConfigError(setting: "TEMPERATURE", problem: "debe estar entre 0 y 2")
        }
        let history = try env.int("MAX_HISTORY_LENGTH", default: 10)
        guard (0...200).contains(history) else {
            throw ConfigError(setting: "MAX_HISTORY_LENGTH", problem: "debe estar entre 0 y 200")
        }
        let timeout = try env.double("LLM_TIMEOUT_S", default: 20)
        let wait = try env.double("ORDER_WAIT_S", default: 20)
        guard timeout > 0, timeout <= 300 else {
            throw ConfigError(setting: "LLM_TIMEOUT_S", problem: "debe estar entre 0 y 300 segundos")
        }
        guard wait > 0, wait <= 300 else {
            throw ConfigError(setting: "ORDER_WAIT_S", problem: "debe estar entre 0 y 300 segundos")
        }
        let maxConcurrent = try env.int("LLM_MAX_CONCURRENT", default: 256)
        guard (1...10_000).contains(maxConcurrent) else {
            throw ConfigError(setting: "LLM_MAX_CONCURRENT", problem: "debe estar entre 1 y 10000")
        }
        let maxPerSecond = try env.int("LLM_MAX_PER_S", default: 0)
        guard (0...100_000).contains(maxPerSecond) else {
            throw ConfigError(setting: "LLM_MAX_PER_S", problem: "debe estar entre 0 (sin límite) y 100000")
        }
        let openAI = try OpenAIConfig(environment: env)
        if provider == .openai, openAI.apiKey == nil, openAI.isOpenAI {
            throw ConfigError(setting: "OPENAI_API_KEY", problem: "falta (la necesita LLM_PROVIDER=openai)")
        }
        let gemini = try GeminiConfig(environment: env)
        if provider == .gemini { _ = try gemini.requireKey(for: "LLM_PROVIDER=gemini") }
        let reads = try env.choice("UNDERSTANDING_MODEL", ["off", "on"], default: "off") == "on"
        self.init(
            provider: provider, model: env["DEFAULT_MODEL"], maxTokens: maxTokens, temperature: temperature,
            maxHistory: history, modelTimeout: .milliseconds(Int(timeout * 1000)), maxConcurrent: maxConcurrent,
            maxPerSecond: maxPerSecond,
            orderWait: .milliseconds(Int(wait * 1000)), openAI: openAI, gemini: gemini,
            understandingDataDirectory: env.string(
                "UNDERSTANDING_DATA_DIR", default: Understanding.defaultDataDirectory),
            modelReads: reads)
    }
}
