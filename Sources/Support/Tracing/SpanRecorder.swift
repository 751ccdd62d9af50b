import Synchronization
import Tracing

/// A span as it ended: what the exporter sends.
public struct FinishedSpan: Sendable {
    public var identity: TraceParent
    /// 0 for a root span.
    public var parentSpanId: UInt64
    public var name: String
    public var kind: SpanKind
    public var startNanos: UInt64
    public var endNanos: UInt64
    public var attributes: SpanAttributes
    public var status: SpanStatus?
    public var events: [SpanEvent]
}

/// The process's tracer (swift-distributed-tracing's `Tracer`): W3C ids, the identity of the
/// current span in the task's `ServiceContext`, `traceparent` injected and extracted, and
/// finished spans kept in a bounded buffer for the exporter. A span is never waited on:
/// with the buffer full it is dropped and counted (`vendedor_trace_spans_dropped_total`).
public final class SpanRecorder: Tracer, Sendable {
    public typealias Span = RecordedSpan

    private let buffer: Mutex<[FinishedSpan]>
    /// At most this many finished spans wait for the exporter.
    public let capacity: Int
    private let droppedCount = Atomic<Int>(0)
    private let dropped = MetricsRegistry.shared.counter(
        "vendedor_trace_spans_dropped_total",
        "Finished spans never exported: the buffer was full (buffer_full) or the collector refused or missed them (export_failed).",
        labels: ["reason"])

    public init(capacity: Int = 2048) {
        self.capacity = max(capacity, 1)
        buffer = Mutex([])
    }

    /// Spans dropped so far because the buffer was full.
    public var droppedSpans: Int { droppedCount.load(ordering: .relaxed) }

    /// Up to `max` finished spans, oldest first, taken out of the buffer.
    public func drain(max: Int = .max) -> [FinishedSpan] {
        buffer.withLock { spans in
            let count = Swift.min(max, spans.count)
            let taken = Array(spans.prefix(count))
            spans.removeFirst(count)
            return taken
        }
    }

    public var pendingCount: Int { buffer.withLock { $0.count } }

    /// Counts spans the exporter could not deliver.
    public func exportFailed(_ count: Int) {
        droppedCount.add(count, ordering: .relaxed)
        dropped.labels("export_failed").increment(by: Double(count))
    }

    func record(_ span: FinishedSpan) {
        let kept = buffer.withLock { spans -> Bool in
            guard spans.count < capacity else { return false }
            spans.append(span)
            return true
        }
        if !kept {
            droppedCount.add(1, ordering: .relaxed)
            dropped.labels("buffer_full").increment()
        }
    }

    public func startSpan<Instant: TracerInstant>(
        _ operationName: String, context: @autoclosure () -> ServiceContext, ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
    ) -> RecordedSpan {
        var context = context()
        let parent = context.traceParent
        var random = SystemRandomNumberGenerator()
        let spanId = Self.nonZero(&random)
        let identity =
            parent?.child(spanId: spanId)
            ?? TraceParent(traceIdHigh: random.next(), traceIdLow: Self.nonZero(&random), spanId: spanId)
        context.traceParent = identity
        return RecordedSpan(
            name: operationName, kind: kind, context: context, identity: identity, parentSpanId: parent?.spanId ?? 0,
            startNanos: instant().nanosecondsSinceEpoch, recorder: identity.sampled ? self : nil)
    }

    public func activeSpan(identifiedBy context: ServiceContext) -> RecordedSpan? { nil }

    public func forceFlush() {}

    public func inject<Carrier, Inject: Injector>(
        _ context: ServiceContext, into carrier: inout Carrier, using injector: Inject
    )
    where Inject.Carrier == Carrier {
        guard let parent = context.traceParent else { return }
        injector.inject(parent.header, forKey: "traceparent", into: &carrier)
    }

    public func extract<Carrier, Extract: Extractor>(
        _ carrier: Carrier, into context: inout ServiceContext, using extractor: Extract
    ) where Extract.Carrier == Carrier {
        guard let value = extractor.extract(key: "traceparent", from: carrier), let parent = TraceParent(value) else {
            return
        }
        context.traceParent = parent
    }

    private static func nonZero(_ random: inout SystemRandomNumberGenerator) -> UInt64 {
        while true {
            let value: UInt64 = random.next()
            if value != 0 { return value }
        }
    }
}

/// A span of `SpanRecorder`: mutable until it ends, then handed to the recorder once.
public final class RecordedSpan: Tracing.Span, Sendable {
    public let context: ServiceContext
    public let identity: TraceParent
    private let state: Mutex<State>
    private let recorder: SpanRecorder?

    private struct State {
        var name: String
        var kind: SpanKind
        var parentSpanId: UInt64
        var startNanos: UInt64
        var attributes: SpanAttributes = [:]
        var status: SpanStatus?
        var events: [SpanEvent] = []
        var ended = false
    }

    init(
        name: String, kind: SpanKind, context: ServiceContext, identity: TraceParent, parentSpanId: UInt64,
        startNanos: UInt64, recorder: SpanRecorder?
    ) {
        self.context = context
        self.identity = identity
        self.recorder = recorder
        state = Mutex(State(name: name, kind: kind, parentSpanId: parentSpanId, startNanos: startNanos))
    }

    public var operationName: String {
        get { state.withLock { $0.name } }
        set { state.withLock { $0.name = newValue } }
    }

    public var attributes: SpanAttributes {
        get { state.withLock { $0.attributes } }
        set { state.withLock { $0.attributes = newValue } }
    }

    public var isRecording: Bool { recorder != nil && !state.withLock { $0.ended } }

    public func setStatus(_ status: SpanStatus) {
        state.withLock { $0.status = status }
    }

    public func addEvent(_ event: SpanEvent) {
        state.withLock { if $0.events.count < 32 { $0.events.append(event) } }
    }

    public func recordError<Instant: TracerInstant>(
        _ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant
    ) {
        var attributes = attributes
        attributes["exception.type"] = String(describing: type(of: error))
        attributes["exception.message"] = String(String(describing: error).prefix(500))
        addEvent(SpanEvent(name: "exception", at: instant(), attributes: attributes))
    }

    public func addLink(_ link: SpanLink) {}

    public func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        let end = instant().nanosecondsSinceEpoch
        let finished = state.withLock { state -> FinishedSpan? in
            guard !state.ended else { return nil }
            state.ended = true
            return FinishedSpan(
                identity: identity, parentSpanId: state.parentSpanId, name: state.name, kind: state.kind,
                startNanos: state.startNanos, endNanos: max(end, state.startNanos), attributes: state.attributes,
                status: state.status, events: state.events)
        }
        if let finished { recorder?.record(finished) }
    }
}
