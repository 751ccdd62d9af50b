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

    public let limit: Int
    public let offset: Int

    /// Limits below 1 become 1, above `maxLimit` become `maxLimit`; negative offsets become 0.
    public init(limit: Int? = nil, offset: Int? = nil) {
        self.limit = min(max(limit ?? Self.defaultLimit, 1), Self.maxLimit)
        self.offset = max(offset ?? 0, 0)
    }
}
