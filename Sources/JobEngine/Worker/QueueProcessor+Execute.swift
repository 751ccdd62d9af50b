import Logging
import Support
import Tracing

extension QueueProcessor {
    /// Runs one job's handler and records its outcome. The job's id is in the task's
    /// `ServiceContext` (every log line below says it); with tracing on, the run is a
    /// consumer span, child of the span that enqueued the job (a new trace when the job
    /// carries none), and the follow-ups it returns name this span.
    func execute(_ job: JobEnvelope) async {
        var serviceContext = ServiceContext.topLevel
        if Traces.isEnabled, let parent = job.traceParent.flatMap(TraceParent.init) {
            serviceContext.traceParent = parent
        }
        serviceContext[JobIDKey.self] = job.id
        await ServiceContext.$current.withValue(serviceContext) {
            await Traces.span(job.kind, kind: .consumer) { span in
                span?.updateAttributes { attributes in
                    attributes["messaging.system"] = "vendedor"
                    attributes["messaging.destination.name"] = definition.name
                    attributes["messaging.message.id"] = job.id
                    attributes["vendedor.job.kind"] = job.kind
                    attributes["vendedor.job.attempt"] = job.attempt
                    if job.rootId != job.id { attributes["vendedor.job.root"] = job.rootId }
                }
                await run(job, span: span)
            }
        }
    }

    private func run(_ job: JobEnvelope, span: RecordedSpan?) async {
        let context = JobContext(
            envelope: job, workerId: consumer, logger: logger, jobs: client, maxAttempts: definition.maxAttempts)
        let startedMs = WallClock.nowMs()
        let started = ContinuousClock.now
        let outcome: FinishRecord.Outcome
        if let cpu {
            outcome = await cpu.run { await self.outcome(of: job, context: context) }
        } else {
            outcome = await self.outcome(of: job, context: context)
        }
        let ran = ContinuousClock.now - started
        if let span { Self.describe(outcome, on: span) }
        let record = FinishRecord(jobId: job.id, entryId: job.entryId, lease: job.lease, outcome: outcome)
        if await finish(record) {
            metrics.record(
                outcome, waitSeconds: Double(startedMs - job.enqueuedAtMs) / 1000,
                runSeconds: ran.inSeconds)
        } else {
            context.logger.warning("Resultado descartado: el trabajo ya lo tomó otro trabajador o Redis no respondió")
        }
    }

    /// The outcome as the span's `vendedor.job.outcome` and status (an error unless ok).
    private static func describe(_ outcome: FinishRecord.Outcome, on span: RecordedSpan) {
        let (name, message): (String, String?) =
            switch outcome {
            case .ok: ("completed", nil)
            case .retry(let error, _): ("retried", error)
            case .later(let reason, _): ("deferred", reason)
            case .fail(let error): ("failed", error)
            case .dead(let error), .deadWithReply(let error, _): ("dead", error)
            }
        span.attributes["vendedor.job.outcome"] = name
        if let message { span.setStatus(SpanStatus(code: .error, message: String(message.prefix(300)))) }
    }

    private func outcome(of job: JobEnvelope, context: JobContext) async -> FinishRecord.Outcome {
        guard let run = registry.handler(for: job.kind) else {
            return .dead("tipo de trabajo desconocido en la cola \(definition.name): \(job.kind)")
        }
        do {
            var result = try await run(job, context)
            for followUp in result.followUps {
                _ = try client.catalog.queue(followUp.queue)
            }
            result.followUps = client.normalized(result.followUps)
            return .ok(result)
        } catch let error as JobError {
            switch error {
            case .permanent(let message):
                context.logger.info("Falló sin reintento: \(message)")
                return .fail(message)
            case .retryAfter(let seconds, let reason):
                return .later(reason: reason, delayMs: max(OutsideNumber.milliseconds(seconds), 1))
            case .deadLetter(let message):
                context.logger.warning("A la cola de muertos: \(message)")
                return .dead(message)
            case .deadLetterWithReply(let message, var reply):
                context.logger.warning("A la cola de muertos (con respuesta): \(message)")
                do {
                    for followUp in reply.followUps { _ = try client.catalog.queue(followUp.queue) }
                } catch {
                    return .dead("\(message); además, una respuesta iba a una cola desconocida: \(error)")
                }
                reply.followUps = client.normalized(reply.followUps)
                return .deadWithReply(message, reply)
            }
        } catch is CancellationError {
            return .later(reason: "el trabajador se detuvo antes de terminar", delayMs: 1)
        } catch {
            let message = String(describing: error)
            if job.attempt >= definition.maxAttempts {
                context.logger.warning("Agotó sus intentos: \(message)")
                return .dead("agotó sus \(definition.maxAttempts) intentos; último error: \(message)")
            }
            context.logger.info("Error transitorio, se reintentará: \(message)")
            return .retry(error: message, delayMs: definition.retryDelayMs(afterAttempt: job.attempt))
        }
    }
}
