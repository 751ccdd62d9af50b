import Logging
import Synchronization
import Tracing

/// The process's tracing: off (nothing recorded, each check one atomic load) until a
/// `SpanRecorder` is installed, which both processes do when `OTEL_EXPORTER_OTLP_ENDPOINT` is
/// set. Spans are made here rather than through `InstrumentationSystem.tracer`, so the
/// disabled path costs no lock or existential call; the recorder is also bootstrapped as
/// swift-distributed-tracing's tracer for libraries instrumented with it.
public enum Traces {
    private static let installed = Mutex<SpanRecorder?>(nil)
    /// True once a recorder was installed or scoped: only then are task-locals looked at.
    private static let active = Atomic<Bool>(false)
    @TaskLocal private static var scoped: SpanRecorder?

    /// Makes `recorder` the process's; false (and nothing changes) when one already is.
    @discardableResult
    public static func install(_ recorder: SpanRecorder) -> Bool {
        let first = installed.withLock { current in
            guard current == nil else { return false }
            current = recorder
            return true
        }
        guard first else { return false }
        InstrumentationSystem.bootstrap(recorder)
        active.store(true, ordering: .releasing)
        return true
    }

    /// Runs `body` with `recorder` as the tracer of this task and its child tasks (tests).
    public static func withRecorder<T>(_ recorder: SpanRecorder, _ body: () async throws -> T) async rethrows -> T {
        active.store(true, ordering: .releasing)
        return try await $scoped.withValue(recorder) { try await body() }
    }

    /// The recorder in force here, nil when tracing is off.
    public static var recorder: SpanRecorder? {
        guard active.load(ordering: .acquiring) else { return nil }
        return scoped ?? installed.withLock { $0 }
    }

    public static var isEnabled: Bool { recorder != nil }

    /// Runs `body` inside a new span (a child of `context`'s span, or of the current one),
    /// with the span's context current, ending it after; an error thrown is recorded on it.
    /// With tracing off, `body` runs with nil and nothing else happens.
    public static func span<T>(
        _ name: @autoclosure () -> String, kind: SpanKind = .internal, context: ServiceContext? = nil,
        _ body: (RecordedSpan?) async throws -> T
    ) async rethrows -> T {
        guard let recorder else { return try await body(nil) }
        let span = recorder.startSpan(
            name(), context: context ?? ServiceContext.current ?? .topLevel, ofKind: kind, at: DefaultTracerClock.now,
            function: #function, file: #fileID, line: #line)
        defer { span.end() }
        do {
            return try await ServiceContext.$current.withValue(span.context) { try await body(span) }
        } catch {
            span.recordError(error)
            span.setStatus(SpanStatus(code: .error))
            throw error
        }
    }

    /// `span` for synchronous work (no suspension inside).
    public static func syncSpan<T>(
        _ name: @autoclosure () -> String, kind: SpanKind = .internal, context: ServiceContext? = nil,
        _ body: (RecordedSpan?) throws -> T
    ) rethrows -> T {
        guard let recorder else { return try body(nil) }
        let span = recorder.startSpan(
            name(), context: context ?? ServiceContext.current ?? .topLevel, ofKind: kind, at: DefaultTracerClock.now,
            function: #function, file: #fileID, line: #line)
        defer { span.end() }
        do {
            return try ServiceContext.$current.withValue(span.context) { try body(span) }
        } catch {
            span.recordError(error)
            span.setStatus(SpanStatus(code: .error))
            throw error
        }
    }

    /// The current span's `traceparent`, "" when tracing is off or no span is current: what a
    /// new job carries in its envelope.
    public static var currentTraceParent: String {
        guard active.load(ordering: .acquiring), let parent = ServiceContext.current?.traceParent else { return "" }
        return parent.header
    }

    /// A context whose span is the one `traceparent` names (nil for an empty or invalid value).
    public static func context(traceParent: String) -> ServiceContext? {
        guard !traceParent.isEmpty, let parent = TraceParent(traceParent) else { return nil }
        var context = ServiceContext.topLevel
        context.traceParent = parent
        return context
    }

    /// Every log line's trace and job: `trace_id` and `span_id` of the current span,
    /// `job.id` of the job being run (see `JobIDKey`).
    public static let logMetadata = Logger.MetadataProvider {
        guard let context = ServiceContext.current else { return [:] }
        var metadata: Logger.Metadata = [:]
        if let parent = context.traceParent {
            metadata["trace_id"] = .string(parent.traceIdHex)
            metadata["span_id"] = .string(parent.spanIdHex)
        }
        if let job = context[JobIDKey.self] { metadata["job.id"] = .string(job) }
        return metadata
    }
}

/// The id of the job a task is running, for log lines written below the handler (outside
/// calls, storage) that have no job logger.
public enum JobIDKey: ServiceContextKey {
    public typealias Value = String
    public static var nameOverride: String? { "job.id" }
}
