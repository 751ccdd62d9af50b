import Dispatch
import JobEngine
import Pipeline
import Workers

/// Runs the tests' `noop` jobs (`FaultJob`): nothing, unless the payload asks to wait, fail,
/// be retried later, die with a reply or leave marks.
public struct FaultInjectionHandler: JobHandler {
    public init() {}

    struct TransientFailure: Error, CustomStringConvertible {
        var attempt: Int
        var description: String { "fallo transitorio simulado (intento \(attempt))" }
    }

    public func handle(_ job: FaultJob, context: JobContext) async throws -> JobResult {
        let marks = job.mark.map { "vd:marcas:\($0)" }
        if let marks {
            try await context.jobs.redis.send("RPUSH", marks, "inicio:\(job.seq ?? 0)")
        }
        if let hang = job.hangFirstRunS, context.attempt == 1 {
            let until = ContinuousClock.now + .seconds(hang)
            while ContinuousClock.now < until {
                // Sleeps that ignore cancellation, as a stuck network call would.
                await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                    DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { done.resume() }
                }
            }
        }
        if let delay = job.sleepMs, delay > 0 {
            try await Task.sleep(for: .milliseconds(delay))
        }
        if let pauses = job.pauses, let seconds = job.retryAfterS {
            let taken = try await context.jobs.redis.send("HINCRBY", QueueKeys.job(context.id), "noop_pausas", "1")
            if (taken.int ?? 0) <= pauses {
                throw JobError.retryAfter(seconds: seconds, reason: "pausa simulada")
            }
        }
        if job.dieWithReply == true {
            let reply = #"{"respuesta":"aviso"}"#
            throw JobError.deadLetterWithReply(
                "muerte simulada", JobResult(result: reply, rootResult: reply, followUps: try followUps(of: job)))
        }
        if job.failAlways == true {
            throw JobError.permanent("fallo permanente simulado")
        }
        if let failures = job.failures, failures > 0 {
            let runs = try await context.jobs.redis.send("HINCRBY", QueueKeys.job(context.id), "noop_fallos", "1")
            if (runs.int ?? 0) <= failures { throw TransientFailure(attempt: context.attempt) }
        }
        if let marks {
            try await context.jobs.redis.send("RPUSH", marks, "fin:\(job.seq ?? 0)")
        }
        let result = try NoopHandler.json(NoopJob.Result(worker: context.workerId, attempt: context.attempt))
        let followUps = try followUps(of: job)
        // A follow-up's result becomes the chain's result; the root's own shows until then.
        return JobResult(
            result: result, rootResult: context.envelope.rootId == context.id ? "" : result, followUps: followUps)
    }

    /// `seguir` no-op jobs on the same key (in `cola_seguir` when given).
    private func followUps(of job: FaultJob) throws -> [NewJob] {
        try (0..<(job.followUps ?? 0)).map { index in
            var next = try NewJob(
                FaultJob(sleepMs: job.sleepMs, mark: job.mark, seq: (job.seq ?? 0) + index + 1, key: job.key))
            if let queue = job.followUpQueue { next.queue = queue }
            return next
        }
    }
}
