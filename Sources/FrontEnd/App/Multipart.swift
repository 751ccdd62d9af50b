import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Just enough of multipart/form-data (RFC 7578) for uploads: the parts of a body with
/// their names, file names and content types.
enum Multipart {
    struct Part {
        var name: String
        var filename: String?
        var contentType: String?
        var data: Data

        /// The part as text (form fields are UTF-8).
        var text: String { String(decoding: data, as: UTF8.self) }
    }

    /// The bytes of the part named `name`; 400 when the body is not valid multipart, 422
    /// when the field is missing.
    static func field(_ name: String, in body: Data, contentType: String) throws -> Data {
        guard let part = try parts(in: body, contentType: contentType).first(where: { $0.name == name }) else {
            throw APIError(.validation, "Falta el campo \"\(name)\" con el archivo en el formulario.")
        }
        return part.data
    }

    /// Every part, in order; 400 when the body is not valid multipart.
    static func parts(in body: Data, contentType: String) throws -> [Part] {
        guard let boundary = boundary(contentType) else {
            throw APIError.badRequest("Falta el boundary en Content-Type multipart/form-data.")
        }
        let delimiter = Array("--\(boundary)".utf8)
        let closing = Array("\r\n--\(boundary)".utf8)
        let headerEnd = Array("\r\n\r\n".utf8)
        return try body.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [Part] in
            guard var cursor = find(delimiter, in: raw, from: 0)?.upperBound else {
                throw APIError.badRequest("El cuerpo multipart no es válido.")
            }
            var parts: [Part] = []
            while cursor < raw.count {
                // "--" after a delimiter ends the body.
                if raw.count - cursor >= 2, raw[cursor] == 0x2D, raw[cursor + 1] == 0x2D { return parts }
                guard let headers = find(headerEnd, in: raw, from: cursor) else { break }
                let contentStart = headers.upperBound
                guard let next = find(closing, in: raw, from: contentStart) else {
                    throw APIError.badRequest("El cuerpo multipart no es válido (parte sin cierre).")
                }
                let head = String(
                    decoding: UnsafeRawBufferPointer(rebasing: raw[cursor..<headers.lowerBound]), as: UTF8.self)
                if let name = parameter("name", in: head) {
                    parts.append(
                        Part(
                            name: name, filename: parameter("filename", in: head),
                            contentType: header("content-type", in: head),
                            data: Data(UnsafeRawBufferPointer(rebasing: raw[contentStart..<next.lowerBound]))))
                }
                cursor = next.upperBound
            }
            guard !parts.isEmpty else { throw APIError.badRequest("El cuerpo multipart no es válido.") }
            return parts
        }
    }

    /// The first occurrence of `needle` at or after `start` (memchr for its first byte, then
    /// memcmp: fast on bodies of many megabytes).
    private static func find(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer, from start: Int) -> Range<Int>? {
        guard let base = haystack.baseAddress, let first = needle.first else { return nil }
        return needle.withUnsafeBytes { pattern -> Range<Int>? in
            var offset = start
            while offset + pattern.count <= haystack.count {
                guard let hit = memchr(base + offset, Int32(first), haystack.count - pattern.count - offset + 1) else {
                    return nil
                }
                let position = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(hit, pattern.baseAddress!, pattern.count) == 0 { return position..<position + pattern.count }
                offset = position + 1
            }
            return nil
        }
    }

    static func boundary(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    /// A parameter (`name`, `filename`) of the Content-Disposition header.
    static func parameter(_ wanted: String, in headers: String) -> String? {
        guard let line = header("content-disposition", in: headers) else { return nil }
        for parameter in line.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == wanted {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// A header's value from a part's header block.
    static func header(_ wanted: String, in headers: String) -> String? {
        for line in headers.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == wanted {
                return pair[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
