import Foundation

@testable import JobEngine

/// Stands in for a downstream worker that another issue builds (the reply worker, the
/// delivery worker): it runs jobs of its kind through the real engine and keeps their
/// payloads for the test to read.
final class JobRecorder<Payload: JobPayload>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(payload: Payload, envelope: JobEnvelope)] = []

    var payloads: [Payload] { lock.withLock { items.map(\.payload) } }
    var envelopes: [JobEnvelope] { lock.withLock { items.map(\.envelope) } }

    fileprivate func add(_ payload: Payload, _ envelope: JobEnvelope) {
        lock.withLock { items.append((payload, envelope)) }
    }

    var handler: RecordingHandler<Payload> { RecordingHandler(recorder: self) }

    /// Waits until `count` jobs ran and returns their payloads.
    func wait(for count: Int = 1, timeout: Duration = TestPaths.loadedWait) async throws -> [Payload] {
        _ = await eventually(timeout: timeout) { self.payloads.count >= count }
        let payloads = self.payloads
        guard payloads.count >= count else {
            throw TestFailure("se esperaban \(count) trabajos \(Payload.kind) y llegaron \(payloads.count)")
        }
        return payloads
    }
}

struct RecordingHandler<Payload: JobPayload>: JobHandler {
    let recorder: JobRecorder<Payload>

    func handle(_ payload: Payload, context: JobContext) async throws -> JobResult {
        recorder.add(payload, context.envelope)
        return .empty
    }
}
