import Foundation
import Hummingbird

extension Request {
    /// Reads a JSON body of at most `limit` bytes into `T`, with errors that tell the
    /// caller in Spanish which field is wrong. `fastPath` may read the commonest shape of the
    /// body by hand; when it returns nil, `JSONDecoder` decides (and words the errors).
    func decodeJSON<T: Decodable>(
        _ type: T.Type, limit: Int = 64 * 1024, fastPath: ((UnsafeRawBufferPointer) -> T?)? = nil
    ) async throws -> T {
        var request = self
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw APIError(.bodyTooLarge, "El cuerpo supera el máximo de \(limit / 1024) KB.")
        }
        guard buffer.readableBytes > 0 else {
            throw APIError.badRequest("El cuerpo está vacío; se esperaba un objeto JSON.")
        }
        if let fastPath, let value = buffer.withUnsafeReadableBytes(fastPath) { return value }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch DecodingError.keyNotFound(let key, let context) {
            throw APIError.badRequest("Falta el campo \"\(Self.path(context.codingPath + [key]))\".")
        } catch DecodingError.typeMismatch(let expected, let context) {
            throw APIError.badRequest(
                "El campo \"\(Self.path(context.codingPath))\" debe ser \(Self.describe(expected)).")
        } catch DecodingError.valueNotFound(let expected, let context) {
            throw APIError.badRequest(
                "El campo \"\(Self.path(context.codingPath))\" no puede ser null; debe ser \(Self.describe(expected)).")
        } catch {
            throw APIError.badRequest("El cuerpo no es JSON válido.")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "(raíz)" : keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "un texto"
        case is Int.Type, is Int64.Type: "un número entero"
        case is Double.Type: "un número"
        case is Bool.Type: "true o false"
        case is [Any].Type: "una lista"
        default: "un objeto"
        }
    }
}
