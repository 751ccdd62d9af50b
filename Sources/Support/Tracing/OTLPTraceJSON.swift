import Foundation
import Tracing

/// An OTLP `ExportTraceServiceRequest` in OTLP/HTTP's JSON encoding (the protobuf JSON mapping
/// with OTLP's exceptions): lowerCamelCase field names, trace and span ids as hex strings,
/// 64-bit integers (times in Unix nanoseconds, `intValue`) as strings, enums as numbers.
/// One resource (`service.name` = the process) and one instrumentation scope.
public enum OTLPTraceJSON {
    public static func encode(_ spans: [FinishedSpan], serviceName: String, scope: String = "vendedor") -> Data {
        let request = Request(resourceSpans: [
            ResourceSpans(
                resource: Resource(attributes: [KeyValue(key: "service.name", value: .string(serviceName))]),
                scopeSpans: [ScopeSpans(scope: Scope(name: scope), spans: spans.map(Span.init))])
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(request)) ?? Data("{\"resourceSpans\":[]}".utf8)
    }

    struct Request: Encodable {
        var resourceSpans: [ResourceSpans]
    }

    struct ResourceSpans: Encodable {
        var resource: Resource
        var scopeSpans: [ScopeSpans]
    }

    struct Resource: Encodable {
        var attributes: [KeyValue]
    }

    struct ScopeSpans: Encodable {
        var scope: Scope
        var spans: [Span]
    }

    struct Scope: Encodable {
        var name: String
    }

    struct Span: Encodable {
        var traceId: String
        var spanId: String
        var parentSpanId: String?
        var flags: Int
        var name: String
        var kind: Int
        var startTimeUnixNano: String
        var endTimeUnixNano: String
        var attributes: [KeyValue]
        var events: [Event]
        var status: Status

        init(_ span: FinishedSpan) {
            traceId = span.identity.traceIdHex
            spanId = span.identity.spanIdHex
            parentSpanId = span.parentSpanId == 0 ? nil : TraceParent.hex(span.parentSpanId)
            flags = span.identity.sampled ? 1 : 0
            name = span.name
            kind =
                switch span.kind {
                case .internal: 1
                case .server: 2
                case .client: 3
                case .producer: 4
                case .consumer: 5
                }
            startTimeUnixNano = String(span.startNanos)
            endTimeUnixNano = String(span.endNanos)
            attributes = KeyValue.list(span.attributes)
            events = span.events.map {
                Event(
                    timeUnixNano: String($0.nanosecondsSinceEpoch), name: $0.name,
                    attributes: KeyValue.list($0.attributes))
            }
            status =
                switch span.status?.code {
                case .ok: Status(code: 1, message: span.status?.message)
                case .error: Status(code: 2, message: span.status?.message)
                case nil: Status(code: 0, message: nil)
                }
        }
    }

    struct Event: Encodable {
        var timeUnixNano: String
        var name: String
        var attributes: [KeyValue]
    }

    struct Status: Encodable {
        var code: Int
        var message: String?
    }

    struct KeyValue: Encodable {
        var key: String
        var value: AnyValue

        /// Sorted by key, so a request is the same text for the same spans.
        static func list(_ attributes: SpanAttributes) -> [KeyValue] {
            var list: [KeyValue] = []
            attributes.forEach { key, value in list.append(KeyValue(key: key, value: AnyValue(value))) }
            return list.sorted { $0.key < $1.key }
        }
    }

    /// OTLP's `AnyValue`: exactly one of its fields.
    enum AnyValue: Encodable {
        case string(String)
        case int(Int64)
        case double(Double)
        case bool(Bool)
        case array([AnyValue])

        init(_ attribute: SpanAttribute) {
            switch attribute {
            case .int32(let value): self = .int(Int64(value))
            case .int64(let value): self = .int(value)
            case .double(let value): self = .double(value)
            case .bool(let value): self = .bool(value)
            case .string(let value): self = .string(value)
            case .stringConvertible(let value): self = .string(value.description)
            case .int32Array(let values): self = .array(values.map { .int(Int64($0)) })
            case .int64Array(let values): self = .array(values.map { .int($0) })
            case .doubleArray(let values): self = .array(values.map { .double($0) })
            case .boolArray(let values): self = .array(values.map { .bool($0) })
            case .stringArray(let values): self = .array(values.map { .string($0) })
            case .stringConvertibleArray(let values): self = .array(values.map { .string($0.description) })
            @unknown default: self = .string("\(attribute)")
            }
        }

        private enum Keys: String, CodingKey {
            case stringValue, intValue, doubleValue, boolValue, arrayValue
        }

        private struct ArrayValue: Encodable {
            var values: [AnyValue]
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            switch self {
            case .string(let value): try container.encode(value, forKey: .stringValue)
            case .int(let value): try container.encode(String(value), forKey: .intValue)
            case .double(let value):
                // JSON has no NaN or infinity; the protobuf mapping writes them as strings.
                if value.isFinite {
                    try container.encode(value, forKey: .doubleValue)
                } else {
                    try container.encode(
                        value.isNaN ? "NaN" : value > 0 ? "Infinity" : "-Infinity", forKey: .doubleValue)
                }
            case .bool(let value): try container.encode(value, forKey: .boolValue)
            case .array(let values): try container.encode(ArrayValue(values: values), forKey: .arrayValue)
            }
        }
    }
}
