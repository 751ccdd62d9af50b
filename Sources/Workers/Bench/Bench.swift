import ArgumentParser
import Core

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks; imprimen una línea clave=valor por cifra.")

    @Argument(help: "queue | conversations | reply | export")
    var name: String

    @Option(help: "Trabajos para el benchmark de colas.")
    var jobs: Int = 200_000

    @Option(help: "Vueltas al conjunto de conversaciones (benchmark reply).")
    var rounds: Int = 3

    @Option(help: "Chats simultáneos (benchmark reply).")
    var chats: Int = 8

    @Option(help: "Líneas de pedido para el benchmark de exportación.")
    var rows: Int = 1_000_000

    @Option(help: "Python con pandas, para comparar con DataFrame.to_csv (benchmark de exportación).")
    var python: String?

    func run() async throws {
        switch name {
        case "queue":
            try await QueueBench(jobs: jobs).run()
        case "conversations":
            try await ConversationsBench().run()
        case "reply":
            try await ReplyBench(rounds: rounds, chats: chats).run()
        case "export":
            try await ExportBench(rows: rows, python: python).run()
        default:
            throw ValidationError("benchmark desconocido: \(name) (disponibles: queue, conversations, reply, export)")
        }
    }
}
