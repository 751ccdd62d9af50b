import Tracing

/// A span's identity as W3C Trace Context writes it in a `traceparent` header
/// (`00-<32 hex trace id>-<16 hex span id>-<2 hex flags>`): what travels in the job envelope
/// (field `tp` of the job record) and in HTTP headers, and what the current span puts in
/// the task's `ServiceContext`.
public struct TraceParent: Sendable, Hashable {
    public var traceIdHigh: UInt64
    public var traceIdLow: UInt64
    public var spanId: UInt64
    /// The `sampled` flag: a span under an unsampled parent is not recorded.
    public var sampled: Bool

    public init(traceIdHigh: UInt64, traceIdLow: UInt64, spanId: UInt64, sampled: Bool = true) {
        self.traceIdHigh = traceIdHigh
        self.traceIdLow = traceIdLow
        self.spanId = spanId
        self.sampled = sampled
    }

    /// Reads a header value; nil for anything that is not a valid traceparent (wrong length,
    /// upper-case or non-hex digits, version ff, all-zero ids). Linear, never traps. A later
    /// version is read by its first 55 characters when a `-` follows them, as the spec asks.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8.prefix(56))
        guard bytes.count >= 55, bytes[2] == 0x2D, bytes[35] == 0x2D, bytes[52] == 0x2D else { return nil }
        guard let version = Self.hex(bytes[0..<2]), version != 0xFF else { return nil }
        if version == 0 {
            guard bytes.count == 55, text.utf8.count == 55 else { return nil }
        } else if bytes.count > 55 && bytes[55] != 0x2D {
            return nil
        }
        guard let high = Self.hex(bytes[3..<19]), let low = Self.hex(bytes[19..<35]),
            let span = Self.hex(bytes[36..<52]), let flags = Self.hex(bytes[53..<55]),
            high != 0 || low != 0, span != 0
        else { return nil }
        self.init(traceIdHigh: high, traceIdLow: low, spanId: span, sampled: flags & 1 == 1)
    }

    /// The header value (version 00).
    public var header: String { "00-\(traceIdHex)-\(spanIdHex)-\(sampled ? "01" : "00")" }

    /// 32 lower-case hex digits, as OTLP's JSON and log lines show it.
    public var traceIdHex: String { Self.hex(traceIdHigh) + Self.hex(traceIdLow) }
    /// 16 lower-case hex digits.
    public var spanIdHex: String { Self.hex(spanId) }

    /// The same trace with another span.
    func child(spanId: UInt64) -> TraceParent {
        TraceParent(traceIdHigh: traceIdHigh, traceIdLow: traceIdLow, spanId: spanId, sampled: sampled)
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Lower-case hex only (the spec forbids upper case); nil for anything else.
    private static func hex(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        var value: UInt64 = 0
        for byte in bytes {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }
}

/// Where the current span's identity lives in a `ServiceContext`.
public enum TraceParentKey: ServiceContextKey {
    public typealias Value = TraceParent
    public static var nameOverride: String? { "traceparent" }
}

extension ServiceContext {
    /// The identity of the span this context belongs to, if any.
    public var traceParent: TraceParent? {
        get { self[TraceParentKey.self] }
        set { self[TraceParentKey.self] = newValue }
    }
}
