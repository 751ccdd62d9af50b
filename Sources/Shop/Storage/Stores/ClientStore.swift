import Foundation

/// Clients, keyed by cédula (digits only; "1.234.567" and "1234567" are the same).
public protocol ClientStore: Sendable {
    func client(idNumber: String) async throws -> Client?
    /// Creates the client or merges new data into the stored record (empty fields keep
    /// their stored value).
    func upsertClient(_ details: ClientDetails) async throws -> Client
}
