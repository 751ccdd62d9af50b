import Foundation

/// Clients, keyed by cédula (digits only; "1.234.567" and "1234567" are the same).
public protocol ClientStore: Sendable {
    func client(idNumber: String) async throws -> Client?
    /// Creates the client or merges new data into the stored record (empty fields keep
    /// their stored value).
    func upsertClient(_ details: ClientDetails) async throws -> Client
    /// Adds a client; throws `StoreError.conflict` when the cédula is already registered.
    func createClient(_ details: ClientDetails) async throws -> Client
    /// Replaces a client's contact data (absent optional fields are cleared); the cédula is
    /// never changed.
    func updateClient(idNumber: String, _ details: ClientDetails) async throws -> Client
    /// Deletes a client without orders; a client with orders is retired instead.
    func deleteClient(idNumber: String) async throws -> ClientDeletion
    /// Retires a client (`false`) or brings one back (`true`).
    func setClientActive(idNumber: String, active: Bool) async throws -> Client
    /// Clients whose name (ignoring case and accents), e-mail, phone or cédula contains `q`;
    /// an exact cédula first, then by name. A blank `q` lists everyone.
    func searchClients(q: String, limit: Int?, offset: Int?) async throws -> Page<Client>
    /// A client's orders, newest first; `StoreError.notFound` for an unknown cédula.
    func clientOrders(idNumber: String, limit: Int?, offset: Int?) async throws -> Page<Order>
}

extension ClientStore {
    /// Every client, by name.
    public func listClients(limit: Int?, offset: Int?) async throws -> Page<Client> {
        try await searchClients(q: "", limit: limit, offset: offset)
    }
}

/// Client rules that do not depend on the engine.
enum ClientRules {
    /// The validated cédula and details of an update: the details' cédula must be the client's.
    static func update(idNumber: String, _ details: ClientDetails) throws -> (String, ClientDetails) {
        let idNumber = try Validation.idNumber(idNumber)
        let details = try details.validated()
        guard details.idNumber == idNumber else {
            throw ValidationErrors([
                ValidationError(field: "cedula", message: "La cédula de un cliente no se puede cambiar.")
            ])
        }
        return (idNumber, details)
    }

    /// The digits a phone or cédula search should look for: separators and a +57 prefix removed.
    static func searchDigits(_ query: String) -> String {
        let compact = query.filter { !$0.isWhitespace && !"-.()".contains($0) }
        guard !compact.isEmpty, compact.dropFirst(compact.hasPrefix("+") ? 1 : 0).allSatisfy(\.isASCIIDigit) else {
            return ""
        }
        if compact.hasPrefix("+57") { return String(compact.dropFirst(3)) }
        return compact.filter(\.isASCIIDigit)
    }
}
