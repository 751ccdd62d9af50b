import Integrations

/// Replies phrased by Gemini (`generateContent`): the instructions as `systemInstruction`,
/// the chat as alternating user / model turns.
public struct GeminiReplyModel: ReplyModel {
    public var client: GeminiClient
    /// nil = the client's model (`DEFAULT_MODEL`).
    public var model: String?

    public init(client: GeminiClient, model: String? = nil) {
        self.client = client
        self.model = model
    }

    public func phrase(_ prompt: ReplyPrompt) async throws -> String {
        // Gemini wants turns that alternate and start with the user: consecutive turns of
        // one side are joined, and a leading model turn is dropped.
        var contents: [GeminiContent] = []
        for turn in prompt.turns {
            let role = turn.role == .user ? "user" : "model"
            if contents.isEmpty, role == "model" { continue }
            if let last = contents.last, last.role == role {
                let joined = (last.parts.compactMap(\.text) + [turn.text]).joined(separator: "\n")
                contents[contents.count - 1] = GeminiContent(role: role, parts: [.text(joined)])
            } else {
                contents.append(GeminiContent(role: role, parts: [.text(turn.text)]))
            }
        }
        let request = GeminiRequest(
            contents: contents, systemInstruction: prompt.system,
            generationConfig: GeminiGenerationConfig(temperature: prompt.temperature, maxOutputTokens: prompt.maxTokens)
        )
        return try await client.generateContent(request, model: model).text
    }
}
