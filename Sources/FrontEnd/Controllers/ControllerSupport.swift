import Foundation
import Hummingbird
import Shop
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

extension Request {
    /// The old backend's names for the date filters, each accepted for ours.
    static let dateFilterAliases = ["fecha_desde": "desde", "fecha_hasta": "hasta"]

    /// `desde` / `hasta` (days or instants), also under the old names `fecha_desde` /
    /// `fecha_hasta`; both names with different values is a 422.
    func period() throws -> (since: String?, until: String?) {
        (try dateFilter("desde"), try dateFilter("hasta"))
    }

    /// The 422 for a filter sent under both of its names with different values.
    static func conflictingAlias(_ alias: String, of name: String) -> APIError {
        APIError(
            .validation, "«\(name)» y «\(alias)» son el mismo filtro y traen valores distintos; envíe solo uno.",
            fields: [ValidationError(field: alias, message: "No coincide con «\(name)».")])
    }

    private func dateFilter(_ name: String) throws -> String? {
        let alias = Self.dateFilterAliases.first { $0.value == name }!.key
        switch (query(name), query(alias)) {
        case (let value?, let old?) where value != old:
            throw Self.conflictingAlias(alias, of: name)
        case (let value, let old):
            return value ?? old
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
