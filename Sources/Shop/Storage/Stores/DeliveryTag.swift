import Foundation
import Support

/// How a delivered reply is marked in the history (its messages' metadata carries
/// `entrega_id`), and how metadata is written, the same on every engine.
enum DeliveryTag {
    /// The messages, validated, each with `entrega_id` added to its metadata.
    static func tagged(_ messages: [NewMessage], deliveryId: String) throws -> [NewMessage] {
        try messages.map { message in
            var message = message
            var fields: [String: JSONValue] = [:]
            if case .object(let existing) = message.metadata { fields = existing }
            fields["entrega_id"] = .string(deliveryId)
            message.metadata = .object(fields)
            return try message.validated()
        }
    }

    /// Metadata as stored: JSON with sorted keys.
    static func encode(_ value: JSONValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
