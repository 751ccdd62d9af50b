import Foundation
import Shop

/// `vendedor-bench play --query FILE`: plays hand-written dialogues through the production
/// workers and prints every reply and the orders registered, to look at the agent by hand.
/// Not a benchmark. The file is plain text: messages separated by a line `---`, dialogues
/// by a line `===`. With `--vectors`, the catalog's vectors are built first (hybrid search, as
/// in production with the embedding server).
struct DialoguePlayer {
    var dataDirectory: String
    var path: String
    var vectors = false

    /// The dialogues in `text` (bounded by the file: a developer's own).
    static func dialogues(in text: String) -> [[String]] {
        var dialogues: [[String]] = []
        var messages: [String] = []
        var lines: [Substring] = []
        func endMessage() {
            let message = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !message.isEmpty { messages.append(message) }
            lines = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            switch line.trimmingCharacters(in: .whitespaces) {
            case "---":
                endMessage()
            case "===":
                endMessage()
                if !messages.isEmpty { dialogues.append(messages) }
                messages = []
            default:
                lines.append(line)
            }
        }
        endMessage()
        if !messages.isEmpty { dialogues.append(messages) }
        return dialogues
    }

    func run() async throws {
        let dialogues = Self.dialogues(in: try String(contentsOfFile: path, encoding: .utf8))
        let (rig, task) = try await AgentBenchRig.start(dataDirectory: dataDirectory, vectors: vectors)
        for (number, messages) in dialogues.enumerated() {
            let chatId = "play-\(number)-\(UUID().uuidString.prefix(8))"
            print("=== \(number + 1)")
            for message in messages {
                let reply = try await rig.say(chatId, message)
                print("> \(message)\n\(reply.reply)")
            }
            let orders = try await rig.orders(chatId: chatId, cancel: true)
            for order in orders {
                print(
                    "[pedido \(order.id): \(order.items.map { "\($0.productId)×\($0.quantity)" }.joined(separator: ", "))]"
                )
            }
            print("")
        }
        await rig.group.triggerGracefulShutdown()
        try await task.value
    }
}
