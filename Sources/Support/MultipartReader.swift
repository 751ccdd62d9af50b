import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Just enough of multipart/form-data (RFC 7578) to read uploads: the parts of a body with
/// their names, file names and content types. Linear in the body: each byte is looked at a
/// bounded number of times (the boundary is at most 70 characters, RFC 2046), and a part's
/// header block is at most `maxHeaderBytes`. Header parameters are read as RFC 2183 says,
/// quoted strings included, so `filename="x; name=imagen"` is a file name and never
/// renames the part (issue 16).
public enum MultipartReader {
    public struct Part: Sendable {
        public var name: String
        public var filename: String?
        public var contentType: String?
        public var data: Data

        /// The part as text (form fields are UTF-8).
        public var text: String { String(decoding: data, as: UTF8.self) }
    }

    /// A part as a place in the body (no bytes copied).
    public struct Slice: Sendable, Equatable {
        public var name: String
        public var filename: String?
        public var contentType: String?
        public var range: Range<Int>
    }

    public static let maxBoundaryLength = 70
    public static let maxHeaderBytes = 8 * 1024
    public static let maxParts = 64

    /// Why a body is not multipart/form-data this reader takes (a message for people, es-CO).
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
    }

    /// Every part, in order, with its bytes; 400 when the body is not valid multipart.
    public static func parts(in body: Data, contentType: String) throws(Failure) -> [Part] {
        let result: Result<[Part], Failure> = body.withUnsafeBytes { raw in
            Result { () throws(Failure) -> [Part] in
                try slices(in: raw, contentType: contentType).map { slice in
                    Part(
                        name: slice.name, filename: slice.filename, contentType: slice.contentType,
                        data: Data(UnsafeRawBufferPointer(rebasing: raw[slice.range])))
                }
            }
        }
        return try result.get()
    }

    /// Every part, in order, as places in `raw`; 400 when the body is not valid multipart.
    public static func slices(in raw: UnsafeRawBufferPointer, contentType: String) throws(Failure) -> [Slice] {
        guard let boundary = boundary(contentType) else {
            throw Failure(message: "Falta el boundary en Content-Type multipart/form-data.")
        }
        guard boundary.utf8.count <= maxBoundaryLength else {
            throw Failure(message: "El boundary de multipart/form-data admite máximo 70 caracteres.")
        }
        let delimiter = Array("--\(boundary)".utf8)
        let closing = Array("\r\n--\(boundary)".utf8)
        let headerEnd = Array("\r\n\r\n".utf8)
        guard var cursor = find(delimiter, in: raw, from: 0, before: raw.count)?.upperBound else {
            throw Failure(message: "El cuerpo multipart no es válido.")
        }
        var parts: [Slice] = []
        while cursor < raw.count {
            // "--" after a delimiter ends the body.
            if raw.count - cursor >= 2, raw[cursor] == 0x2D, raw[cursor + 1] == 0x2D { return parts }
            let headerLimit = min(raw.count, cursor + maxHeaderBytes + headerEnd.count)
            guard let headers = find(headerEnd, in: raw, from: cursor, before: headerLimit) else {
                throw Failure(message: "El cuerpo multipart no es válido (encabezados de parte sin fin o muy largos).")
            }
            let contentStart = headers.upperBound
            guard let next = find(closing, in: raw, from: contentStart, before: raw.count) else {
                throw Failure(message: "El cuerpo multipart no es válido (parte sin cierre).")
            }
            let head = String(
                decoding: UnsafeRawBufferPointer(rebasing: raw[cursor..<headers.lowerBound]), as: UTF8.self)
            let disposition = header("content-disposition", in: head).map(dispositionParameters) ?? [:]
            if let name = disposition["name"] {
                guard parts.count < maxParts else {
                    throw Failure(message: "El formulario multipart tiene demasiadas partes.")
                }
                parts.append(
                    Slice(
                        name: name, filename: disposition["filename"],
                        contentType: header("content-type", in: head), range: contentStart..<next.lowerBound))
            }
            cursor = next.upperBound
        }
        guard !parts.isEmpty else { throw Failure(message: "El cuerpo multipart no es válido.") }
        return parts
    }

    /// The first occurrence of `needle` starting in `start..<limit` and ending by the end of
    /// `haystack` (memchr for its first byte, then memcmp: fast on bodies of many megabytes).
    private static func find(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer, from start: Int, before limit: Int)
        -> Range<Int>?
    {
        guard let base = haystack.baseAddress, let first = needle.first else { return nil }
        let end = min(limit, haystack.count)
        return needle.withUnsafeBytes { pattern -> Range<Int>? in
            var offset = start
            while offset + pattern.count <= end {
                guard let hit = memchr(base + offset, Int32(first), end - pattern.count - offset + 1) else {
                    return nil
                }
                let position = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(hit, pattern.baseAddress!, pattern.count) == 0 { return position..<position + pattern.count }
                offset = position + 1
            }
            return nil
        }
    }

    public static func boundary(_ contentType: String) -> String? {
        guard let value = parameters(contentType)["boundary"], !value.isEmpty else { return nil }
        return value
    }

    /// The parameters after the first `;` of a header value (`form-data; name="a"`), names
    /// in lower case; quoted values may hold `;`, `=` and `\"`. The first of a repeated name
    /// wins.
    public static func parameters(_ value: String) -> [String: String] {
        var result: [String: String] = [:]
        let scalars = Array(value.unicodeScalars)
        var index = 0
        // Skip the disposition type (or media type).
        while index < scalars.count, scalars[index] != ";" {
            if scalars[index] == "\"" { index = skipQuoted(scalars, from: index) } else { index += 1 }
        }
        while index < scalars.count {
            index += 1  // the ";"
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
            var name = ""
            while index < scalars.count, scalars[index] != "=", scalars[index] != ";" {
                name.unicodeScalars.append(scalars[index])
                index += 1
            }
            var parameterValue = ""
            if index < scalars.count, scalars[index] == "=" {
                index += 1
                while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
                if index < scalars.count, scalars[index] == "\"" {
                    index += 1
                    while index < scalars.count, scalars[index] != "\"" {
                        if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
                        parameterValue.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    index += 1  // the closing quote
                    while index < scalars.count, scalars[index] != ";" { index += 1 }
                } else {
                    while index < scalars.count, scalars[index] != ";" {
                        parameterValue.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    parameterValue = parameterValue.trimmingCharacters(in: .whitespaces)
                }
            }
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if !key.isEmpty, result[key] == nil { result[key] = parameterValue }
        }
        return result
    }

    /// Index just after the quoted string starting at `start` (a `"`).
    private static func skipQuoted(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start + 1
        while index < scalars.count, scalars[index] != "\"" {
            index += scalars[index] == "\\" ? 2 : 1
        }
        return min(index + 1, scalars.count)
    }

    static func dispositionParameters(_ line: String) -> [String: String] {
        parameters(line)
    }

    /// A parameter (`name`, `filename`) of the Content-Disposition header.
    public static func parameter(_ wanted: String, in headers: String) -> String? {
        header("content-disposition", in: headers).flatMap { parameters($0)[wanted] }
    }

    /// A header's value from a part's header block.
    public static func header(_ wanted: String, in headers: String) -> String? {
        for line in headers.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == wanted {
                return pair[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
