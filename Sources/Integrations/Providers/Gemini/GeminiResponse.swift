/// `GenerateContentResponse`, decoded leniently: every field optional, unknown keys ignored,
/// unknown finish and block reasons kept as their raw strings.
public struct GeminiResponse: Decodable, Sendable {
    public var candidates: [Candidate]?
    public var promptFeedback: PromptFeedback?
    public var usageMetadata: GeminiUsage?
    public var modelVersion: String?
    public var responseId: String?

    public struct Candidate: Decodable, Sendable {
        public var content: GeminiContent?
        public var finishReason: GeminiFinishReason?
        public var finishMessage: String?
        public var index: Int?

        /// Every text part that is not a thought, joined.
        public var text: String {
            (content?.parts ?? []).filter { $0.thought != true }.compactMap(\.text).joined()
        }
    }

    public struct PromptFeedback: Decodable, Sendable {
        public var blockReason: GeminiBlockReason?
    }
}

/// Token counts; any may be missing (0). `totalTokenCount` includes thoughts.
public struct GeminiUsage: Decodable, Sendable, Equatable {
    public var promptTokenCount: Int
    public var candidatesTokenCount: Int
    public var thoughtsTokenCount: Int
    public var totalTokenCount: Int

    enum CodingKeys: String, CodingKey {
        case promptTokenCount, candidatesTokenCount, thoughtsTokenCount, totalTokenCount
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        promptTokenCount = try container.decodeIfPresent(Int.self, forKey: .promptTokenCount) ?? 0
        candidatesTokenCount = try container.decodeIfPresent(Int.self, forKey: .candidatesTokenCount) ?? 0
        thoughtsTokenCount = try container.decodeIfPresent(Int.self, forKey: .thoughtsTokenCount) ?? 0
        totalTokenCount = try container.decodeIfPresent(Int.self, forKey: .totalTokenCount) ?? 0
    }
}

/// Why a candidate stopped ("STOP", "MAX_TOKENS", "SAFETY"…); any string decodes.
public struct GeminiFinishReason: RawRepresentable, Decodable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let stop = GeminiFinishReason(rawValue: "STOP")
    public static let maxTokens = GeminiFinishReason(rawValue: "MAX_TOKENS")
    public static let safety = GeminiFinishReason(rawValue: "SAFETY")

    /// Reasons meaning the output was withheld by a filter.
    public var isBlocked: Bool {
        [
            "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY",
            "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION",
        ].contains(rawValue)
    }

    public var description: String { rawValue }
}

/// Why a prompt was refused ("SAFETY", "OTHER", "PROHIBITED_CONTENT"…); any string decodes.
public struct GeminiBlockReason: RawRepresentable, Decodable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
}
