import Foundation
import HTTPTypes
import Support

/// The API's contract: `Resources/openapi.json` (OpenAPI 3.1), checked in and served as is at
/// `GET /openapi.json`, rendered at `GET /docs`, and read by the front end itself: the query
/// parameters each operation declares are the only ones it accepts (`QueryParameterMiddleware`),
/// and a known path called with another method is a 405 naming the methods it has. Tests keep
/// it true: every route of the router is in it and nothing else (`APIDocumentTests`), and
/// Schemathesis checks the running server against it (`ops/test-api`).
struct APIDocument: Sendable {
    /// One method on one path.
    struct Operation: Sendable {
        var method: HTTPRequest.Method
        /// The path template as written in the document, e.g. `/pedidos/{id}`.
        var path: String
        /// The names of its query parameters.
        var queryParameters: Set<String>
        var raw: JSONValue
    }

    /// The document's bytes, exactly as checked in.
    let data: Data
    let root: JSONValue
    let operations: [Operation]

    static let methods: [(String, HTTPRequest.Method)] = [
        ("get", .get), ("post", .post), ("put", .put), ("delete", .delete), ("patch", .patch),
    ]

    init(data: Data) throws {
        self.data = data
        root = try JSONDecoder().decode(JSONValue.self, from: data)
        var operations: [Operation] = []
        guard case .object(let paths) = root["paths"] ?? .null else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "sin paths"))
        }
        for (path, item) in paths {
            for (name, method) in Self.methods {
                guard let operation = item[name] else { continue }
                var names = Set<String>()
                for parameter in Self.array(operation["parameters"]) {
                    let resolved = Self.resolve(parameter, in: root)
                    if case .string("query") = resolved["in"], case .string(let name) = resolved["name"] {
                        names.insert(name)
                    }
                }
                operations.append(Operation(method: method, path: path, queryParameters: names, raw: operation))
            }
        }
        self.operations = operations
    }

    /// The checked-in document (`Resources/openapi.json`), read once.
    static let shared: APIDocument = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
            let data = try? Data(contentsOf: url), let document = try? APIDocument(data: data)
        else { fatalError("Falta o no se puede leer Resources/openapi.json del front end") }
        return document
    }()

    /// The operation for a method and a router path (`/pedidos/{id}`, as Hummingbird writes it).
    func operation(_ method: HTTPRequest.Method, routerPath: String) -> Operation? {
        let path = Self.normalized(routerPath)
        let method: HTTPRequest.Method = method == .head ? .get : method
        return operations.first { $0.method == method && $0.path == path }
    }

    /// The methods the document gives a concrete path (`/pedidos/12`): those of the template
    /// the router would pick (segment by segment, a literal segment before a parameter, so
    /// `/clientes/buscar` is not `/clientes/{cedula}`); empty when no template matches.
    func methods(forConcretePath path: String) -> [HTTPRequest.Method] {
        let segments = Self.segments(path)
        var best: (template: [Substring], methods: [HTTPRequest.Method])?
        for operation in operations {
            let template = Self.segments(operation.path)
            guard template.count == segments.count,
                zip(template, segments).allSatisfy({ $0.hasPrefix("{") || $0 == $1 })
            else { continue }
            if let current = best, current.template == template {
                best?.methods.append(operation.method)
            } else if best.map({ Self.isMoreSpecific(template, than: $0.template) }) ?? true {
                best = (template, [operation.method])
            }
        }
        return best?.methods ?? []
    }

    /// At the first segment where they differ, a literal beats a parameter.
    private static func isMoreSpecific(_ template: [Substring], than other: [Substring]) -> Bool {
        for (mine, theirs) in zip(template, other) where mine != theirs {
            return !mine.hasPrefix("{") && theirs.hasPrefix("{")
        }
        return false
    }

    /// `/pedidos/{id}` from Hummingbird's `/pedidos/{id}` or `pedidos/:id` spellings.
    static func normalized(_ path: String) -> String {
        "/"
            + segments(path).map { segment in
                segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : segment
            }.joined(separator: "/")
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// A `$ref` to `#/components/…` replaced by what it names (one level).
    static func resolve(_ value: JSONValue, in root: JSONValue) -> JSONValue {
        guard case .string(let reference) = value["$ref"], reference.hasPrefix("#/") else { return value }
        var node: JSONValue? = root
        for key in reference.dropFirst(2).split(separator: "/") { node = node?[String(key)] }
        return node ?? value
    }

    static func array(_ value: JSONValue?) -> [JSONValue] {
        if case .array(let items) = value ?? .null { items } else { [] }
    }
}
