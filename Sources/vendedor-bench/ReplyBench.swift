import Foundation
import Integrations

/// `ops/bench reply`: time from a customer's message being accepted (enqueued, as
/// `POST /chat/texto` does) to its reply being available (the job finished), offline
/// providers (`LLM_PROVIDER=none`), with the evaluation conversations replayed by several
/// chats at once (each chat's messages in order, as customers send them).
///
/// With `vectors` the catalog's vectors are built first, so searches embed the customer's
/// words as in production once the index is loaded; the embedding calls the reply worker
/// makes are counted (`reply.embedding_calls`, `reply.embedded_texts`,
/// `reply.embeddings_per_message`: texts sent to the provider per measured message, after
/// the query cache and the batching).
struct ReplyBench {
    var rounds: Int
    var chats: Int
    var vectors = false

    func run() async throws {
        let set = try ConversationSet.load()
        let counting = CountingTransport(base: CurlTransport())
        let (rig, task) = try await AgentBenchRig.start(vectors: vectors, transport: counting)
        // Warm-up: one conversation, not measured.
        if let first = set.conversations.first {
            for message in first.messages { _ = try await rig.say("bench-calentamiento", message) }
        }
        let before = counting.embeddings
        let (latencies, elapsed) = try await Self.measure(rig, set, rounds: rounds, chats: chats)
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
        }
        print("reply.messages=\(sorted.count)")
        print("reply.p50_ms=\(String(format: "%.2f", percentile(0.5)))")
        print("reply.p99_ms=\(String(format: "%.2f", percentile(0.99)))")
        print("reply.mean_ms=\(String(format: "%.2f", sorted.reduce(0, +) / Double(max(sorted.count, 1))))")
        print("reply.messages_per_s=\(String(format: "%.1f", Double(sorted.count) / elapsed.seconds))")
        let embeddings = counting.embeddings
        let (calls, texts) = (embeddings.calls - before.calls, embeddings.texts - before.texts)
        print("reply.vectors=\(vectors ? 1 : 0)")
        print("reply.embedding_calls=\(calls)")
        print("reply.embedded_texts=\(texts)")
        print(
            "reply.embeddings_per_message=\(String(format: "%.3f", Double(texts) / Double(max(sorted.count, 1))))")
        await rig.group.triggerGracefulShutdown()
        try await task.value
    }

    /// Replays every conversation `rounds` times, `chats` at once; each message's latency
    /// (ms) and the time it all took.
    static func measure(_ rig: AgentBenchRig, _ set: ConversationSet, rounds: Int, chats: Int) async throws
        -> (latencies: [Double], elapsed: Duration)
    {
        let work = (0..<rounds).flatMap { round in set.conversations.map { (round, $0) } }
        let clock = ContinuousClock()
        let start = clock.now
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            var next = 0
            var all: [Double] = []
            func launch() {
                guard next < work.count else { return }
                let (round, conversation) = work[next]
                next += 1
                group.addTask {
                    for client in conversation.previousClients ?? [] { _ = try await rig.store.upsertClient(client) }
                    let chatId = "bench-\(round)-\(conversation.id)"
                    var times: [Double] = []
                    for message in conversation.messages {
                        let sent = clock.now
                        _ = try await rig.say(chatId, message)
                        times.append((clock.now - sent).seconds * 1000)
                    }
                    _ = try await rig.orders(chatId: chatId, cancel: true)
                    return times
                }
            }
            for _ in 0..<chats { launch() }
            while let times = try await group.next() {
                all += times
                launch()
            }
            return all
        }
        return (latencies, clock.now - start)
    }
}
