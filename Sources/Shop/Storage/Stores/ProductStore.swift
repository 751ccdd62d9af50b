import Foundation

/// The catalog, as every engine stores it. Methods are one transaction each and validate
/// their input like `AppDatabase`'s (the SQLite implementation) do.
public protocol ProductStore: Sendable {
    func product(id: Int64) async throws -> Product?
    /// The products with these ids that exist, in the order of `ids`.
    func products(ids: [Int64]) async throws -> [Product]
    /// A page of products matching `filter`, by id.
    func listProducts(_ filter: ProductFilter, limit: Int?, offset: Int?) async throws -> Page<Product>
    /// Distinct categories of active products, alphabetically.
    func productCategories() async throws -> [String]
    /// Adds a product; with an explicit id that is already taken, throws `StoreError.conflict`.
    func createProduct(_ input: ProductInput) async throws -> Product
    /// Changes the fields present in `changes`; `StoreError.notFound` for an unknown id.
    func updateProduct(id: Int64, _ changes: ProductChanges) async throws -> Product
    /// Deletes a product, or only deactivates it when orders refer to it.
    func deleteProduct(id: Int64) async throws -> ProductDeletion
    /// Ids of the products that can be offered (active).
    func activeProductIds() async throws -> [Int64]
    /// Names of every product, active or not, by id.
    func productNames() async throws -> [String]
}
