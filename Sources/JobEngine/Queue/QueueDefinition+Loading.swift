import Foundation
import Support

/// A queue file that could not be used; the message names the file and the field.
public struct QueueDefinitionError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var field: String
    public var problem: String

    public var description: String { "\(file): campo \"\(field)\" \(problem)" }

    package init(file: String, field: String, problem: String) {
        self.file = file
        self.field = field
        self.problem = problem
    }
}

extension QueueDefinition {
    /// Parses and validates one queue file's JSON.
    public static func parse(_ data: Data, file: String) throws(QueueDefinitionError) -> QueueDefinition {
        guard let parsed = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw QueueDefinitionError(file: file, field: "(raíz)", problem: "no es JSON válido")
        }
        guard case .object(let object) = parsed else {
            throw QueueDefinitionError(file: file, field: "(raíz)", problem: "debe ser un objeto JSON")
        }
        let reader = FieldReader(file: file, object: object)
        let backoff = try reader.object("backoff")
        let retention = try reader.object("retention")
        let concurrency = try reader.int("concurrency", in: 1...10_000)
        let definition = QueueDefinition(
            name: try reader.string("name"),
            concurrency: concurrency,
            cpuConcurrency: try reader.optionalInt("cpu_concurrency", in: 1...concurrency) ?? concurrency,
            batchSize: try reader.int("batch_size", in: 1...1_000),
            maxAttempts: try reader.int("max_attempts", in: 1...100),
            backoff: Backoff(
                baseMs: try backoff.int("base_ms", in: 1...3_600_000),
                capMs: try backoff.int("cap_ms", in: 1...86_400_000),
                jitter: try backoff.double("jitter", in: 0...1)
            ),
            visibilityTimeoutMs: try reader.int("visibility_timeout_ms", in: 500...86_400_000),
            maxRunMs: try reader.optionalInt("max_run_s", in: 1...7 * 86_400).map { $0 * 1000 },
            orderingKey: try reader.optionalString("ordering_key"),
            rateLimitPerSecond: try reader.int("rate_limit_per_s", in: 0...1_000_000),
            idempotencyWindowSeconds: try reader.int("idempotency_window_s", in: 1...30 * 86_400),
            completedRetentionSeconds: try retention.int("completed_s", in: 1...90 * 86_400),
            deadRetentionSeconds: try retention.int("dead_s", in: 1...365 * 86_400)
        )
        let expected = (file as NSString).lastPathComponent
        guard expected == "\(definition.name).json" else {
            throw QueueDefinitionError(file: file, field: "name", problem: "debe coincidir con el nombre del archivo")
        }
        guard definition.name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw QueueDefinitionError(file: file, field: "name", problem: "solo admite letras, números, - y _")
        }
        guard definition.backoff.capMs >= definition.backoff.baseMs else {
            throw QueueDefinitionError(file: file, field: "backoff.cap_ms", problem: "debe ser ≥ backoff.base_ms")
        }
        return definition
    }
}

/// Typed access to a JSON object's fields with errors that name file and field.
private struct FieldReader {
    var file: String
    var object: [String: JSONValue]
    var prefix = ""

    func fail(_ field: String, _ problem: String) -> QueueDefinitionError {
        QueueDefinitionError(file: file, field: prefix + field, problem: problem)
    }

    func string(_ field: String) throws(QueueDefinitionError) -> String {
        guard let value = object[field] else { throw fail(field, "falta") }
        guard case .string(let text) = value, !text.isEmpty else { throw fail(field, "debe ser un texto no vacío") }
        return text
    }

    func optionalString(_ field: String) throws(QueueDefinitionError) -> String? {
        guard let value = object[field], value != .null else { return nil }
        guard case .string(let text) = value, !text.isEmpty else { throw fail(field, "debe ser un texto o null") }
        return text
    }

    func int(_ field: String, in range: ClosedRange<Int>) throws(QueueDefinitionError) -> Int {
        guard let value = object[field] else { throw fail(field, "falta") }
        let int: Int
        switch value {
        case .integer(let number): int = number
        case .number(let number) where number == number.rounded() && abs(number) < 1e15: int = Int(number)
        default: throw fail(field, "debe ser un número entero")
        }
        guard range.contains(int) else {
            throw fail(field, "debe estar entre \(range.lowerBound) y \(range.upperBound) (es \(int))")
        }
        return int
    }

    func optionalInt(_ field: String, in range: ClosedRange<Int>) throws(QueueDefinitionError) -> Int? {
        guard let value = object[field], value != .null else { return nil }
        return try int(field, in: range)
    }

    func double(_ field: String, in range: ClosedRange<Double>) throws(QueueDefinitionError) -> Double {
        guard let value = object[field] else { throw fail(field, "falta") }
        let number: Double
        switch value {
        case .integer(let whole): number = Double(whole)
        case .number(let fraction): number = fraction
        default: throw fail(field, "debe ser un número")
        }
        guard range.contains(number) else {
            throw fail(field, "debe estar entre \(range.lowerBound) y \(range.upperBound)")
        }
        return number
    }

    func object(_ field: String) throws(QueueDefinitionError) -> FieldReader {
        guard let value = object[field] else { throw fail(field, "falta") }
        guard case .object(let nested) = value else { throw fail(field, "debe ser un objeto") }
        return FieldReader(file: file, object: nested, prefix: prefix + field + ".")
    }
}
