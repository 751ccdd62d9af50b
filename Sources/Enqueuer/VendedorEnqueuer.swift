import ArgumentParser
import Core

@main
struct VendedorEnqueuer: AsyncParsableCommand {
    mutating func run() async throws {}
}
