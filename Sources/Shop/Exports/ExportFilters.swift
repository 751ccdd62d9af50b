/// The filters of an export, validated and normalized (cédula as digits, state known).
/// `desde`/`hasta` are shop days ("2025-03-01", both inclusive) or ISO 8601 instants.
public struct ExportFilters: Codable, Sendable, Equatable {
    public var since: String?
    public var until: String?
    public var idNumber: String?
    public var productId: Int64?
    public var state: OrderState?

    public init(
        since: String? = nil, until: String? = nil, idNumber: String? = nil, productId: Int64? = nil,
        state: OrderState? = nil
    ) {
        self.since = since
        self.until = until
        self.idNumber = idNumber
        self.productId = productId
        self.state = state
    }

    /// The filter names of the contract.
    public enum Name: String, Sendable, CaseIterable {
        case since = "desde", until = "hasta", idNumber = "cedula"
        case productId = "producto_id"
        case state = "estado"
    }

    /// The filters that are set.
    public var names: Set<Name> {
        var set: Set<Name> = []
        if since != nil { set.insert(.since) }
        if until != nil { set.insert(.until) }
        if idNumber != nil { set.insert(.idNumber) }
        if productId != nil { set.insert(.productId) }
        if state != nil { set.insert(.state) }
        return set
    }

    /// The date range as instants (throws when a date is malformed or reversed).
    func dateRange() throws(ValidationErrors) -> DateRange {
        try DateRange(since: since, until: until)
    }

    enum CodingKeys: String, CodingKey {
        case since = "desde", until = "hasta", idNumber = "cedula"
        case productId = "producto_id"
        case state = "estado"
    }
}
