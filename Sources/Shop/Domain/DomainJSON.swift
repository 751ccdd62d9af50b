import Foundation

/// The JSON coders that match the contract: snake_case keys come from each type's
/// `CodingKeys`; dates are ISO 8601 ("2025-03-01T15:04:05Z"); keys sorted for stable output.
public enum DomainJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
