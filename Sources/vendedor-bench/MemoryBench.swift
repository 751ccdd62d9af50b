import Foundation
import JobEngine
import Pipeline
import Shop

/// `ops/bench memory`: what Redis keeps per chat message. Sends `messages` one-message chats
/// as the front end enqueues them (half with an `Idempotency-Key`, as Telegram updates always
/// have one), waits for every reply, then reads every new key's size (`MEMORY USAGE`) and
/// time to live. Prints the bytes and keys per message right after the replies, and what is
/// left once the configured retention has passed (keys whose TTL is over 10 minutes, or none):
/// `memory.bytes_per_message_after_10_min` is the figure the queue files' retention sets.
struct MemoryBench {
    var messages: Int

    func run() async throws {
        let (rig, task) = try await AgentBenchRig.start()
        let redis = rig.boot.redis
        let before = try await Self.keys(redis)
        let usedBefore = try await Self.usedMemory(redis)
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<messages {
                group.addTask {
                    let job = ChatMessageJob(
                        chatId: "mem-\(index)", channel: .http, message: "hola, ¿tienen guantes de nitrilo?",
                        receivedMs: WallClock.nowMs())
                    let key = index.isMultiple(of: 2) ? "mem-idem-\(index)" : nil
                    return try await rig.boot.jobs.enqueue(job, idempotencyKey: key, owner: "bench").id
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        for id in ids {
            guard let status = try await rig.waiters.wait(for: id, timeout: .seconds(120)), status.isFinished else {
                throw BenchFailure("el mensaje \(id) no se respondió")
            }
        }
        // Let the delivery follow-ups finish too.
        try await Task.sleep(for: .seconds(2))
        let usedAfter = try await Self.usedMemory(redis)
        let after = try await Self.keys(redis)
        let added = after.filter { before[$0.key] == nil }
        let lasting = added.filter { $0.value.ttl == -1 || $0.value.ttl > 600 }
        let count = Double(messages)
        print("memory.messages=\(messages)")
        print("memory.bytes_per_message=\(Int(Double(usedAfter - usedBefore) / count))")
        print("memory.key_bytes_per_message=\(Int(Double(added.values.reduce(0) { $0 + $1.bytes }) / count))")
        print("memory.keys_per_message=\(String(format: "%.2f", Double(added.count) / count))")
        print(
            "memory.bytes_per_message_after_10_min=\(Int(Double(lasting.values.reduce(0) { $0 + $1.bytes }) / count))")
        print("memory.keys_per_message_after_10_min=\(String(format: "%.2f", Double(lasting.count) / count))")
        var byKind: [String: (keys: Int, bytes: Int)] = [:]
        for (key, info) in lasting {
            let kind = key.split(separator: ":").prefix(2).joined(separator: ":")
            byKind[kind, default: (0, 0)].keys += 1
            byKind[kind, default: (0, 0)].bytes += info.bytes
        }
        for (kind, sum) in byKind.sorted(by: { $0.key < $1.key }) {
            FileHandle.standardError.write(
                Data("después de 10 min: \(kind) \(sum.keys) claves, \(sum.bytes) bytes\n".utf8))
        }
        await rig.group.triggerGracefulShutdown()
        try await task.value
    }

    static func usedMemory(_ redis: RedisClient) async throws -> Int {
        let info = try await redis.send("INFO", "memory").string ?? ""
        let line = info.split(whereSeparator: \.isNewline).first { $0.hasPrefix("used_memory:") }
        return line.flatMap { Int($0.dropFirst("used_memory:".count)) } ?? 0
    }

    /// Every key with its size and TTL (-1: none).
    static func keys(_ redis: RedisClient) async throws -> [String: (bytes: Int, ttl: Int)] {
        var result: [String: (bytes: Int, ttl: Int)] = [:]
        var cursor = "0"
        repeat {
            let reply = try await redis.send("SCAN", cursor, "COUNT", "1000").array ?? []
            cursor = reply.first?.string ?? "0"
            for key in reply.dropFirst().first?.array?.compactMap(\.string) ?? [] {
                let replies = try await redis.pipeline([
                    RedisCommand("MEMORY", "USAGE", key, "SAMPLES", "0"), RedisCommand("TTL", key),
                ])
                result[key] = (replies[0].int ?? 0, replies[1].int ?? -1)
            }
        } while cursor != "0"
        return result
    }
}
