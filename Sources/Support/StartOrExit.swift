import Foundation

/// Runs a start-up step; on failure prints its error as one line (`vendedor: …`) and ends
/// the process with status 1. Used for configuration and connections at start.
public func startOrExit<T>(_ make: () throws -> T) -> T {
    do {
        return try make()
    } catch {
        exitWithMessage(error)
    }
}

public func startOrExitAsync<T>(_ make: () async throws -> T) async -> T {
    do {
        return try await make()
    } catch {
        exitWithMessage(error)
    }
}

private func exitWithMessage(_ error: any Error) -> Never {
    FileHandle.standardError.write(Data("vendedor: \(error)\n".utf8))
    exit(1)
}
