/// Chat ids as stored, scoped by who may write to them (issue 16, finding 3). HTTP channels
/// each have their own namespace: channel `widget` sending `chat_id` "abc" writes to the
/// stored chat `h:widget:abc`, and channel `tienda` sending "abc" to `h:tienda:abc`, so no
/// channel can join, read or take another's chat. Telegram's chats (`tg:<id>`) come only
/// from Telegram. A channel keeps sending and seeing its own ids (`external`).
///
/// The subject is written with every byte outside `A–Z a–z 0–9 _ . @ -` as `%XX`, so it never
/// holds a `:`; the chat part is everything after the first `:` that follows `h:` (a
/// channel's own ids may hold `:`).
public enum ChatScope {
    public static let httpPrefix = "h:"
    /// Stored chat ids are at most this long (`mensajes.chat_id`'s CHECK).
    public static let maxStoredLength = 200
    public static let telegramPrefix = "tg:"

    /// The stored id of chat `chatId` of the HTTP channel whose token subject is `subject`.
    public static func scoped(_ chatId: String, channel subject: String) -> String {
        httpPrefix + encode(subject) + ":" + chatId
    }

    /// The channel subject and the channel's own chat id of a stored HTTP chat id; nil for
    /// a Telegram chat or an id of no channel.
    public static func split(_ stored: String) -> (subject: String, chatId: String)? {
        guard stored.hasPrefix(httpPrefix) else { return nil }
        let rest = stored.dropFirst(httpPrefix.count)
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        guard let subject = decode(rest[..<colon]) else { return nil }
        return (subject, String(rest[rest.index(after: colon)...]))
    }

    /// The id as its channel knows it: the chat part of an HTTP chat, else the id itself.
    public static func external(_ stored: String) -> String {
        split(stored)?.chatId ?? stored
    }

    /// The token subject of the HTTP channel a stored chat belongs to, if any.
    public static func channelSubject(_ stored: String) -> String? {
        split(stored)?.subject
    }

    public static func isTelegram(_ chatId: String) -> Bool {
        chatId.hasPrefix(telegramPrefix)
    }

    static func isPlain(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x5F || byte == 0x2E || byte == 0x40 || byte == 0x2D
    }

    static func encode(_ subject: String) -> String {
        guard !subject.utf8.allSatisfy(isPlain) else { return subject }
        var out = ""
        for byte in subject.utf8 {
            if isPlain(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out +=
                    "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return out
    }

    static func decode(_ text: Substring) -> String? {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x25 {
                let first = utf8.index(after: index)
                guard first < utf8.endIndex else { return nil }
                let second = utf8.index(after: first)
                guard second < utf8.endIndex,
                    let value = UInt8(String(decoding: [utf8[first], utf8[second]], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(value)
                index = utf8.index(after: second)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
