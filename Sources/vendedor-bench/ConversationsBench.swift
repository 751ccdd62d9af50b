import Foundation

/// `ops/bench conversations`: purchase dialogues through the real pipeline (Redis, reply and
/// order workers, SQLite), counting those that end in exactly the expected order (items,
/// quantities, client fields; or no order), for three sets in one run and one database:
///
/// - `dev`: `data/evaluacion/conversaciones.json`, the development set. Failures go to
///   stderr in full (reason and transcript).
/// - `test`, `test2`, `test3`…: every `data/evaluacion/conversaciones_prueba*.json` (no number
///   is `test`, `conversaciones_pruebaN.json` is `testN`), held out, only run; each written
///   blind before a round of tuning (the `descripcion` of each file says when and by whom; a
///   new file is a new set, found by its name).
/// - `simulated`: `CustomerSimulator` dialogues (`--simulated N`, `--seed S`).
/// - `dev_returning`: the dev set again right after it, in the same database: every customer
///   now has a record under their cédula (the stored-data offer), as when they buy again.
///
/// For the test sets and the simulated set stderr gets only the number of failures per reason
/// ("productos", "cedula", "sin pedido"…), so nobody tunes the agent on them by accident;
/// `--simulated-details` prints the simulated failures in full (to find classes of problems).
/// Every set is compared the same way (`ConversationSet.difference`).
/// `conversations.exact`/`total`/`messages`/`ms_per_message` repeat the dev figures.
struct ConversationsBench {
    var simulated = CustomerSimulator.defaultCount
    var seed = CustomerSimulator.defaultSeed
    var dataDirectory = "data"
    /// Writes the simulated dialogues there (same JSON format as the hand-written sets).
    var simulatedOut: String?
    /// Prints the simulated set's failures in full too (never the test set's).
    var simulatedDetails = false
    /// The sets to play (dev, test, test2…, simulated); the others print nothing. `nil`: all.
    var sets: Set<String>?
    /// With the catalog's vectors built first, as a production start with the embedding server
    /// has them (hybrid search); without, words only.
    var vectors = false

    struct Outcome {
        var exact = 0
        var total = 0
        var messages = 0
        var elapsed = Duration.zero
        var failures: [String: Int] = [:]

        var msPerMessage: Double { elapsed.seconds * 1000 / Double(max(messages, 1)) }
    }

    func run() async throws {
        let dev = try ConversationSet.load(path: dataDirectory + "/evaluacion/conversaciones.json")
        let heldOut = try Self.heldOutSets(dataDirectory: dataDirectory).map {
            (name: $0.name, set: try ConversationSet.load(path: $0.path))
        }
        let simulator = try CustomerSimulator.load(dataDirectory: dataDirectory)
        // Orders register their clients: a simulated customer must not find a dev or test
        // client under its cédula.
        let generated = simulator.conversations(
            count: simulated, seed: seed,
            takenIdNumbers: ([dev] + heldOut.map(\.set)).reduce(into: Set<String>()) { $0.formUnion($1.idNumbers) })
        if let simulatedOut {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let set = ConversationSet(
                description: "Diálogos simulados (CustomerSimulator, semilla \(seed)).", conversations: generated)
            try encoder.encode(set).write(to: URL(fileURLWithPath: simulatedOut))
        }

        let (rig, task) = try await AgentBenchRig.start(dataDirectory: dataDirectory, vectors: vectors)
        var outcomes: [(String, Outcome)] = []
        let played: [(String, [ConversationSet.Conversation], Bool)] =
            [("dev", dev.conversations, true), ("dev_returning", dev.conversations, true)]
            + heldOut.map { ($0.name, $0.set.conversations, false) } + [("simulated", generated, simulatedDetails)]
        for (name, conversations, detailed) in played
        where sets?.contains(name == "dev_returning" ? "dev" : name) ?? true {
            outcomes.append((name, try await play(conversations, set: name, rig: rig, detailed: detailed)))
        }
        for (name, outcome) in outcomes {
            print("conversations.\(name)_exact=\(outcome.exact)")
            print("conversations.\(name)_total=\(outcome.total)")
            print("conversations.\(name)_messages=\(outcome.messages)")
            print("conversations.\(name)_ms_per_message=\(String(format: "%.2f", outcome.msPerMessage))")
        }
        print("conversations.simulated_seed=\(seed)")
        print("conversations.vectors=\(vectors ? 1 : 0)")
        if let devOutcome = outcomes.first(where: { $0.0 == "dev" })?.1 {
            print("conversations.exact=\(devOutcome.exact)")
            print("conversations.total=\(devOutcome.total)")
            print("conversations.messages=\(devOutcome.messages)")
            print("conversations.ms_per_message=\(String(format: "%.2f", devOutcome.msPerMessage))")
        }
        await rig.group.triggerGracefulShutdown()
        try await task.value
    }

    /// The held-out sets, in the order of their number: `conversaciones_prueba.json` is
    /// `test`, `conversaciones_pruebaN.json` is `testN`.
    static func heldOutSets(dataDirectory: String) throws -> [(name: String, path: String)] {
        let directory = dataDirectory + "/evaluacion"
        let prefix = "conversaciones_prueba"
        var found: [(number: Int, name: String, path: String)] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: directory)
        where file.hasPrefix(prefix) && file.hasSuffix(".json") {
            let digits = String(file.dropFirst(prefix.count).dropLast(".json".count))
            guard digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { continue }
            found.append((number: Int(digits) ?? 1, name: "test" + digits, path: directory + "/" + file))
        }
        return found.sorted { $0.number < $1.number }.map { (name: $0.name, path: $0.path) }
    }

    /// Plays every conversation in its own chat; the orders are cancelled afterwards so the
    /// next one starts from the same stock. `detailed`: each failure with its transcript on
    /// stderr; otherwise only the count per reason at the end.
    func play(_ conversations: [ConversationSet.Conversation], set: String, rig: AgentBenchRig, detailed: Bool)
        async throws -> Outcome
    {
        var outcome = Outcome(total: conversations.count)
        let clock = ContinuousClock()
        let start = clock.now
        for (number, conversation) in conversations.enumerated() {
            for client in conversation.previousClients ?? [] { _ = try await rig.store.upsertClient(client) }
            let chatId = "bench-\(set)-\(conversation.id)-\(UUID().uuidString.prefix(8))"
            var transcript: [String] = []
            var problem: ConversationSet.Mismatch?
            do {
                for message in conversation.messages {
                    let reply = try await rig.say(chatId, message)
                    transcript.append("> \(message)\n\(reply.reply)")
                    outcome.messages += 1
                }
                problem = ConversationSet.difference(
                    conversation.expected, orders: try await rig.orders(chatId: chatId, cancel: true))
            } catch {
                _ = try? await rig.orders(chatId: chatId, cancel: true)
                problem = ConversationSet.Mismatch(category: "sin respuesta", description: "\(error)")
            }
            if let problem {
                outcome.failures[problem.category, default: 0] += 1
                if detailed {
                    let text = "✗ \(conversation.id): \(problem.description)\n\(transcript.joined(separator: "\n"))\n\n"
                    FileHandle.standardError.write(Data(text.utf8))
                }
            } else {
                outcome.exact += 1
            }
            if !detailed, (number + 1) % 100 == 0 {
                FileHandle.standardError.write(Data("\(set): \(number + 1)/\(conversations.count)\n".utf8))
            }
        }
        outcome.elapsed = clock.now - start
        let reasons = outcome.failures.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        FileHandle.standardError.write(
            Data(
                "\(set): \(outcome.exact)/\(outcome.total) exactas\(reasons.isEmpty ? "" : "; fallos por motivo: \(reasons)")\n"
                    .utf8))
        return outcome
    }
}
