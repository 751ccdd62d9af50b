import Hummingbird
import Shop

/// `limit` (1–500, default 50) and `offset` (0–1,000,000,000) query parameters, read by
/// `Paging.parse` (the one parser of paging: a bad value is a 400 naming it).
enum Pagination {
    static func parse(_ request: Request, defaultLimit: Int = Paging.defaultLimit) throws -> (limit: Int, offset: Int) {
        let paging = try Paging.parse(
            limit: request.uri.queryParameters.get("limit"), offset: request.uri.queryParameters.get("offset"),
            defaultLimit: defaultLimit)
        return (paging.limit, paging.offset)
    }
}
