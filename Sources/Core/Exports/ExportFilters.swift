/// The filters of an export, validated and normalized (cédula as digits, state known).
/// `desde`/`hasta` are shop days ("2025-03-01", both inclusive) or ISO 8601 instants.
public struct ExportFilters: Codable, Sendable, Equatable {
    public var desde: String?
    public var hasta: String?
    public var cedula: String?
    public var productoId: Int64?
    public var estado: EstadoPedido?

    public init(
        desde: String? = nil, hasta: String? = nil, cedula: String? = nil, productoId: Int64? = nil,
        estado: EstadoPedido? = nil
    ) {
        self.desde = desde
        self.hasta = hasta
        self.cedula = cedula
        self.productoId = productoId
        self.estado = estado
    }

    /// The filter names of the contract.
    public enum Name: String, Sendable, CaseIterable {
        case desde, hasta, cedula
        case productoId = "producto_id"
        case estado
    }

    /// The filters that are set.
    public var names: Set<Name> {
        var set: Set<Name> = []
        if desde != nil { set.insert(.desde) }
        if hasta != nil { set.insert(.hasta) }
        if cedula != nil { set.insert(.cedula) }
        if productoId != nil { set.insert(.productoId) }
        if estado != nil { set.insert(.estado) }
        return set
    }

    /// The date range as instants (throws when a date is malformed or reversed).
    func dateRange() throws(ValidationErrors) -> DateRange {
        try DateRange(desde: desde, hasta: hasta)
    }

    enum CodingKeys: String, CodingKey {
        case desde, hasta, cedula
        case productoId = "producto_id"
        case estado
    }
}
