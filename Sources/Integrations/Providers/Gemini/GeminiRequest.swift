import Foundation
import Support

/// The body of `models/{model}:generateContent`, in the camelCase the API documents.
public struct GeminiRequest: Encodable, Sendable {
    public var contents: [GeminiContent]
    /// Text only; its role is ignored by the API.
    public var systemInstruction: GeminiContent?
    public var generationConfig: GeminiGenerationConfig?
    public var safetySettings: [GeminiSafetySetting]?

    public init(
        contents: [GeminiContent], systemInstruction: String? = nil, generationConfig: GeminiGenerationConfig? = nil,
        safetySettings: [GeminiSafetySetting]? = nil
    ) {
        self.contents = contents
        self.systemInstruction = systemInstruction.map { GeminiContent(role: nil, parts: [.text($0)]) }
        self.generationConfig = generationConfig
        self.safetySettings = safetySettings
    }
}

/// One turn: `role` "user" or "model" (nil for a single user turn) and its parts.
public struct GeminiContent: Codable, Sendable, Equatable {
    public var role: String?
    public var parts: [GeminiPart]

    public init(role: String? = "user", parts: [GeminiPart]) {
        self.role = role
        self.parts = parts
    }

    public static func user(_ parts: GeminiPart...) -> GeminiContent { GeminiContent(role: "user", parts: parts) }
    public static func model(_ text: String) -> GeminiContent { GeminiContent(role: "model", parts: [.text(text)]) }

    enum CodingKeys: String, CodingKey { case role, parts }

    /// Lenient: a candidate's content may come as `{}` or without `parts`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        role = try container.decodeIfPresent(String.self, forKey: .role)
        parts = try container.decodeIfPresent([GeminiPart].self, forKey: .parts) ?? []
    }
}

/// A part holds one payload: text or inline bytes. Output parts may be thoughts
/// (`thought: true`), which are never part of the answer.
public struct GeminiPart: Codable, Sendable, Equatable {
    public var text: String?
    public var inlineData: InlineData?
    public var thought: Bool?

    public struct InlineData: Codable, Sendable, Equatable {
        public var mimeType: String
        /// Sent as standard base64 with padding (JSONEncoder's default for `Data`).
        public var data: Data

        public init(mimeType: String, data: Data) {
            self.mimeType = mimeType
            self.data = data
        }
    }

    public init(text: String? = nil, inlineData: InlineData? = nil, thought: Bool? = nil) {
        self.text = text
        self.inlineData = inlineData
        self.thought = thought
    }

    public static func text(_ text: String) -> GeminiPart { GeminiPart(text: text) }
    public static func inline(_ data: Data, mimeType: String) -> GeminiPart {
        GeminiPart(inlineData: InlineData(mimeType: mimeType, data: data))
    }
}

/// The generation settings worth setting; nil fields are left out of the request.
public struct GeminiGenerationConfig: Encodable, Sendable {
    public var temperature: Double?
    /// On thinking models, thoughts count against this cap: set it generously.
    public var maxOutputTokens: Int?
    public var topP: Double?
    public var topK: Int?
    public var candidateCount: Int?
    public var stopSequences: [String]?
    /// "text/plain" (default) or "application/json".
    public var responseMimeType: String?
    /// With "application/json": the OpenAPI-style schema the answer must follow.
    public var responseSchema: JSONValue?
    public var thinkingConfig: ThinkingConfig?

    public struct ThinkingConfig: Encodable, Sendable {
        /// 0 turns thinking off on 2.5 Flash; models without thinking reject this object.
        public var thinkingBudget: Int?
        public var includeThoughts: Bool?

        public init(thinkingBudget: Int? = nil, includeThoughts: Bool? = nil) {
            self.thinkingBudget = thinkingBudget
            self.includeThoughts = includeThoughts
        }
    }

    public init(
        temperature: Double? = nil, maxOutputTokens: Int? = nil, topP: Double? = nil, topK: Int? = nil,
        candidateCount: Int? = nil, stopSequences: [String]? = nil, responseMimeType: String? = nil,
        responseSchema: JSONValue? = nil, thinkingConfig: ThinkingConfig? = nil
    ) {
        self.temperature = temperature.map { min(2, max(0, $0)) }
        self.maxOutputTokens = maxOutputTokens
        self.topP = topP
        self.topK = topK
        self.candidateCount = candidateCount
        self.stopSequences = stopSequences
        self.responseMimeType = responseMimeType
        self.responseSchema = responseSchema
        self.thinkingConfig = thinkingConfig
    }
}

/// `{category, threshold}`, e.g. HARM_CATEGORY_DANGEROUS_CONTENT / BLOCK_ONLY_HIGH.
public struct GeminiSafetySetting: Encodable, Sendable {
    public var category: String
    public var threshold: String

    public init(category: String, threshold: String) {
        self.category = category
        self.threshold = threshold
    }
}
