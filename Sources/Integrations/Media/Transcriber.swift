import Foundation

/// Turns a customer's voice note or audio file into text (Spanish).
public protocol Transcriber: Sendable {
    /// The words spoken; empty when nothing intelligible was said. Throws `ProviderError`
    /// (or any error) when the service fails.
    func transcribe(_ audio: Data, format: MediaFormat) async throws -> String
}
