import Foundation

@testable import Assistant
@testable import SpanishText

/// What the reader knows of a small catalog in a reading test, as `SalesAgent.readingContext`
/// sets it: its words, heads and kinds, the lexicon's other names of products and, when
/// asked, the accessories.
enum CatalogReading {
    static let reader = try! ExampleReader(directory: TestPaths.bankDirectory)
    static let lexicon = try! SearchLexicon.load(
        directory: TestPaths.repoRoot.appendingPathComponent("data/busqueda").path)

    static func read(_ text: String, names: [String], cartIsEmpty: Bool = true, accessories: Bool = true) -> Reading {
        var context = ReadingContext(cartIsEmpty: cartIsEmpty, catalogWords: MessageTokens.catalogWords(names))
        context.otherNames = MessageTokens.catalogWords(lexicon.productNameWords.sorted())
        context.catalogHeads = MessageTokens.catalogHeads(names)
        context.catalogKinds = MessageTokens.catalogKindsOnly(names)
        if accessories { context.accessories = lexicon.accessories }
        return reader.readNow(text, context: context)
    }
}
