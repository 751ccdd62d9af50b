import Foundation

/// `ops/bench conversations`: every dialogue of `data/evaluacion/conversaciones.json`
/// through the real pipeline (Redis, reply and order workers, SQLite); counts those that
/// end in exactly the expected order (items, quantities, client fields; or no order).
/// Failures are described on stderr.
struct ConversationsBench {
    var path = ConversationSet.defaultPath

    func run() async throws {
        let set = try ConversationSet.load(path: path)
        let (rig, task) = try await AgentBenchRig.start()
        var exact = 0
        var messages = 0
        let clock = ContinuousClock()
        let start = clock.now
        for conversation in set.conversations {
            for client in conversation.previousClients ?? [] { _ = try rig.database.upsertClient(client) }
            let chatId = "bench-\(conversation.id)-\(UUID().uuidString.prefix(8))"
            var transcript: [String] = []
            for message in conversation.messages {
                let reply = try await rig.say(chatId, message)
                transcript.append("> \(message)\n\(reply.reply)")
                messages += 1
            }
            let orders = try rig.orders(chatId: chatId, cancel: true)
            if let problem = ConversationSet.mismatch(conversation.expected, orders: orders) {
                FileHandle.standardError.write(
                    Data("✗ \(conversation.id): \(problem)\n\(transcript.joined(separator: "\n"))\n\n".utf8))
            } else {
                exact += 1
            }
        }
        let elapsed = clock.now - start
        print("conversations.exact=\(exact)")
        print("conversations.total=\(set.conversations.count)")
        print("conversations.messages=\(messages)")
        print(
            "conversations.ms_per_message=\(String(format: "%.2f", elapsed.seconds * 1000 / Double(max(messages, 1))))")
        await rig.group.triggerGracefulShutdown()
        try await task.value
    }
}
