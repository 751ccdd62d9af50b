/// Reads the commonest chat body, a flat JSON object whose values are all strings and whose
/// keys are all expected (`{"chat_id":"…","mensaje":"…"}`), without `JSONDecoder`: on the
/// hottest route the general decoder cost more than everything else the handler does.
/// Anything else — another key, a repeated key, a value that is not a string, a `\u` escape,
/// a control character, bad UTF-8, trailing bytes — returns nil, and the caller decodes with
/// `JSONDecoder`, whose answers (and Spanish error messages) stay the reference.
enum FlatJSONStrings {
    /// The values of `keys`, in their order, when the object has exactly these keys, once
    /// each, all strings; nil otherwise.
    static func parse(_ bytes: UnsafeRawBufferPointer, keys: [StaticString]) -> [String]? {
        var reader = Reader(bytes: bytes)
        var values = [String?](repeating: nil, count: keys.count)
        var found = 0
        reader.skipSpace()
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        reader.skipSpace()
        while found < keys.count {
            guard let slot = reader.key(among: keys), values[slot] == nil else { return nil }
            reader.skipSpace()
            guard reader.take(UInt8(ascii: ":")) else { return nil }
            reader.skipSpace()
            guard let value = reader.string() else { return nil }
            values[slot] = value
            found += 1
            reader.skipSpace()
            if found < keys.count {
                guard reader.take(UInt8(ascii: ",")) else { return nil }
                reader.skipSpace()
            }
        }
        guard reader.take(UInt8(ascii: "}")), reader.atEndAfterSpace() else { return nil }
        return values.map { $0! }
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
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

        /// A key written plainly (no escapes) that is one of `keys`: its index.
        mutating func key(among keys: [StaticString]) -> Int? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") { return nil }
                index += 1
            }
            guard index < bytes.count else { return nil }
            let name = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
            index += 1
            return keys.firstIndex { key in
                key.withUTF8Buffer { $0.count == name.count && $0.elementsEqual(name) }
            }
        }

        /// A JSON string with only the short escapes; nil for anything else.
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            var out: [UInt8] = []
            var escaped = false
            var start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    defer { index += 1 }
                    guard escaped else {  // the usual case: the bytes as they are
                        return String(validating: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    }
                    out.append(contentsOf: bytes[start..<index])
                    return String(validating: out, as: UTF8.self)
                }
                if byte < 0x20 { return nil }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
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
