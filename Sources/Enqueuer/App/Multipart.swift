import Foundation

/// Just enough of multipart/form-data (RFC 7578) to pull one field out of an upload.
enum Multipart {
    /// The bytes of the part named `name`; 400 when the body is not valid multipart, 422
    /// when the field is missing.
    static func field(_ name: String, in body: Data, contentType: String) throws -> Data {
        guard let boundary = boundary(contentType) else {
            throw APIError.badRequest("Falta el boundary en Content-Type multipart/form-data.")
        }
        let delimiter = Data("--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var cursor = body.startIndex
        guard let first = body.range(of: delimiter, in: cursor..<body.endIndex) else {
            throw APIError.badRequest("El cuerpo multipart no es válido.")
        }
        cursor = first.upperBound
        while cursor < body.endIndex {
            // "--" after a delimiter ends the body.
            if body[cursor...].starts(with: Data("--".utf8)) { break }
            guard let headersRange = body.range(of: headerEnd, in: cursor..<body.endIndex) else { break }
            let headers = String(decoding: body[cursor..<headersRange.lowerBound], as: UTF8.self)
            let contentStart = headersRange.upperBound
            guard let next = body.range(of: Data("\r\n".utf8) + delimiter, in: contentStart..<body.endIndex) else {
                throw APIError.badRequest("El cuerpo multipart no es válido (parte sin cierre).")
            }
            if partName(headers) == name {
                return Data(body[contentStart..<next.lowerBound])
            }
            cursor = next.upperBound
        }
        throw APIError(
            .unprocessableContent, "validacion", "Falta el campo \"\(name)\" con el archivo en el formulario.")
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

    /// The `name` of a part from its Content-Disposition header.
    static func partName(_ headers: String) -> String? {
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition") {
            for parameter in line.split(separator: ";").dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0].lowercased() == "name" {
                    return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                }
            }
        }
        return nil
    }
}
