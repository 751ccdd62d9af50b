import Foundation
import Support

/// The SQLite engine behind the storage protocols: each call runs `AppDatabase`'s blocking
/// transaction on `BlockingPool` (see `AppDatabase.perform`). The SQL lives in
/// `AppDatabase+*.swift`; this type only adapts it.
public struct SQLiteStore: ShopStore, ClosableStore {
    public let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    public func close() async {}

    // MARK: ProductStore

    public func product(id: Int64) async throws -> Product? {
        try await database.perform { try $0.product(id: id) }
    }

    public func products(ids: [Int64]) async throws -> [Product] {
        try await database.perform { try $0.products(ids: ids) }
    }

    public func listProducts(_ filter: ProductFilter, limit: Int?, offset: Int?) async throws -> Page<Product> {
        try await database.perform { try $0.listProducts(filter, limit: limit, offset: offset) }
    }

    public func productCategories() async throws -> [String] {
        try await database.perform { try $0.productCategories() }
    }

    public func createProduct(_ input: ProductInput) async throws -> Product {
        try await database.perform { try $0.createProduct(input) }
    }

    public func updateProduct(id: Int64, _ changes: ProductChanges) async throws -> Product {
        try await database.perform { try $0.updateProduct(id: id, changes) }
    }

    public func deleteProduct(id: Int64) async throws -> ProductDeletion {
        try await database.perform { try $0.deleteProduct(id: id) }
    }

    public func activeProductIds() async throws -> [Int64] {
        try await database.perform { try $0.activeProductIds() }
    }

    public func productNames() async throws -> [String] {
        try await database.perform { try $0.productNames() }
    }

    // MARK: ProductSearchStore

    public func searchVocabulary() async throws -> SearchVocabularyCounts {
        try await database.perform { try $0.searchVocabulary() }
    }

    public func searchProducts(_ query: ProductTextQuery, limit: Int) async throws -> [TextSearchRow] {
        try await database.perform { try $0.searchProducts(query, limit: limit) }
    }

    // MARK: OrderStore

    public func placeOrder(_ request: OrderRequest, idempotencyKey: String, updatingClient: Bool) async throws
        -> PlacedOrder
    {
        try await database.perform {
            try $0.placeOrder(request, idempotencyKey: idempotencyKey, updatingClient: updatingClient)
        }
    }

    public func order(id: Int64) async throws -> Order? {
        try await database.perform { try $0.order(id: id) }
    }

    public func order(idempotencyKey: String) async throws -> Order? {
        try await database.perform { try $0.order(idempotencyKey: idempotencyKey) }
    }

    public func listOrders(_ filter: OrderFilter, limit: Int?, offset: Int?) async throws -> Page<Order> {
        try await database.perform { try $0.listOrders(filter, limit: limit, offset: offset) }
    }

    public func orderTotal(_ filter: OrderFilter) async throws -> Int {
        try await database.perform { try $0.orderTotal(filter) }
    }

    public func changeOrderState(id: Int64, to state: OrderState) async throws -> Order {
        try await database.perform { try $0.changeOrderState(id: id, to: state) }
    }

    // MARK: ClientStore

    public func client(idNumber: String) async throws -> Client? {
        try await database.perform { try $0.client(idNumber: idNumber) }
    }

    public func upsertClient(_ details: ClientDetails) async throws -> Client {
        try await database.perform { try $0.upsertClient(details) }
    }

    // MARK: ChatStore

    @discardableResult
    public func appendMessage(_ new: NewMessage) async throws -> StoredMessage {
        try await database.perform { try $0.appendMessage(new) }
    }

    @discardableResult
    public func recordDelivery(incoming: NewMessage?, reply: NewMessage, deliveryId: String) async throws -> Bool {
        try await database.perform { try $0.recordDelivery(incoming: incoming, reply: reply, deliveryId: deliveryId) }
    }

    public func history(chatId: String, limit: Int) async throws -> [StoredMessage] {
        try await database.perform { try $0.history(chatId: chatId, limit: limit) }
    }

    public func historyPage(chatId: String, limit: Int?, offset: Int?) async throws -> Page<StoredMessage> {
        try await database.perform { try $0.historyPage(chatId: chatId, limit: limit, offset: offset) }
    }

    public func chatControl(chatId: String) async throws -> ChatControl {
        try await database.perform { try $0.chatControl(chatId: chatId) }
    }

    @discardableResult
    public func setAIActive(chatId: String, active: Bool, channel: Channel?) async throws -> ChatControl {
        try await database.perform { try $0.setAIActive(chatId: chatId, active: active, channel: channel) }
    }

    public func recordChannel(chatId: String, channel: Channel, owner: String?) async throws {
        try await database.perform { try $0.recordChannel(chatId: chatId, channel: channel, owner: owner) }
    }

    public func dialogueJSON(chatId: String) async throws -> String? {
        try await database.perform { try $0.dialogueJSON(chatId: chatId) }
    }

    public func chatTurnResult(jobId: String) async throws -> String? {
        try await database.perform { try $0.chatTurnResult(jobId: jobId) }
    }

    @discardableResult
    public func recordChatTurn(_ record: ChatTurnRecord) async throws -> String {
        try await database.perform { try $0.recordChatTurn(record) }
    }

    // MARK: VectorStore

    public func activeVectorIndex() async throws -> VectorIndexInfo? {
        try await database.perform { try $0.activeVectorIndex() }
    }

    public func vectorIndex(id: Int64) async throws -> VectorIndexInfo? {
        try await database.perform { try $0.vectorIndex(id: id) }
    }

    public func vectorTargets(model: String) async throws -> [VectorIndexInfo] {
        try await database.perform { try $0.vectorTargets(model: model) }
    }

    public func buildingIndex(job: String, model: String, dimension: Int) async throws -> VectorIndexInfo {
        try await database.perform { try $0.buildingIndex(job: job, model: model, dimension: dimension) }
    }

    public func allProductIds() async throws -> [Int64] {
        try await database.perform { try $0.allProductIds() }
    }

    public func vectorFingerprints(index: Int64, productIds: [Int64]) async throws -> [Int64: String] {
        try await database.perform { try $0.vectorFingerprints(index: index, productIds: productIds) }
    }

    @discardableResult
    public func storeVectors(index: Int64, _ vectors: [ProductVector], deleted: [Int64]) async throws -> Int {
        try await database.perform { try $0.storeVectors(index: index, vectors, deleted: deleted) }
    }

    public func vectorProgress(index: Int64) async throws -> (done: Int, total: Int) {
        try await database.perform { try $0.vectorProgress(index: index) }
    }

    @discardableResult
    public func activateIfComplete(index: Int64) async throws -> Bool {
        try await database.perform { try $0.activateIfComplete(index: index) }
    }

    public func activeVectorChanges(knownIndex: Int64?, since generation: Int64) async throws -> VectorChanges? {
        try await database.perform { try $0.activeVectorChanges(knownIndex: knownIndex, since: generation) }
    }

    public func orphanVectors(index: Int64) async throws -> [Int64] {
        try await database.perform { try $0.orphanVectors(index: index) }
    }
}
