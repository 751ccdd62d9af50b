import Foundation
import Support

/// multipart/form-data bodies as the HTTP edge reads them (`MultipartReader`): a body that
/// is not valid multipart is a 400, a missing field a 422.
package enum Multipart {
    package typealias Part = MultipartReader.Part
    package typealias Slice = MultipartReader.Slice

    /// The bytes of the part named `name`; 400 when the body is not valid multipart, 422
    /// when the field is missing.
    static func field(_ name: String, in body: Data, contentType: String) throws -> Data {
        guard let part = try parts(in: body, contentType: contentType).first(where: { $0.name == name }) else {
            throw APIError(.validation, "Falta el campo \"\(name)\" con el archivo en el formulario.")
        }
        return part.data
    }

    /// Every part, in order, with its bytes; 400 when the body is not valid multipart.
    package static func parts(in body: Data, contentType: String) throws -> [Part] {
        do {
            return try MultipartReader.parts(in: body, contentType: contentType)
        } catch {
            throw APIError.badRequest(error.message)
        }
    }

    /// Every part as places in `raw`; 400 when the body is not valid multipart.
    static func slices(in raw: UnsafeRawBufferPointer, contentType: String) throws -> [Slice] {
        do {
            return try MultipartReader.slices(in: raw, contentType: contentType)
        } catch {
            throw APIError.badRequest(error.message)
        }
    }

    static func parameters(_ value: String) -> [String: String] { MultipartReader.parameters(value) }
}
