import Logging

/// Groups job outcomes of one queue into single finish.lua calls (see `CallBatcher`).
/// While Redis is unreachable it keeps retrying: resending is safe, because a record
/// already applied no longer matches its lease and is ignored.
final class FinishBatcher: Sendable {
    private let batcher: CallBatcher<FinishRecord, Bool>

    init(queue: QueueDefinition, client: JobClient, logger: Logger) {
        batcher = CallBatcher(maxPerCall: 512) { records in
            await Self.send(records, queue: queue, client: client, logger: logger)
        }
    }

    /// Records the outcome; returns false when the job had been taken over by another
    /// worker (stale lease) or Redis stayed unreachable until shutdown.
    func finish(_ record: FinishRecord) async -> Bool {
        await batcher.submit(record)
    }

    private static func send(_ records: [FinishRecord], queue: QueueDefinition, client: JobClient, logger: Logger)
        async -> [Bool]
    {
        var arguments = [
            String(Clock.nowMs()), queue.name, String(queue.completedRetentionSeconds),
            String(queue.deadRetentionSeconds), String(records.count),
        ]
        arguments.reserveCapacity(arguments.count + records.count * 8)
        for record in records { record.append(to: &arguments) }
        var delayMs = 100
        while true {
            do {
                let reply = try await client.redis.run(client.scripts.finish, arguments: arguments)
                let flags = reply.array ?? []
                return records.indices.map { flags.indices.contains($0) && flags[$0].int == 1 }
            } catch {
                logger.warning(
                    "No se pudo confirmar \(records.count) trabajos de \(queue.name): \(error); reintentando")
                if Task.isCancelled { return records.map { _ in false } }
                try? await Task.sleep(for: .milliseconds(delayMs))
                delayMs = min(delayMs * 2, 2_000)
            }
        }
    }
}
