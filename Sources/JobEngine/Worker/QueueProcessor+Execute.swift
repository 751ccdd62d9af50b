import Logging
import Support

extension QueueProcessor {
    /// Runs one job's handler and records its outcome.
    func execute(_ job: JobEnvelope) async {
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
        let record = FinishRecord(jobId: job.id, entryId: job.entryId, lease: job.lease, outcome: outcome)
        if await finish(record) {
            metrics.record(
                outcome, waitSeconds: Double(startedMs - job.enqueuedAtMs) / 1000,
                runSeconds: ran.inSeconds)
        } else {
            context.logger.warning("Resultado descartado: el trabajo ya lo tomó otro trabajador o Redis no respondió")
        }
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
