import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText
@testable import Support

@Suite("Agent pieces without I/O: grounding, matching, items, company text, configuration")
struct AgentUnitTests {
    static let facts = ReplyFacts([
        .productInfo(
            ProductFact(Product(id: 35, name: "Guantes vaqueta", description: "Cuero", price: 15800, stock: 23)),
            purpose: false),
        .cart(
            [LineFact(Cart.Line(productId: 35, name: "Guantes vaqueta", quantity: 10, price: 15800))],
            total: 158_000),
    ])

    @Test func groundingAcceptsTheFactsAndRefusesInventions() {
        let check = GroundingCheck(catalogNames: ["Guantes vaqueta", "Casco dieléctrico", "Señal Salida"])
        #expect(
            check.check("Los Guantes vaqueta valen $15.800; 10 pares suman $158.000.", facts: Self.facts) == .grounded)
        #expect(check.check("Cuestan 15.800 pesos.", facts: Self.facts) == .grounded)
        guard case .refused = check.check("Hoy a $14.000.", facts: Self.facts) else { Issue.record("precio"); return }
        guard case .refused = check.check("Son 158 mil pesos.", facts: ReplyFacts()) else {
            Issue.record("mil pesos")
            return
        }
        guard case .refused = check.check("Le sirve el casco dieléctrico.", facts: Self.facts) else {
            Issue.record("producto")
            return
        }
        let placed = ReplyFacts([.orderPlaced(id: 41, total: 158_000)])
        guard case .refused = check.check("¡Pedido registrado!", facts: placed) else { Issue.record("pedido"); return }
        #expect(check.check("Su pedido #41 por $158.000 quedó listo.", facts: placed) == .grounded)
        // The names' phrases are kept per catalog: a name only in another catalog is refused
        // under that one, and the first catalog's check is unchanged after it.
        let other = GroundingCheck(catalogNames: ["Botas punta de acero"])
        guard case .refused = other.check("Le sirven las botas punta de acero.", facts: Self.facts) else {
            Issue.record("catálogo nuevo")
            return
        }
        #expect(check.check("Le sirven las botas punta de acero.", facts: Self.facts) == .grounded)
        let again = GroundingCheck(catalogNames: ["Guantes vaqueta", "Casco dieléctrico", "Señal Salida"])
        guard case .refused = again.check("Le sirve el casco dieléctrico.", facts: Self.facts) else {
            Issue.record("producto, otra vez")
            return
        }
        // The company text is parsed once per text, and a changed text is parsed again.
        #expect(CompanyAnswerer.cached(companyText: "# Ferretería Uno\nVendemos.").shopName == "Ferretería Uno")
        #expect(CompanyAnswerer.cached(companyText: "# Dotaciones Dos\nVendemos.").shopName == "Dotaciones Dos")
        #expect(CompanyAnswerer.cached(companyText: "# Ferretería Uno\nVendemos.").shopName == "Ferretería Uno")
    }

    @Test func matcherPicksTheNamedProductOrAsksAmongEquals() {
        let vests = [
            Product(id: 48, name: "Chaleco reflectivo", description: "Chaleco con cintas", price: 11000, stock: 24),
            Product(id: 49, name: "Chaleco alta visibilidad", description: "Tipo DOT", price: 14000, stock: 12),
            Product(id: 91, name: "Faja reflectiva", description: "Faja ajustable", price: 9900, stock: 17),
        ]
        #expect(
            ProductMatcher.resolve(["los", "reflectivos"], among: Array(vests.prefix(2))) == .match(vests[0]))
        #expect(ProductMatcher.resolve(["chaleco", "reflectivo"], among: vests) == .match(vests[0]))
        #expect(ProductMatcher.resolve(["chalecos"], among: vests) == .ambiguous([vests[0], vests[1]]))
        #expect(ProductMatcher.resolve(["celulares"], among: vests) == .none)
        #expect(WordForms.same("estintores", "extintor"))
        #expect(WordForms.same("arneses", "arnes"))
        #expect(!WordForms.same("casco", "cascos auditivos"))
    }

    @Test func itemsTakeTheirQuantitiesBeforeOrAfter() {
        let items = ItemExtractor.items(in: Words("quiero 10 pares de guantes de vaqueta y 5 chalecos"))
        #expect(items.map(\.quantity) == [10, 5])
        #expect(items.map { $0.words.joined(separator: " ") } == ["guantes de vaqueta", "chalecos"])
        #expect(items.first?.pairs == true)
        let after = ItemExtractor.items(in: Words("y cinta barricada, 3 rollos"))
        // The leading "y" joins this item to an earlier one; it is no word of the product's
        // (the old expectation kept it from the extractor before segments).
        #expect(after.map(\.quantity) == [3] && after.first?.words == ["cinta", "barricada"])
    }

    @Test func companyTextIsReadAsSectionsAndBullets() {
        let answerer = CompanyAnswerer(
            companyText:
                "# Tienda X\n\n## Envíos\n- Despachamos a todo el país,\n  en 48 horas.\n\n## Contacto\n- Teléfono: 555 1234."
        )
        #expect(answerer.shopName == "Tienda X")
        #expect(
            answerer.answer(.shipping, question: Words("¿hacen envíos?")) == [
                "Despachamos a todo el país, en 48 horas."
            ])
        #expect(answerer.answer(.hours, question: Words("¿qué horario tienen?")).isEmpty)
        #expect(answerer.contactLines == ["Teléfono: 555 1234."])
        #expect(CompanyAnswerer.topic(of: Words("¿tienen sistema de alarma?")) == nil)
    }

    @Test func configurationIsCheckedAtStart() throws {
        #expect(try AgentConfig(environment: Environment([:])).provider == .none)
        #expect(throws: ConfigError.self) { try AgentConfig(environment: Environment(["LLM_PROVIDER": "claude"])) }
        #expect(throws: ConfigError.self) { try AgentConfig(environment: Environment(["LLM_PROVIDER": "openai"])) }
        #expect(throws: ConfigError.self) { try AgentConfig(environment: Environment(["LLM_PROVIDER": "gemini"])) }
        #expect(throws: ConfigError.self) { try AgentConfig(environment: Environment(["TEMPERATURE": "5"])) }
        let local = try AgentConfig(
            environment: Environment([
                "LLM_PROVIDER": "openai", "OPENAI_BASE_URL": "http://127.0.0.1:8080/v1", "MAX_HISTORY_LENGTH": "4",
            ]))
        #expect(local.model == AgentConfig.defaultOpenAIModel && local.maxHistory == 4)
    }
}

@Suite("Agent: catalog texts' words kept between turns")
struct ProductWordsTests {
    /// The memo answers what tokenizing answers, for every catalog text, twice (the second
    /// from the memo), and past its capacity it starts again without losing answers.
    @Test func theMemoAnswersWhatTokenizingAnswers() throws {
        let catalog = try String(
            contentsOf: TestPaths.repoRoot.appendingPathComponent("data/catalogo.csv"), encoding: .utf8)
        let texts = catalog.split(separator: "\n").map(String.init) + ["Extintor PQS 9kg", "Guantes de vaqueta x 12"]
        for _ in 0..<2 {
            for text in texts { #expect(ProductWords.of(text) == WordForms.contentWords(text), "\(text)") }
        }
        for index in 0...ProductWords.capacity { _ = ProductWords.of("producto \(index)") }
        #expect(ProductWords.of("Casco dieléctrico blanco") == WordForms.contentWords("Casco dieléctrico blanco"))
    }
}
