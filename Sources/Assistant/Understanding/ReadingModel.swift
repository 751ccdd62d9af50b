import Integrations
import Support

/// A language model that reads a message into the reading's JSON (`ReadingSchema`). It
/// returns the raw JSON text; `ModelReader` validates it.
public protocol ReadingModel: Sendable {
    func read(system: String, message: String) async throws -> String
}

/// An OpenAI-compatible chat model asked for JSON: with OpenAI's own service, a strict
/// JSON schema (`response_format: json_schema`); with compatible servers, `json_object`.
public struct OpenAIReadingModel: ReadingModel {
    public var client: OpenAIChatClient
    public var model: String

    public init(client: OpenAIChatClient, model: String) {
        self.client = client
        self.model = model
    }

    public func read(system: String, message: String) async throws -> String {
        let format: JSONValue =
            client.config.isOpenAI
            ? .object([
                "type": .string("json_schema"),
                "json_schema": .object([
                    "name": .string("lectura"), "strict": .bool(true), "schema": ReadingSchema.jsonSchema,
                ]),
            ])
            : .object(["type": .string("json_object")])
        return try await client.complete(
            model: model,
            messages: [.init(role: "system", content: system), .init(role: "user", content: message)],
            maxTokens: ReadingSchema.maxTokens, temperature: 0, responseFormat: format
        ).text
    }
}

/// Gemini asked for JSON (`responseMimeType` application/json with the schema).
public struct GeminiReadingModel: ReadingModel {
    public var client: GeminiClient

    public init(client: GeminiClient) {
        self.client = client
    }

    public func read(system: String, message: String) async throws -> String {
        let request = GeminiRequest(
            contents: [GeminiContent(role: "user", parts: [.text(message)])], systemInstruction: system,
            generationConfig: GeminiGenerationConfig(
                temperature: 0, maxOutputTokens: ReadingSchema.maxTokens, responseMimeType: "application/json",
                responseSchema: ReadingSchema.geminiSchema))
        return try await client.generateContent(request, model: nil).text
    }
}
