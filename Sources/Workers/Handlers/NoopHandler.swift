import JobEngine
import Pipeline

/// Runs `noop` jobs: finishes them at once with `{"intento", "trabajador"}`.
package struct NoopHandler: JobHandler {
    package init() {}

    package func handle(_ job: NoopJob, context: JobContext) async throws -> JobResult {
        let result = try Self.json(NoopJob.Result(worker: context.workerId, attempt: context.attempt))
        // A follow-up's result becomes the chain's result; the root's own shows until then.
        return JobResult(result: result, rootResult: context.envelope.rootId == context.id ? "" : result)
    }

    /// The result as JSON. Worker ids are host-pid-queue names that need no escaping, so the
    /// common case is written directly (a no-op job should cost the engine, not an encoder).
    package static func json(_ result: NoopJob.Result) throws -> String {
        let plain = result.worker.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F
        }
        guard plain else { return try JobCoding.encode(result) }
        return #"{"intento":"# + String(result.attempt) + #","trabajador":""# + result.worker + #""}"#
    }
}
