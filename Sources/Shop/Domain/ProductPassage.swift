import Crypto
import Foundation
import SpanishText

/// The text of a product that gets embedded, and its fingerprint: a vector is current while
/// the fingerprint of the product's text equals the one stored with it.
public enum ProductPassage {
    /// Name, description and (when it says something) the category.
    public static func text(_ product: Product) -> String {
        var parts = [product.name]
        let description = product.description.trimmingCharacters(in: .whitespacesAndNewlines)
        if !description.isEmpty, TextFold.fold(description) != TextFold.fold(product.name) {
            parts.append(description)
        }
        if product.category != Product.defaultCategory { parts.append("Categoría: \(product.category)") }
        return parts.joined(separator: ". ")
    }

    public static func fingerprint(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    public static func fingerprint(_ product: Product) -> String {
        fingerprint(text(product))
    }
}

/// Float32 vectors as stored in SQLite: little-endian bytes.
enum VectorBlob {
    static func encode(_ vector: [Float]) -> Data {
        var data = Data(capacity: vector.count * 4)
        for value in vector { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    static func decode(_ data: Data) -> [Float] {
        let count = data.count / 4
        return data.withUnsafeBytes { raw in
            (0..<count).map {
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)))
            }
        }
    }
}
