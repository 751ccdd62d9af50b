import FakeServers
import Foundation
import JobEngine
import Pipeline

/// `ops/bench reply-slow-model`: replies per second when every reply waits on a slow
/// language model. An OpenAI-compatible fake (`FakeChatModel`) on loopback holds each answer
/// `latency` and refuses calls over its own concurrency limit; the reply, order and delivery
/// workers run in this process against it (`LLM_PROVIDER=openai`, words-only search so the
/// local embedder does not set the pace); `messages` first messages of as many chats are
/// accepted at once (as `POST /chat/texto` enqueues them) and timed from acceptance to reply.
/// With `beforeQueues` (a queues directory with the chat queue as it was before the CPU /
/// outside-wait split) the first latency is measured that way too, in the same run.
struct SlowModelBench {
    var messages: Int
    var latenciesMs: [Int]
    var modelLimit: Int
    var beforeQueues: String?
    /// Messages per second of the paced run after each burst (0: none).
    var pacedRate: Int = 40

    func run() async throws {
        let texts = try ConversationSet.load().conversations.compactMap(\.messages.first)
        guard !texts.isEmpty, let first = latenciesMs.first else { throw BenchFailure("sin mensajes o latencias") }
        try await FakeChatModel.run(latency: .milliseconds(first), maxConcurrent: modelLimit) { model in
            let settings = [
                "LLM_PROVIDER": "openai", "OPENAI_BASE_URL": model.baseURL, "OPENAI_API_KEY": FakeChatModel.key,
                "DEFAULT_MODEL": "modelo-lento", "EMBEDDINGS_PROVIDER": "none",
                // The provider allows this many calls at once: so does the shared limit.
                "LLM_MAX_CONCURRENT": String(modelLimit),
            ]
            if let beforeQueues {
                var before = settings
                before["QUEUES_DIR"] = beforeQueues
                let rig = try await Rig.start(settings: before)
                try await measure(rig, model, texts, latencyMs: first, prefix: "reply_slow.before_")
                try await rig.stop()
            }
            let rig = try await Rig.start(settings: settings)
            for (index, latency) in latenciesMs.enumerated() {
                let prefix = index == 0 ? "reply_slow." : "reply_slow_\(latency)ms."
                try await measure(rig, model, texts, latencyMs: latency, prefix: prefix)
            }
            try await rig.stop()
        }
    }

    private struct Rig {
        var rig: AgentBenchRig
        var task: Task<Void, any Error>

        static func start(settings: [String: String]) async throws -> Rig {
            let (rig, task) = try await AgentBenchRig.start(overrides: settings)
            return Rig(rig: rig, task: task)
        }

        func stop() async throws {
            await rig.group.triggerGracefulShutdown()
            try await task.value
        }
    }

    private func measure(_ rig: Rig, _ model: FakeChatModel, _ texts: [String], latencyMs: Int, prefix: String)
        async throws
    {
        model.latency = .milliseconds(latencyMs)
        let run = JobID.make().suffix(6)
        // Warm-up (connections, caches, the catalog's pages), not measured.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<16 {
                group.addTask { _ = try await rig.rig.say("lento-\(run)-calor-\(index)", texts[index % texts.count]) }
            }
            try await group.waitForAll()
        }
        model.resetCounts()
        let burst = try await send(rig, texts, count: messages, chatPrefix: "lento-\(run)", perSecond: nil)
        let sorted = burst.latencies.sorted()
        print("\(prefix)messages=\(sorted.count)")
        print("\(prefix)model_latency_ms=\(latencyMs)")
        print("\(prefix)replies_per_s=\(String(format: "%.1f", Double(sorted.count) / burst.elapsed))")
        // The burst's rate counts the model's latency once (nothing can come back before it);
        // the drain rate is the pipe's capacity: replies between the first and the last.
        let ends = burst.ends.sorted()
        if ends.count > 1, let firstEnd = ends.first, let lastEnd = ends.last, lastEnd > firstEnd {
            let drain = Double(ends.count - 1) / (lastEnd - firstEnd)
            print("\(prefix)drain_replies_per_s=\(String(format: "%.1f", drain))")
        }
        print("\(prefix)p50_ms=\(String(format: "%.1f", Self.percentile(sorted, 0.5)))")
        print("\(prefix)p99_ms=\(String(format: "%.1f", Self.percentile(sorted, 0.99)))")
        print("\(prefix)model_calls_in_flight_max=\(model.maxInFlight)")
        print("\(prefix)model_calls_answered=\(model.answered)")
        print("\(prefix)model_calls_refused=\(model.refused)")
        guard pacedRate > 0, !prefix.hasSuffix("before_") else { return }
        // Below saturation: messages arrive at a steady pace, and each reply should take the
        // model's latency and little more (goal: p99 ≤ latency + 200 ms).
        let paced = try await send(
            rig, texts, count: pacedRate * 10, chatPrefix: "lento-\(run)-ritmo", perSecond: pacedRate)
        let steady = paced.latencies.sorted()
        print("\(prefix)paced_messages_per_s=\(pacedRate)")
        print("\(prefix)paced_p50_ms=\(String(format: "%.1f", Self.percentile(steady, 0.5)))")
        print("\(prefix)paced_p99_ms=\(String(format: "%.1f", Self.percentile(steady, 0.99)))")
        print(
            "\(prefix)paced_p99_over_model_ms=\(String(format: "%.1f", Self.percentile(steady, 0.99) - Double(latencyMs)))"
        )
    }

    /// `count` first messages of as many chats, all at once (`perSecond` nil) or at a steady
    /// pace; each one's time from acceptance to reply (ms), when each reply came (s from the
    /// start) and the seconds it all took.
    private func send(_ rig: Rig, _ texts: [String], count: Int, chatPrefix: String, perSecond: Int?) async throws
        -> (latencies: [Double], ends: [Double], elapsed: Double)
    {
        let clock = ContinuousClock()
        let start = clock.now
        let results = try await withThrowingTaskGroup(of: (Double, Double).self) { group in
            for index in 0..<count {
                if let perSecond {
                    try await Task.sleep(until: start + .milliseconds(index * 1000 / perSecond), clock: clock)
                }
                let chatId = "\(chatPrefix)-\(index)"
                let text = texts[index % texts.count]
                group.addTask {
                    let accepted = clock.now
                    _ = try await rig.rig.say(chatId, text, timeout: .seconds(300))
                    let end = clock.now
                    return ((end - accepted).seconds * 1000, (end - start).seconds)
                }
            }
            var all: [(Double, Double)] = []
            for try await result in group { all.append(result) }
            return all
        }
        return (results.map(\.0), results.map(\.1), (clock.now - start).seconds)
    }

    private static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
    }
}
