import Foundation

/// `POST {OPENAI_BASE_URL}/audio/transcriptions` (OpenAI or a compatible server): multipart
/// with the audio under a file name whose extension names the format (the server decides by
/// it; Telegram's OGG/Opus voice notes go as they are, as `audio.ogg`), the model,
/// `language` and `response_format=json` (the only format the gpt-4o models take).
public struct OpenAITranscriptionClient: Transcriber {
    public var config: OpenAIConfig
    public var model: String
    /// ISO-639-1 ("es").
    public var language: String
    public var http: ProviderHTTP
    public var timeout: Duration

    public init(
        config: OpenAIConfig, model: String = "whisper-1", language: String = "es", transport: any HTTPTransport,
        policy: ProviderHTTP.RetryPolicy = .standard, timeout: Duration = .seconds(120)
    ) {
        self.config = config
        self.model = model
        self.language = language
        self.http = ProviderHTTP(api: "openai", transport: transport, policy: policy)
        self.timeout = timeout
    }

    struct Answer: Decodable {
        var text: String
    }

    public func transcribe(_ audio: Data, format: MediaFormat) async throws -> String {
        var form = MultipartFormData()
        form.add("file", filename: "audio.\(format.fileExtension)", contentType: format.mime, data: audio)
        form.add("model", model)
        form.add("language", language)
        form.add("response_format", "json")
        let response = try await http.send(
            OutboundRequest(
                method: "POST", url: "\(config.baseURL)/audio/transcriptions",
                headers: [("Content-Type", form.contentType)] + config.authorization, body: form.body,
                timeout: timeout))
        // Some compatible servers answer plain text whatever the format asked for.
        if !(response.headers["content-type"] ?? "").contains("json") {
            return response.text.trimmed
        }
        return try http.decode(Answer.self, from: response).text.trimmed
    }
}
