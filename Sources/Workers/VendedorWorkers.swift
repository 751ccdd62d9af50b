import ArgumentParser
import Core

@main
struct VendedorWorkers: AsyncParsableCommand {
    mutating func run() async throws {}
}
