import Integrations

/// Replies phrased by an OpenAI-compatible chat model.
public struct OpenAIReplyModel: ReplyModel {
    public var client: OpenAIChatClient
    public var model: String

    public init(client: OpenAIChatClient, model: String) {
        self.client = client
        self.model = model
    }

    public func phrase(_ prompt: ReplyPrompt) async throws -> String {
        let messages =
            [OpenAIChatClient.Message(role: "system", content: prompt.system)]
            + prompt.turns.map { OpenAIChatClient.Message(role: $0.role.rawValue, content: $0.text) }
        return try await client.complete(
            model: model, messages: messages, maxTokens: prompt.maxTokens, temperature: prompt.temperature
        ).text
    }
}
