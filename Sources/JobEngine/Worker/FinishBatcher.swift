import Logging
import Support

/// Groups job outcomes of one queue into single finish.lua calls (see `CallBatcher`).
/// While Redis is unreachable it keeps retrying: resending is safe, because a record
/// already applied no longer matches its lease and is ignored.
final class FinishBatcher: Sendable {
    private let batcher: CallBatcher<FinishRecord, Bool>

    init(queue: QueueDefinition, client: JobClient, logger: Logger) {
        // Two calls in flight, the second taking its records when the connection can write
        // it: the next finish.lua call goes out as soon as the previous one's reply is read.
        batcher = CallBatcher(maxPerCall: 512, maxInFlight: 2) { take in
            await Self.send(take, queue: queue, client: client, logger: logger)
        }
    }

    /// Records the outcome; returns false when the job had been taken over by another
    /// worker (stale lease) or Redis stayed unreachable until shutdown.
    func finish(_ record: FinishRecord) async -> Bool {
        await batcher.submit(record)
    }

    private static func send(
        _ take: @escaping @Sendable () -> [FinishRecord], queue: QueueDefinition, client: JobClient, logger: Logger
    ) async -> [Bool] {
        // The records the call took, and the arguments made of them (kept for retries).
        let taken = LockedBox<(records: [FinishRecord], arguments: [String])>(([], []))
        var outcome: Result<RedisReply, any Error>
        do {
            let replies = try await client.redis.runManyWhenReady {
                let records = take()
                if records.isEmpty { return [] }
                let arguments = Self.arguments(records, queue: queue)
                taken.set((records, arguments))
                return [(client.scripts.finish, [], arguments)]
            }
            outcome = .success(try replies.first?.checked() ?? .null)
        } catch {
            outcome = .failure(error)
        }
        let (records, arguments) = taken.value
        if records.isEmpty { return [] }
        var delayMs = 100
        while true {
            switch outcome {
            case .success(let reply):
                let flags = reply.array ?? []
                return records.indices.map { flags.indices.contains($0) && flags[$0].int == 1 }
            case .failure(let error):
                logger.warning(
                    "No se pudo confirmar \(records.count) trabajos de \(queue.name): \(error); reintentando")
                if Task.isCancelled { return records.map { _ in false } }
                try? await Task.sleep(for: .milliseconds(delayMs))
                delayMs = min(delayMs * 2, 2_000)
                do {
                    outcome = .success(try await client.redis.run(client.scripts.finish, arguments: arguments))
                } catch {
                    outcome = .failure(error)
                }
            }
        }
    }

    private static func arguments(_ records: [FinishRecord], queue: QueueDefinition) -> [String] {
        var arguments = [
            String(WallClock.nowMs()), queue.name, String(queue.completedRetentionSeconds),
            String(queue.deadRetentionSeconds), String(records.count),
        ]
        arguments.reserveCapacity(arguments.count + records.count * 8)
        for record in records { record.append(to: &arguments) }
        return arguments
    }
}
