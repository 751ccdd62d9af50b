import Foundation
import Integrations
import Logging
import Support

/// Trace export, from OpenTelemetry's standard settings: on when `OTEL_EXPORTER_OTLP_ENDPOINT`
/// (spans go to `{endpoint}/v1/traces`) or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (used as
/// given) is set, off otherwise — then nothing is recorded at all. Only OTLP/HTTP with the
/// JSON encoding is spoken: `OTEL_EXPORTER_OTLP_PROTOCOL` other than `http/json` stops the
/// process at start. `OTEL_SERVICE_NAME` (default: the process, `vendedor-enqueuer` or
/// `vendedor-workers`), `OTEL_EXPORTER_OTLP_HEADERS` (`key=value,…`),
/// `OTEL_EXPORTER_OTLP_TIMEOUT` (ms, 10000), `OTEL_BSP_SCHEDULE_DELAY` (ms between exports,
/// 1000), `OTEL_BSP_MAX_QUEUE_SIZE` (spans kept waiting, 2048; more are dropped and counted),
/// `OTEL_BSP_MAX_EXPORT_BATCH_SIZE` (512), `OTEL_SDK_DISABLED=true` (off).
public struct TracingConfig: Sendable {
    public var url: String
    public var serviceName: String?
    public var headers: [(String, String)] = []
    public var timeoutMs = 10_000
    public var intervalMs = 1_000
    public var queueSize = 2_048
    public var batchSize = 512

    public init(url: String, serviceName: String? = nil) {
        self.url = url
        self.serviceName = serviceName
    }

    /// nil when no endpoint is set (or `OTEL_SDK_DISABLED=true`).
    public static func from(_ env: Environment) throws(ConfigError) -> TracingConfig? {
        if env.string("OTEL_SDK_DISABLED", default: "false").lowercased() == "true" { return nil }
        let url: String
        if let traces = env["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"], !traces.isEmpty {
            url = try checkedURL(traces, setting: "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
        } else if let base = env["OTEL_EXPORTER_OTLP_ENDPOINT"], !base.isEmpty {
            let checked = try checkedURL(base, setting: "OTEL_EXPORTER_OTLP_ENDPOINT")
            url = (checked.hasSuffix("/") ? String(checked.dropLast()) : checked) + "/v1/traces"
        } else {
            return nil
        }
        let protocolName = env.string(
            "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL",
            default: env.string("OTEL_EXPORTER_OTLP_PROTOCOL", default: "http/json"))
        guard protocolName == "http/json" else {
            throw ConfigError(
                setting: "OTEL_EXPORTER_OTLP_PROTOCOL",
                problem: "solo se admite http/json (OTLP sobre HTTP con JSON), no \(protocolName)")
        }
        var config = TracingConfig(url: url, serviceName: env["OTEL_SERVICE_NAME"].flatMap { $0.isEmpty ? nil : $0 })
        config.headers = try headers(env["OTEL_EXPORTER_OTLP_HEADERS"] ?? "")
        config.timeoutMs = try bounded(env, "OTEL_EXPORTER_OTLP_TIMEOUT", default: 10_000, 1...600_000)
        config.intervalMs = try bounded(env, "OTEL_BSP_SCHEDULE_DELAY", default: 1_000, 10...600_000)
        config.queueSize = try bounded(env, "OTEL_BSP_MAX_QUEUE_SIZE", default: 2_048, 1...1_000_000)
        config.batchSize = min(
            try bounded(env, "OTEL_BSP_MAX_EXPORT_BATCH_SIZE", default: 512, 1...100_000), config.queueSize)
        return config
    }

    /// Installs the process's span recorder and returns the exporter to run as the first
    /// service of the process (so it stops last and sends what is left).
    public func start(processName: String, logger: Logger) -> OTLPExporter {
        let recorder = Traces.recorder ?? SpanRecorder(capacity: queueSize)
        Traces.install(recorder)
        var settings = OTLPExporter.Settings(url: url, serviceName: serviceName ?? processName)
        settings.headers = headers
        settings.timeout = .milliseconds(timeoutMs)
        settings.interval = .milliseconds(intervalMs)
        settings.batchSize = batchSize
        return OTLPExporter(settings: settings, recorder: recorder, logger: logger)
    }

    private static func checkedURL(_ value: String, setting: String) throws(ConfigError) -> String {
        let lower = value.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), value.count <= 2_048,
            !value.contains(where: { $0.isWhitespace })
        else { throw ConfigError(setting: setting, problem: "debe ser una URL http:// o https://") }
        return value
    }

    /// `key=value` pairs separated by commas, values percent-decoded (W3C Baggage form).
    private static func headers(_ text: String) throws(ConfigError) -> [(String, String)] {
        var headers: [(String, String)] = []
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty,
                parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }),
                let value = parts[1].removingPercentEncoding, !value.contains(where: { $0 == "\r" || $0 == "\n" })
            else {
                throw ConfigError(
                    setting: "OTEL_EXPORTER_OTLP_HEADERS", problem: "debe ser clave=valor separados por comas")
            }
            headers.append((parts[0], value))
        }
        return headers
    }

    private static func bounded(_ env: Environment, _ key: String, default fallback: Int, _ range: ClosedRange<Int>)
        throws(ConfigError) -> Int
    {
        let value = try env.int(key, default: fallback)
        guard range.contains(value) else {
            throw ConfigError(setting: key, problem: "debe estar entre \(range.lowerBound) y \(range.upperBound)")
        }
        return value
    }
}
