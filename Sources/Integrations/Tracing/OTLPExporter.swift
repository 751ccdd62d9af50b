import Foundation
import Logging
import ServiceLifecycle
import Support

/// Sends the process's finished spans to an OpenTelemetry collector over OTLP/HTTP with the
/// JSON encoding (`POST {endpoint}/v1/traces`, `Content-Type: application/json`), through the
/// curl transport: every `interval`, or sooner once a batch is waiting, in batches of at most
/// `batchSize`; what is left when the process stops is sent before it exits (it is the first
/// service of its group, so the last to stop). A collector that is slow or away never holds
/// a job up: spans wait in the recorder's bounded buffer and are dropped and counted when it
/// is full, or when the collector refuses a batch.
public final class OTLPExporter: Service, Sendable {
    public struct Settings: Sendable {
        /// The full URL spans are posted to.
        public var url: String
        /// `service.name` of the resource: the process.
        public var serviceName: String
        /// Extra request headers (`OTEL_EXPORTER_OTLP_HEADERS`: a collector's key).
        public var headers: [(String, String)] = []
        public var timeout: Duration = .seconds(10)
        public var interval: Duration = .seconds(1)
        public var batchSize = 512

        public init(url: String, serviceName: String) {
            self.url = url
            self.serviceName = serviceName
        }
    }

    public let settings: Settings
    private let recorder: SpanRecorder
    private let transport: any HTTPTransport
    private let logger: Logger
    private let lastWarning = LockedBox<ContinuousClock.Instant?>(nil)

    public init(
        settings: Settings, recorder: SpanRecorder, transport: any HTTPTransport = CurlTransport(), logger: Logger
    ) {
        self.settings = settings
        self.recorder = recorder
        self.transport = transport
        self.logger = logger
    }

    public func run() async throws {
        let slice = min(settings.interval, .milliseconds(100))
        var last = ContinuousClock.now
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await Task.sleep(for: slice)
            if recorder.pendingCount >= settings.batchSize || ContinuousClock.now - last >= settings.interval {
                await flush()
                last = ContinuousClock.now
            }
        }
        await flush()
    }

    /// Sends everything waiting now, batch by batch.
    public func flush() async {
        while true {
            let batch = recorder.drain(max: settings.batchSize)
            if batch.isEmpty { return }
            await send(batch)
        }
    }

    private func send(_ spans: [FinishedSpan]) async {
        let body = OTLPTraceJSON.encode(spans, serviceName: settings.serviceName)
        let request = OutboundRequest(
            method: "POST", url: settings.url, headers: [("Content-Type", "application/json")] + settings.headers,
            body: Array(body), timeout: settings.timeout, maxResponseBytes: 64 << 10)
        let problem: String
        do {
            let response = try await transport.send(request)
            if (200..<300).contains(response.status) { return }
            problem = "el colector respondió \(response.status): \(response.text.prefix(200))"
        } catch {
            problem = "\(error)"
        }
        recorder.exportFailed(spans.count)
        warn("No se pudieron exportar \(spans.count) spans a \(settings.url): \(problem)")
    }

    /// At most one warning a minute: a collector that is away must not flood the log.
    private func warn(_ message: String) {
        let now = ContinuousClock.now
        if let last = lastWarning.value, now - last < .seconds(60) { return }
        lastWarning.set(now)
        logger.warning("\(message)")
    }
}
