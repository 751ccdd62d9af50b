import Foundation
import JobEngine
import Shop

/// Brings product vectors up to date: embeds the products whose text changed since their
/// vector was made, and drops the vectors of deleted products. Enqueued when products are
/// created, changed, deleted or imported, and by a re-index for each slice of the catalog.
/// Idempotent: a product whose stored vector matches its text is skipped.
public struct EmbedProductsJob: JobPayload, Equatable {
    public static let kind = "catalogo.embeber"
    public static let queue = "indexar"

    /// The products to look at; empty with `todos` = the whole catalog.
    public var productIds: [Int64]
    public var all: Bool
    /// Only this index (a re-index slice); nil = the indexes of the configured model.
    public var indexId: Int64?
    /// The re-index job whose progress this slice advances.
    public var reindexed: String?

    public init(productIds: [Int64], all: Bool = false, indexId: Int64? = nil, reindexed: String? = nil) {
        self.productIds = productIds
        self.all = all
        self.indexId = indexId
        self.reindexed = reindexed
    }

    /// Every product (after an import, or at start-up to catch up on anything missed).
    public static let wholeCatalog = EmbedProductsJob(productIds: [], all: true)

    enum CodingKeys: String, CodingKey {
        case productIds = "producto_ids"
        case all = "todos"
        case indexId = "indice_id"
        case reindexed = "reindexado"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        productIds = try container.decodeIfPresent([Int64].self, forKey: .productIds) ?? []
        all = try container.decodeIfPresent(Bool.self, forKey: .all) ?? false
        indexId = try container.decodeIfPresent(Int64.self, forKey: .indexId)
        reindexed = try container.decodeIfPresent(String.self, forKey: .reindexed)
    }
}

/// Rebuilds the vector index of the whole catalog with the configured embedding model:
/// creates an index aside, fans out `EmbedProductsJob` slices (progress hechos/total on this
/// job), and the slice that completes it swaps it in. `POST /admin/reindexar` and
/// `vendedor-workers reindexar` enqueue it; workers enqueue one at start when no index of the
/// configured model exists (first start, or a model change).
public struct ReindexCatalogJob: JobPayload, Equatable {
    public static let kind = "catalogo.reindexar"
    public static let queue = "indexar"

    /// Why (for the operator): "manual", "modelo nuevo"…
    public var reason: String

    /// The idempotency key of the automatic re-index of `model` (first index, model change,
    /// demo catalog loaded): one per model and Colombian day, whoever enqueues it.
    public static func automaticKey(model: String, at date: Date = Date()) -> String {
        "reindexar-modelo:\(model):\(ShopCalendar.day(of: date))"
    }

    public init(reason: String = "manual") {
        self.reason = reason
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        reason = try container.decodeIfPresent(String.self, forKey: .reason) ?? "manual"
    }

    enum CodingKeys: String, CodingKey { case reason = "motivo" }
}
