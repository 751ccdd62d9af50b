import Foundation
import Hummingbird
import SpanishText

extension Request {
    /// A query parameter with surrounding blanks removed; nil when absent or blank.
    func query(_ name: String) -> String? {
        guard let raw = uri.queryParameters.get(name) else { return nil }
        let value = raw.trimmed
        return value.isEmpty ? nil : value
    }

    /// An optional boolean query parameter (`true|false|1|0|si|no`).
    func boolQuery(_ name: String) throws -> Bool? {
        guard let raw = query(name) else { return nil }
        switch TextFold.fold(raw) {
        case "true", "1", "si", "yes": return true
        case "false", "0", "no": return false
        default: throw APIError.badRequest("El parámetro \(name) debe ser true o false.")
        }
    }
}

extension AppRequestContext {
    /// The numeric id in the path (`{id}`); 404 when it cannot be one.
    func pathId(_ name: String = "id", resource: String) throws -> Int64 {
        let raw = parameters.get(name) ?? ""
        guard let id = Int64(raw), id > 0 else {
            throw APIError.notFound("No existe \(resource) \(raw).")
        }
        return id
    }

    func pathString(_ name: String) -> String {
        (parameters.get(name) ?? "").removingPercentEncoding ?? ""
    }
}

/// `{"resultado": "..."}` bodies for deletions and similar acknowledgements.
struct Outcome: Encodable {
    var result: String

    enum CodingKeys: String, CodingKey {
        case result = "resultado"
    }
}
