import ArgumentParser
import Assistant
import Foundation
import Shop

/// `vendedor-bench NAME`: the benchmarks `ops/bench` runs (one `key=value` line per figure
/// on stdout). Its own executable, so no benchmark code ships in the production binaries.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vendedor-bench", abstract: "Benchmarks; imprimen una línea clave=valor por cifra.")

    @Argument(
        help:
            "queue | conversations | reply | reply-slow-model | export | vector | retrieval | memory | parse | storage | console; simulate escribe los diálogos simulados; play reproduce los diálogos del archivo --query"
    )
    var name: String

    @Option(help: "Trabajos para el benchmark de colas.")
    var jobs: Int = 200_000

    @Option(help: "Vueltas al conjunto de conversaciones (benchmark reply).")
    var rounds: Int = 3

    @Option(help: "Chats simultáneos (benchmark reply; 8, o 64 con --mix first).")
    var chats: Int?

    @Option(
        help:
            "Mensajes del benchmark reply: evaluation (conversaciones.json, --rounds veces), simulated (100 × --rounds diálogos del simulador) o first (el primer mensaje de --messages diálogos simulados, un chat cada uno)."
    )
    var mix: ReplyBench.Mix = .evaluation

    @Option(help: "Mensajes, uno por chat (benchmarks reply-slow-model y reply --mix first).")
    var messages: Int = 1_000

    @Option(help: "Latencias del modelo falso en ms, separadas por comas (benchmark reply-slow-model).")
    var latencies: String = "500,2000"

    @Option(help: "Llamadas simultáneas que admite el modelo falso; más reciben 429 (benchmark reply-slow-model).")
    var modelLimit: Int = 1_000

    @Option(
        help:
            "Mensajes por segundo de la tanda a ritmo constante tras cada ráfaga; 0, ninguna (benchmark reply-slow-model)."
    )
    var pacedRate: Int = 40

    @Option(help: "Directorio de colas con la cola chat de antes, medido también (benchmark reply-slow-model).")
    var beforeQueues: String?

    @Flag(
        help:
            "Construye antes los vectores del catálogo (búsqueda híbrida, como en producción con embeddings): benchmarks reply y conversations."
    )
    var vectors = false

    @Option(
        help:
            "Líneas de pedido (export, 1.000.000) o vectores del índice (vector, 100.000) o conversaciones (console, 10.000)."
    )
    var rows: Int?

    @Option(help: "Python con pandas, para comparar con DataFrame.to_csv (benchmark de exportación).")
    var python: String?

    @Option(help: "Consultas (benchmark vector).")
    var queries: Int = 1_000

    @Option(help: "Directorio donde dejar datos y resultados para comparar con FAISS (benchmark vector).")
    var out: String?

    @Option(
        name: .customLong("data"),
        help: "Directorio de datos con catalogo.csv, busqueda/ y evaluacion/ (benchmarks retrieval y conversations).")
    var dataDirectory: String?

    @Option(
        name: .customLong("tuning"),
        help:
            "Ajuste de la fusión: similitud mínima, distancia al mejor, peso de los vectores[, similitud y margen de los usos] (retrieval)."
    )
    var adjustment: String?

    @Option(help: "Archivo JSON donde guardar y reutilizar los vectores (retrieval, para ajustar a mano).")
    var vectorCache: String?

    @Option(help: "Explica una consulta en vez de evaluar los conjuntos (benchmark retrieval); el mensaje (read).")
    var query: String?

    @Option(help: "Estado para read: fase[:dato pedido], p. ej. checkout:telefono.")
    var state: String?

    @Option(help: "Diálogos simulados (benchmark conversations).")
    var simulated: Int = CustomerSimulator.defaultCount

    @Option(help: "Semilla del simulador de clientes (benchmark conversations).")
    var seed: UInt64 = CustomerSimulator.defaultSeed

    @Option(help: "Archivo para los diálogos simulados, con el formato de conversaciones.json.")
    var simulatedOut: String?

    @Flag(help: "Muestra completos los fallos del conjunto simulado (nunca los del conjunto de prueba).")
    var simulatedDetails = false

    @Option(
        help:
            "Conjuntos a correr, separados por comas: conversations dev,test,test2…,simulated; retrieval dev,control,test… (todos por omisión)."
    )
    var sets: String?

    func run() async throws {
        switch name {
        case "queue":
            try await QueueBench(jobs: jobs).run()
        case "conversations":
            guard simulated >= 0 else { throw ValidationError("--simulated no puede ser negativo") }
            let root = ProcessInfo.processInfo.environment["VENDEDOR_REPO_ROOT"] ?? "."
            try await ConversationsBench(
                simulated: simulated, seed: seed, dataDirectory: dataDirectory ?? root + "/data",
                simulatedOut: simulatedOut, simulatedDetails: simulatedDetails,
                sets: sets.map { Set($0.split(separator: ",").map(String.init)) },
                vectors: vectors
            ).run()
        case "simulate":
            // Not a benchmark: the simulated dialogues as JSON (stdout or --simulated-out), to read them.
            let root = ProcessInfo.processInfo.environment["VENDEDOR_REPO_ROOT"] ?? "."
            let data = dataDirectory ?? root + "/data"
            let set = ConversationSet(
                description: "Diálogos simulados (CustomerSimulator, semilla \(seed)).",
                conversations: try CustomerSimulator.load(dataDirectory: data)
                    .conversations(count: simulated, seed: seed))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let json = try encoder.encode(set)
            if let simulatedOut {
                try json.write(to: URL(fileURLWithPath: simulatedOut))
            } else {
                FileHandle.standardOutput.write(json)
            }
        case "play":
            // Not a benchmark: plays the dialogues of the text file --query and prints them.
            let root = ProcessInfo.processInfo.environment["VENDEDOR_REPO_ROOT"] ?? "."
            guard let query else { throw ValidationError("play necesita --query ARCHIVO") }
            try await DialoguePlayer(dataDirectory: dataDirectory ?? root + "/data", path: query, vectors: vectors)
                .run()
        case "read":
            // Not a benchmark: how the offline reader reads --query (with --state fase:slot).
            let root = ProcessInfo.processInfo.environment["VENDEDOR_REPO_ROOT"] ?? "."
            try ReadExplain(dataDirectory: dataDirectory ?? root + "/data", text: query ?? "", state: state).run()
        case "reply":
            try await ReplyBench(
                rounds: rounds, chats: chats ?? (mix == .first ? 64 : 8), vectors: vectors, mix: mix,
                messages: messages, seed: seed
            ).run()
        case "reply-slow-model":
            let values = latencies.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !values.isEmpty, values.allSatisfy({ $0 >= 0 }), messages > 0 else {
                throw ValidationError("--latencies necesita milisegundos separados por comas y --messages > 0")
            }
            try await SlowModelBench(
                messages: messages, latenciesMs: values, modelLimit: modelLimit, beforeQueues: beforeQueues,
                pacedRate: pacedRate
            ).run()
        case "export":
            try await ExportBench(rows: rows ?? 1_000_000, python: python).run()
        case "console":
            try await ConsoleBench(conversations: rows ?? 10_000).run()
        case "memory":
            try await MemoryBench(messages: rows ?? 2_000).run()
        case "vector":
            try await VectorBench(rows: rows ?? 100_000, queries: queries, out: out).run()
        case "parse":
            let root = ProcessInfo.processInfo.environment["VENDEDOR_REPO_ROOT"] ?? "."
            try await ParseBench(dataDirectory: dataDirectory ?? root + "/data").run()
        case "storage":
            let root = ProcessInfo.processInfo.environment["VENDEDOR_REPO_ROOT"] ?? "."
            try await StorageBench(
                dataDirectory: dataDirectory ?? root + "/data", orders: rows ?? 2_000, turns: rows ?? 2_000
            )
            .run()
        case "retrieval":
            let root = ProcessInfo.processInfo.environment["VENDEDOR_REPO_ROOT"] ?? "."
            var bench = RetrievalBench(
                dataDirectory: dataDirectory ?? root + "/data", explain: query, vectorCache: vectorCache,
                only: sets.map { Set($0.split(separator: ",").map(String.init)) })
            if let adjustment {
                let values = adjustment.split(separator: ",").compactMap { Double($0) }
                guard values.count == 3 || values.count == 5 else {
                    throw ValidationError("--tuning necesita 3 o 5 números separados por comas")
                }
                bench.tuning = HybridRetriever.Tuning(
                    minSimilarity: Float(values[0]), maxGapFromBest: Float(values[1]), vectorWeight: values[2])
                if values.count == 5 {
                    bench.tuning.useSimilarity = Float(values[3])
                    bench.tuning.useMargin = Float(values[4])
                }
            }
            try await bench.run()
        default:
            throw ValidationError(
                "benchmark desconocido: \(name) (disponibles: queue, conversations, reply, reply-slow-model, export, vector, retrieval, memory, parse, storage, console)"
            )
        }
    }
}

extension ReplyBench.Mix: ExpressibleByArgument {}
