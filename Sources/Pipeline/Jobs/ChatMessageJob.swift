import JobEngine
import Shop
import Support

/// A customer's chat message waiting for the agent's reply. Ordered by chat: one message
/// of a chat is handled at a time, in the order received.
///
/// What the customer wrote (`message`, a photo's caption) and what a machine read from a
/// photo (`readText`) travel apart, so the agent never takes a reader's words or markers
/// for the customer's own ("quiero 2 de estos" + a label read from the photo).
public struct ChatMessageJob: JobPayload, Equatable {
    public static let kind = "chat.mensaje"
    public static let queue = "chat"

    /// Text a machine read from the customer's media: a photo by OCR (the label's words) or a
    /// model's description; an empty transcription marks a voice note with no words.
    public struct ReadText: Codable, Sendable, Equatable {
        public enum Origin: String, Codable, Sendable {
            case ocr
            case description = "descripcion"
            case transcription = "transcripcion"
        }

        public var origin: Origin
        public var text: String

        public init(origin: Origin, text: String) {
            self.origin = origin
            self.text = text
        }

        enum CodingKeys: String, CodingKey {
            case origin = "origen"
            case text = "texto"
        }
    }

    /// What a customer shared without typing (Telegram): their own contact's phone, or a
    /// location as text. The front end checked the contact is the sender's own.
    public struct Shared: Codable, Sendable, Equatable {
        public var phone: String?
        public var location: String?

        public init(phone: String? = nil, location: String? = nil) {
            self.phone = phone
            self.location = location
        }

        enum CodingKeys: String, CodingKey {
            case phone = "telefono"
            case location = "ubicacion"
        }
    }

    public var chatId: String
    /// Where the reply goes: HTTP (read from the job, or a callback) or Telegram.
    public var channel: Channel
    public var kind: MessageKind
    /// What the customer wrote (a photo's caption, a voice note's words); may be empty
    /// for a photo.
    public var message: String
    /// What was read from the customer's photo (empty text: nothing readable).
    public var readText: ReadText?
    public var shared: Shared?
    /// When the front end accepted the message (ms since 1970).
    public var receivedMs: Int
    /// For a photo or voice note read into this message: its key in the blob store, kept in
    /// the chat's history so the console can show the photo beside what was read from it.
    public var blob: String?

    public init(
        chatId: String, channel: Channel, kind: MessageKind = .text, message: String, readText: ReadText? = nil,
        shared: Shared? = nil, receivedMs: Int, blob: String? = nil
    ) {
        self.chatId = chatId
        self.channel = channel
        self.kind = kind
        self.message = message
        self.readText = readText
        self.shared = shared
        self.receivedMs = receivedMs
        self.blob = blob
    }

    /// The message as the chat's history shows it: the caption, then what the photo says
    /// under a marker naming how it was read.
    public var historyText: String {
        if let shared {
            let parts = [
                message.isEmpty ? nil : message, shared.phone.map { "[Comparte su número: \($0)]" }, shared.location,
            ]
            return parts.compactMap { $0 }.joined(separator: "\n")
        }
        guard let readText else { return message }
        let marker: String
        switch readText.origin {
        case .ocr: marker = readText.text.isEmpty ? "[Foto sin texto legible]" : "[Foto, texto leído]"
        case .description: marker = readText.text.isEmpty ? "[Foto sin texto legible]" : "[Foto, descripción]"
        case .transcription: marker = "[Nota de voz sin palabras reconocibles]"
        }
        guard !readText.text.isEmpty else { return message.isEmpty ? marker : message + "\n" + marker }
        return message.isEmpty ? "\(marker)\n\(readText.text)" : "\(message)\n\(marker)\n\(readText.text)"
    }

    public var orderingKey: String? { chatId }

    /// The longest chat message, in characters: `POST /chat/texto` refuses longer ones (422)
    /// and the reply worker reads only this much of any message (a Telegram text, a photo's
    /// text, a transcription), so no message costs the agent more than this.
    public static let maxLength = 4_000

    /// What the agent reads of `text`: at most `maxLength` characters.
    public static func readable(_ text: String) -> String {
        text.utf8.count <= maxLength ? text : String(text.prefix(maxLength))
    }

    /// Written by hand: one per chat message, the front end's hottest encoding (same text
    /// as `JobCoding.encode`, keys sorted).
    public func encodedPayload() throws -> String {
        if readText != nil || shared != nil { return try JobCoding.encode(self) }
        var writer = JSONObjectWriter(capacity: 96 + message.utf8.count + chatId.utf8.count)
        if let blob { writer.add("blob", blob) }
        writer.add("canal", channel.rawValue)
        writer.add("chat_id", chatId)
        writer.add("mensaje", message)
        writer.add("recibido_ms", receivedMs)
        writer.add("tipo", kind.rawValue)
        return writer.finish()
    }

    enum CodingKeys: String, CodingKey {
        case chatId = "chat_id"
        case channel = "canal"
        case kind = "tipo"
        case message = "mensaje"
        case readText = "leido"
        case shared = "compartido"
        case receivedMs = "recibido_ms"
        case blob
    }
}
