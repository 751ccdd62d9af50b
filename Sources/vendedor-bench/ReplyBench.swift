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
    /// Which messages are replayed.
    enum Mix: String, CaseIterable, Sendable {
        /// The project's purchase dialogues (`data/evaluacion/conversaciones.json`), `rounds` times.
        case evaluation
        /// The customer simulator's dialogues (greetings, questions, data, corrections…), 100 × `rounds`.
        case simulated
        /// Only the first message of `messages` simulated dialogues, each its own chat: what a
        /// promotion sent to many subscribers brings in at once.
        case first

        /// Where the printed lines go: `reply.` for the evaluation mix (as before), else `reply.<mix>.`.
        var prefix: String { self == .evaluation ? "reply." : "reply.\(rawValue)." }
    }

    var rounds: Int
    var chats: Int
    var vectors = false
    var mix: Mix = .evaluation
    /// Dialogues whose first message is sent (`first`).
    var messages: Int = 1_000
    var seed: UInt64 = 7

    func run() async throws {
        let set = try ConversationSet.load()
        let work = try conversations(evaluation: set)
        let counting = CountingTransport(base: CurlTransport())
        let (rig, task) = try await AgentBenchRig.start(vectors: vectors, transport: counting)
        // Warm-up: one conversation, not measured.
        if let first = set.conversations.first {
            for message in first.messages { _ = try await rig.say("bench-calentamiento", message) }
        }
        let before = counting.embeddings
        let cpuBefore = ProcessMemory.cpuSeconds()
        let (latencies, elapsed) = try await Self.measure(
            rig, work, chats: chats, cancelOrders: mix != .first)
        let cpu = ProcessMemory.cpuSeconds() - cpuBefore
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
        }
        let count = Double(max(sorted.count, 1))
        let prefix = mix.prefix
        print("\(prefix)messages=\(sorted.count)")
        print("\(prefix)chats_at_once=\(chats)")
        print("\(prefix)p50_ms=\(String(format: "%.2f", percentile(0.5)))")
        print("\(prefix)p99_ms=\(String(format: "%.2f", percentile(0.99)))")
        print("\(prefix)mean_ms=\(String(format: "%.2f", sorted.reduce(0, +) / count))")
        print("\(prefix)messages_per_s=\(String(format: "%.1f", Double(sorted.count) / elapsed.seconds))")
        // The bench process runs the reply, order and delivery workers and the waiters: its
        // CPU per message is the agent's plus the engine's (the embedding server is apart).
        print("\(prefix)cpu_us_per_message=\(String(format: "%.0f", cpu * 1_000_000 / count))")
        let embeddings = counting.embeddings
        let (calls, texts) = (embeddings.calls - before.calls, embeddings.texts - before.texts)
        print("\(prefix)vectors=\(vectors ? 1 : 0)")
        print("\(prefix)embedding_calls=\(calls)")
        print("\(prefix)embedded_texts=\(texts)")
        print("\(prefix)embeddings_per_message=\(String(format: "%.3f", Double(texts) / count))")
        await rig.group.triggerGracefulShutdown()
        try await task.value
    }

    /// The dialogues of the mix, each tagged with its round (chat ids stay distinct).
    private func conversations(evaluation set: ConversationSet) throws -> [(Int, ConversationSet.Conversation)] {
        switch mix {
        case .evaluation:
            return (0..<rounds).flatMap { round in set.conversations.map { (round, $0) } }
        case .simulated, .first:
            let count = mix == .first ? messages : 100 * rounds
            let generated = try CustomerSimulator.load().conversations(
                count: count, seed: seed, takenIdNumbers: set.idNumbers)
            return generated.map { conversation in
                var conversation = conversation
                if mix == .first { conversation.messages = Array(conversation.messages.prefix(1)) }
                return (0, conversation)
            }
        }
    }

    /// Replays every dialogue of `work`, `chats` at once (each chat's messages in order); each
    /// message's latency (ms) and the time it all took. `cancelOrders`: each dialogue's orders
    /// go back afterwards, so the next one finds the same stock.
    static func measure(
        _ rig: AgentBenchRig, _ work: [(Int, ConversationSet.Conversation)], chats: Int, cancelOrders: Bool
    ) async throws -> (latencies: [Double], elapsed: Duration) {
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
                    if cancelOrders { _ = try await rig.orders(chatId: chatId, cancel: true) }
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
