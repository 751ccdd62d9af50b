/// Reads the commonest chat body, a flat JSON object whose values are all strings and whose
/// keys are all expected (`{"chat_id":"…","mensaje":"…"}`), without `JSONDecoder`: on the
/// hottest route the general decoder cost more than everything else the handler does.
/// Anything else — another key, a repeated key, a value that is not a string, a `\u` escape,
/// a control character, bad UTF-8, trailing bytes — returns nil, and the caller decodes with
/// `JSONDecoder`, whose answers (and Spanish error messages) stay the reference.
enum FlatJSONStrings {
    static func parse(_ bytes: UnsafeRawBufferPointer, keys: Set<String>) -> [String: String]? {
        var reader = Reader(bytes: bytes)
        var values: [String: String] = [:]
        reader.skipSpace()
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        reader.skipSpace()
        if reader.take(UInt8(ascii: "}")) { return reader.atEndAfterSpace() ? values : nil }
        while true {
            guard let key = reader.string(), keys.contains(key), values[key] == nil else { return nil }
            reader.skipSpace()
            guard reader.take(UInt8(ascii: ":")) else { return nil }
            reader.skipSpace()
            guard let value = reader.string() else { return nil }
            values[key] = value
            reader.skipSpace()
            if reader.take(UInt8(ascii: ",")) {
                reader.skipSpace()
                continue
            }
            guard reader.take(UInt8(ascii: "}")) else { return nil }
            return reader.atEndAfterSpace() ? values : nil
        }
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func atEndAfterSpace() -> Bool {
            skipSpace()
            return index == bytes.count
        }

        /// A JSON string with only the short escapes; nil for anything else.
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            var out: [UInt8] = []
            var start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    out.append(contentsOf: bytes[start..<index])
                    index += 1
                    return String(validating: out, as: UTF8.self)
                }
                if byte < 0x20 { return nil }
                if byte == UInt8(ascii: "\\") {
                    out.append(contentsOf: bytes[start..<index])
                    guard index + 1 < bytes.count else { return nil }
                    switch bytes[index + 1] {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    default: return nil  // \u and anything unknown: the general decoder
                    }
                    index += 2
                    start = index
                    continue
                }
                index += 1
            }
            return nil
        }
    }
}
