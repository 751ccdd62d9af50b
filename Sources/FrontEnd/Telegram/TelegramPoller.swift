import Foundation
import Integrations
import JobEngine
import Logging
import Pipeline
import ServiceLifecycle
import Synchronization

/// Long polling (`getUpdates`) for when no webhook is used. One front-end process at a time
/// polls (a lease in Redis; a second poller on the same token would cut the first off). The
/// next offset lives in Redis and moves only after a batch's jobs are enqueued: a restart
/// asks again from there, so nothing is lost, and what was enqueued but not yet confirmed
/// comes back as updates the intake already knows (same idempotency keys), so nothing
/// repeats.
struct TelegramPoller: Service {
    let client: TelegramClient
    let intake: TelegramIntake
    let redis: RedisClient
    let leaseScript: RedisScript
    let timeoutSeconds: Int
    let logger: Logger
    var holder = "\(ProcessInfo.processInfo.hostName)-\(getpid())-\(UUID().uuidString.prefix(8))"
    /// Pause after an error or a 409 conflict (doubles on repeated errors, up to 30 s).
    var pause: Duration = .seconds(2)

    var leaseMs: Int { (timeoutSeconds + 30) * 1000 }

    func run() async throws {
        try? await cancelWhenGracefulShutdown { try await loop() }
        _ = try? await redis.run(
            leaseScript, keys: [TelegramKeys.pollLease], arguments: [holder, String(leaseMs), "drop"])
    }

    private func loop() async throws {
        var webhookDeleted = false
        var failures = 0
        while !Task.isCancelled {
            do {
                guard try await takeLease() else {
                    try await Task.sleep(for: .seconds(2))
                    continue
                }
                if !webhookDeleted {
                    try await client.deleteWebhook()
                    webhookDeleted = true
                    logger.info("Telegram: recibiendo mensajes por consulta larga (getUpdates)")
                }
                try await pollOnce()
                failures = 0
            } catch is CancellationError {
                return
            } catch let error as ProviderError where error.status == 409 {
                logger.warning(
                    "Telegram rechazó getUpdates (409): otra instancia consulta con el mismo token o hay un webhook activo; se reintenta en breve"
                )
                webhookDeleted = false
                try await Task.sleep(for: pause * 5)
            } catch {
                failures += 1
                logger.warning("Telegram: la consulta de mensajes falló: \(client.redacted("\(error)"))")
                try await Task.sleep(for: pause * (1 << min(failures - 1, 4)))
            }
        }
    }

    /// One `getUpdates` call from the stored offset, its jobs enqueued, then the offset moved.
    func pollOnce() async throws {
        let stored = try await redis.send("GET", TelegramKeys.pollOffset).string.flatMap { Int64($0) }
        let updates = try await abandoningOnCancel { [client, timeoutSeconds] in
            try await client.getUpdates(offset: stored, timeout: timeoutSeconds)
        }
        guard let last = updates.map(\.updateId).max() else { return }
        let created = try await intake.accept(updates)
        try await redis.send("SET", TelegramKeys.pollOffset, String(last + 1))
        logger.debug("Telegram: \(updates.count) actualizaciones, \(created) trabajos nuevos")
    }

    private func takeLease() async throws -> Bool {
        try await redis.run(leaseScript, keys: [TelegramKeys.pollLease], arguments: [holder, String(leaseMs), "take"])
            .int == 1
    }
}

/// Runs `work` in its own task and returns its result, or throws `CancellationError` as
/// soon as the caller is cancelled, leaving `work` to finish unobserved. For a blocking call
/// that cannot be interrupted (a long poll held by curl) that must not delay shutdown; its
/// result is simply dropped (the updates it may bring are asked for again next time).
func abandoningOnCancel<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
    let pending = PendingContinuation<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            pending.continuation.withLock { $0 = continuation }
            if Task.isCancelled {
                pending.take()?.resume(throwing: CancellationError())
                return
            }
            Task {
                do {
                    let value = try await work()
                    pending.take()?.resume(returning: value)
                } catch {
                    pending.take()?.resume(throwing: error)
                }
            }
        }
    } onCancel: {
        pending.take()?.resume(throwing: CancellationError())
    }
}

/// A continuation resumed by whichever comes first: the work or the cancellation.
private final class PendingContinuation<T: Sendable>: Sendable {
    let continuation = Mutex<CheckedContinuation<T, any Error>?>(nil)

    func take() -> CheckedContinuation<T, any Error>? { continuation.withLock { $0.take() } }
}
