import Foundation
import Shop
import Support

/// Writes purchase dialogues from the paraphrase banks of `data/evaluacion/simulador/`:
/// what the customer types, message by message, and the exact order that must end up
/// registered. The same seed gives the same dialogues, and dialogue i does not depend on how
/// many are asked for. Products and quantities come from the catalog (active products with
/// stock, quantities within the stock); customers are made up; nothing is read from the
/// agent's code or its search data, so the set measures how well the agent generalises.
///
/// The customer does not read the replies: like the hand-written sets, a dialogue is a
/// script that assumes a sensible shop assistant (it asks the checkout data in the order
/// nombre, cédula, teléfono, correo, dirección, barrio, indicaciones, answers questions and
/// resumes, shows a summary before placing the order).
struct CustomerSimulator: Sendable {
    /// A product the simulator may order, with the ways the banks name it.
    struct SellableProduct: Sendable {
        var id: Int64
        var stock: Int
        var names: [ProductForm]
        var needs: [ProductForm]
    }

    let banks: SimulatorBanks
    let products: [SellableProduct]

    static let defaultSeed: UInt64 = 20_251_204
    static let defaultCount = 1_000

    init(banks: SimulatorBanks, catalog: [Product]) throws {
        let forms = Dictionary(grouping: banks.productForms, by: \.productId)
        products = catalog.filter { $0.active && $0.stock > 0 }.sorted { $0.id < $1.id }.compactMap { product in
            let names = forms[product.id, default: []].filter { $0.kind != .need }
            guard !names.isEmpty else { return nil }
            return SellableProduct(
                id: product.id, stock: product.stock, names: names,
                needs: forms[product.id, default: []].filter { $0.kind == .need })
        }
        guard products.count >= 3 else {
            throw BenchError("el banco de productos del simulador no cubre productos activos con stock")
        }
        self.banks = banks
    }

    /// The banks of `<data>/evaluacion/simulador` against `<data>/catalogo.csv`.
    static func load(dataDirectory: String = "data") throws -> CustomerSimulator {
        let csv = try Data(contentsOf: URL(fileURLWithPath: dataDirectory + "/catalogo.csv"))
        let parsed = CatalogCSV.parse(csv)
        guard parsed.errors.isEmpty else { throw BenchError("catalogo.csv tiene errores: \(parsed.errors)") }
        return try CustomerSimulator(
            banks: try SimulatorBanks.load(directory: dataDirectory + "/evaluacion/simulador"),
            catalog: parsed.rows.map(\.product))
    }

    /// `count` dialogues; no two customers share a cédula, nor with `takenIdNumbers` (the
    /// clients other sets register in the same database).
    func conversations(count: Int, seed: UInt64, takenIdNumbers: Set<String> = []) -> [ConversationSet.Conversation] {
        var taken = takenIdNumbers
        return (0..<count).map { index in
            var writer = DialogueWriter(simulator: self, rng: SeededGenerator(seed: seed, stream: index))
            return writer.write(number: index + 1, takenIdNumbers: &taken)
        }
    }
}
