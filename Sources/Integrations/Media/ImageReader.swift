import Foundation

/// Reads what a customer's photo says, for the sales agent: the text on a label, a written
/// list or a screenshot of a quote (OCR), or a product-oriented description (Gemini).
public protocol ImageReader: Sendable {
    /// Which reader this is ("ocr", "gemini"), for logs and the message marker.
    var source: ImageReading.Source { get }
    /// The photo is the blob `key` of `store` (`BlobError.missing` when it expired);
    /// `caption` is the customer's text sent with it.
    func read(_ key: String, in store: any BlobStore, format: MediaFormat, caption: String) async throws -> ImageReading
}

public struct ImageReading: Sendable, Equatable {
    public enum Source: String, Sendable {
        case ocr, gemini
    }

    /// Cleaned text; empty when nothing could be read.
    public var text: String
    public var source: Source

    public init(text: String, source: Source) {
        self.text = text
        self.source = source
    }

    /// Longest text handed on: the chat message stays within the front end's limit.
    public static let maxCharacters = 3_000
}
