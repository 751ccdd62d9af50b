import Assistant
import Foundation
import Shop

/// `vendedor-bench read --query TEXT [--state checkout:telefono | quantity:ID | choice:ID,ID | proceed]`: how the offline reader
/// reads one message (intent, confidence, nearest example, clause acts, items, data), to
/// look at the understanding layer by hand. Not a benchmark.
struct ReadExplain {
    var dataDirectory: String
    var text: String
    var state: String?

    func run() throws {
        let reader = try ExampleReader(directory: dataDirectory + "/entendimiento")
        let csv = try Data(contentsOf: URL(fileURLWithPath: dataDirectory + "/catalogo.csv"))
        let names = CatalogCSV.parse(csv).rows.map(\.product.name)
        let lexicon = try SearchLexicon.load(directory: dataDirectory + "/busqueda")
        var context = ReadingContext(catalogWords: MessageTokens.catalogWords(names))
        context.otherNames = MessageTokens.catalogWords(lexicon.productNameWords.sorted())
        context.accessories = lexicon.accessories
        // As `SalesAgent.readingContext` sets them.
        context.catalogCodes = MessageTokens.catalogCodes(names)
        context.catalogHeads = MessageTokens.catalogHeads(names)
        context.catalogKinds = MessageTokens.catalogKindsOnly(names)
        if let state {
            let parts = state.split(separator: ":").map(String.init)
            context.cartIsEmpty = false
            if parts[0] == "quantity", parts.count > 1, let id = Int64(parts[1]) {
                // "quantity:ID": the agent just asked how many of product ID.
                context.pending = .quantity(productId: id)
            } else if parts[0] == "choice", parts.count > 1 {
                // "choice:ID,ID…": the agent just listed these options.
                let options = parts[1].split(separator: ",").compactMap { Int64($0) }
                context.pending = .choice(options: options, quantity: nil, pairs: false)
                context.listed = options.count
            } else if parts[0] == "proceed" {
                // "proceed": the agent just asked "¿Desea agregar algo más o seguimos?".
                context.askedToProceed = true
            } else {
                context.phase = DialogueState.Phase(rawValue: parts[0]) ?? .browsing
                context.requested = parts.count > 1 ? CheckoutSlot(rawValue: parts[1]) : nil
            }
        }
        let classifier = reader.classifier(catalogWords: context.catalogWords)
        let tokens = MessageTokens(text, catalog: context.catalogWords).tokens
        print("tokens: \(tokens.joined(separator: " "))")
        if let guess = classifier.classify(text) {
            print(
                "guess: \(guess.intent.rawValue) confidence=\(String(format: "%.2f", guess.confidence)) "
                    + "similarity=\(String(format: "%.2f", guess.similarity)) runnerUp=\(guess.runnerUp?.rawValue ?? "-") "
                    + "nearest=«\(guess.nearest)»")
        }
        let reading = reader.readNow(text, context: context)
        print("intent: \(reading.intent?.rawValue ?? "nil") acts: \(reading.acts.map(\.rawValue).sorted())")
        for item in reading.items {
            print(
                "item: \(item.action.rawValue) \(item.quantity.map(String.init) ?? "-") «\(item.words.joined(separator: " "))» pairs=\(item.pairs)"
            )
        }
        print(
            "data: \(reading.data.values.map { "\($0.key.rawValue)=«\($0.value)»" }.sorted()) free=«\(reading.data.freeText ?? "")»"
        )
        print(
            "declined: \(reading.declined.map(\.rawValue)) choice: \(String(describing: reading.choice)) topic: \(reading.topic?.rawValue ?? "-")"
        )
        print("productText: «\(reading.productText.original)»")
    }
}
