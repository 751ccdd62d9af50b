import Support

/// How voice notes are transcribed: `TRANSCRIPTION_PROVIDER` = `openai` (OpenAI's
/// `/audio/transcriptions`, or any compatible server at `OPENAI_BASE_URL`) or `none` (the
/// customer is kindly asked to write). Default: `openai` when `OPENAI_API_KEY` is set,
/// otherwise `none`. `TRANSCRIPTION_MODEL`: whisper-1 (or gpt-4o-mini-transcribe…).
public struct TranscriptionConfig: Sendable {
    public enum Provider: String, Sendable {
        case openai, none
    }

    public var provider: Provider
    public var openAI: OpenAIConfig
    public var model: String
    /// ISO-639-1 code sent as `language`.
    public var language: String

    public init(
        provider: Provider = .none, openAI: OpenAIConfig = OpenAIConfig(apiKey: nil), model: String = "whisper-1",
        language: String = "es"
    ) {
        self.provider = provider
        self.openAI = openAI
        self.model = model
        self.language = language
    }

    public init(environment env: Environment) throws(ConfigError) {
        let openAI = try OpenAIConfig(environment: env)
        let fallback = openAI.apiKey == nil ? "none" : "openai"
        let provider = Provider(
            rawValue: try env.choice("TRANSCRIPTION_PROVIDER", ["openai", "none"], default: fallback))!
        if provider == .openai, openAI.apiKey == nil, openAI.isOpenAI {
            throw ConfigError(
                setting: "OPENAI_API_KEY",
                problem:
                    "falta (la necesita TRANSCRIPTION_PROVIDER=openai; con un servidor propio, defina OPENAI_BASE_URL)")
        }
        self.init(provider: provider, openAI: openAI, model: env.string("TRANSCRIPTION_MODEL", default: "whisper-1"))
    }
}
