/// One page of a list, shaped as every list of the contract:
/// `{"resultados": [...], "total": N, "limit": L, "offset": O}`.
public struct Page<Element: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var results: [Element]
    /// Matching records across all pages.
    public var total: Int
    public var limit: Int
    public var offset: Int

    public init(results: [Element], total: Int, limit: Int, offset: Int) {
        self.results = results
        self.total = total
        self.limit = limit
        self.offset = offset
    }

    enum CodingKeys: String, CodingKey {
        case results = "resultados"
        case total
        case limit
        case offset
    }
}

/// Limit and offset as requested by a caller, clamped to sane bounds.
public struct Paging: Sendable, Equatable {
    public static let defaultLimit = 50
    public static let maxLimit = 500
    /// Far beyond any list the shop keeps, and small enough that `offset + limit` never
    /// overflows anywhere downstream (SQL, Redis ranges).
    public static let maxOffset = 1_000_000_000

    public let limit: Int
    public let offset: Int

    /// Limits below 1 become 1, above `maxLimit` become `maxLimit`; offsets are kept within
    /// 0…`maxOffset`.
    public init(limit: Int? = nil, offset: Int? = nil) {
        self.limit = min(max(limit ?? Self.defaultLimit, 1), Self.maxLimit)
        self.offset = min(max(offset ?? 0, 0), Self.maxOffset)
    }

    private init(checkedLimit: Int, offset: Int) {
        limit = checkedLimit
        self.offset = offset
    }

    /// `limit` (1…`maxLimit`, `defaultLimit` when absent) and `offset` (0…`maxOffset`) as a
    /// caller wrote them in a query string: anything else is a 400 naming the parameter.
    /// Every list route reads its paging through this.
    public static func parse(
        limit: String?, offset: String?, defaultLimit: Int = Paging.defaultLimit, maxLimit: Int = Paging.maxLimit
    ) throws(ParameterError) -> Paging {
        Paging(
            checkedLimit: try IntegerParameter.parse(limit, name: "limit", range: 1...maxLimit, default: defaultLimit),
            offset: try IntegerParameter.parse(offset, name: "offset", range: 0...maxOffset, default: 0))
    }
}
