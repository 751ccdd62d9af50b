/// The outcome of one job run, as finish.lua takes it.
struct FinishRecord: Sendable {
    enum Outcome: Sendable {
        case ok(JobResult)
        case retry(error: String, delayMs: Int)
        case later(reason: String, delayMs: Int)
        case fail(String)
        case dead(String)
        /// Dead-lettered with follow-ups and a result (`JobError.deadLetterWithReply`).
        case deadWithReply(String, JobResult)
    }

    var jobId: String
    var entryId: String
    var lease: String
    var outcome: Outcome

    func append(to arguments: inout [String]) {
        arguments += [jobId, entryId, lease]
        switch outcome {
        case .ok(let result):
            arguments += ["ok", result.result, result.rootResult]
            Self.append(result.followUps, to: &arguments)
        case .deadWithReply(let error, let result):
            // The reply is both the job's result and its root's.
            arguments += ["deadr", error, result.rootResult.isEmpty ? result.result : result.rootResult]
            Self.append(result.followUps, to: &arguments)
        case .retry(let error, let delay): arguments += ["retry", error, String(delay), "0"]
        case .later(let reason, let delay): arguments += ["later", reason, String(delay), "0"]
        case .fail(let error): arguments += ["fail", error, "", "0"]
        case .dead(let error): arguments += ["dead", error, "", "0"]
        }
    }

    private static func append(_ followUps: [NewJob], to arguments: inout [String]) {
        arguments.append(String(followUps.count))
        for job in followUps {
            arguments += [job.queue, job.id, job.kind, job.payload, job.orderingKey, job.traceParent]
        }
    }
}
