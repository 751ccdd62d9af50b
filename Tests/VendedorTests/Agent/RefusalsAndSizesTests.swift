import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// Found on the n-set (issue 22, fifteenth round), tested with new phrasings. Before: "que no
/// sea de polvo" offered the dry-powder extinguishers; "3 pares talla 40 y 2 pares talla 42"
/// ordered gloves for "talla 40"; "la escalera tiene 10 escalones, mándeme 10" searched for
/// steps; "a nombre de" an invoice's company replaced the contact's name; "orejeras grandes"
/// was not carried ("grandes" weighed as much as the name); "la señalita" was no catalog word
/// to the reader.
@Suite(.serialized) struct RefusalsAndSizesTests {
    @Test func theWordsOfARefusalAreReadAfterItsLeadOrBeforeNoSirve() {
        #expect(RefusedWords.read(Words("un extintor que no sea de polvo porque daña todo").texts).words == ["polvo"])
        #expect(RefusedWords.read(Words("me dijeron que no puede ser de polvo").texts).words == ["polvo"])
        #expect(RefusedWords.read(Words("no quiero el de polvo, mejor otro").texts).words == ["polvo"])
        #expect(RefusedWords.read(Words("es que el de polvo no me sirve para la cocina").texts).words == ["polvo"])
        // One's own broken thing is no refusal of its kind: a new one is wanted.
        #expect(RefusedWords.read(Words("el extintor que tengo ya no sirve").texts).words.isEmpty)
        #expect(RefusedWords.read(Words("los muchachos andan sin nada de protección").texts).words.isEmpty)
        #expect(RefusedWords.read(Words("no quiero nada más, gracias").texts).words.isEmpty)
        // The refusal's words are no part of what is sought.
        let said = Words("guantes que no sean de látex para la cocina").texts
        let spans = RefusedWords.read(said).spans
        #expect(spans.count == 1 && spans[0].contains(said.firstIndex(of: "latex")!), "\(spans)")
    }

    /// Hostile text through the refusal reader: a lead followed by thousands of words, an
    /// article thousands of words before "no sirve", thousands of leads in a row, huge numbers
    /// and a word of ten thousand letters. The reader takes at most `maxWords` after a lead and
    /// looks back at most `maxLookBack` words.
    @Test func hostileTextThroughTheRefusalReader() {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let many = (0..<5_000).map { n in
            "pal" + String([letters[n / 676 % 26], letters[n / 26 % 26], letters[n % 26]])
        }
        let afterLead = RefusedWords.read(["no", "quiero"] + many)
        #expect(afterLead.words.count <= RefusedWords.maxWords, "\(afterLead.words.count)")
        #expect(afterLead.spans.allSatisfy { $0.count <= 2 + RefusedWords.maxWords }, "\(afterLead.spans)")
        let farArticle = RefusedWords.read(["el", "de"] + many + ["no", "sirve"])
        #expect(farArticle.words.isEmpty, "\(farArticle.words.count)")
        let leads = RefusedWords.read(Array(repeating: ["no", "sea", "de"], count: 3_000).flatMap { $0 })
        #expect(leads.words.isEmpty && leads.spans.isEmpty)
        let odd = RefusedWords.read([
            "no", "sea", "99999999999999999999999999", String(repeating: "k", count: 10_000), "no", "sirve",
        ])
        #expect(odd.words.count <= RefusedWords.maxWords)
    }

    @Test func aSearchOffersNoProductWithARefusedWord() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let search = LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())
        for query in [
            "un extintor para la oficina que no sea de polvo químico", "extintor, pero el de polvo no sirve pa eso",
        ] {
            let names = try await search.find(query, limit: 10).matches.map(\.product.name)
            #expect(!names.isEmpty, "\(query)")
            #expect(!names.contains { $0.contains("PQS") }, "\(query) → \(names)")
        }
        // Without the refusal the same words find them.
        let plain = try await search.find("un extintor para la oficina", limit: 10).matches.map(\.product.name)
        #expect(plain.contains { $0.contains("PQS") }, "\(plain)")
    }

    @Test func theAgentListsNoRefusedKindBesideAStory() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say(
            "rf1",
            "Buenas tardes. En la oficina tenemos computadores y un ingeniero nos dijo que el extintor no puede ser "
                + "de polvo porque daña los equipos. ¿Cuál me sirve?")
        #expect(reply.reply.contains("Extintor CO2"), "\(reply.reply)")
        #expect(!reply.reply.contains("PQS"), "\(reply.reply)")
        await h.tearDown()
    }

    @Test func countsThatNameOnlyASizeAddUpOnTheProductBeforeThem() async throws {
        let h = try await AgentHarness()
        let boots = try await h.say(
            "sz1", "Buenas. Necesito botas de punta de acero: 2 pares talla 39 y 4 pares talla 41")
        #expect(boots.reply.contains("6 × Botas punta acero"), "\(boots.reply)")
        #expect(!boots.reply.contains("Guantes"), "\(boots.reply)")
        await h.tearDown()
        let reader = try ExampleReader(directory: TestPaths.bankDirectory)
        let context = ReadingContext(
            catalogWords: MessageTokens.catalogWords(["Overol antifluido", "Casco ventilado"]))
        let items = reader.readNow("overoles antifluido: 3 talla M, 2 talla L y 1 XL. Y 2 cascos", context: context)
            .items
        #expect(items.map(\.quantity) == [6, 2], "\(items)")
        // Hostile counts per size add up to no more than one line may ask for.
        let huge = reader.readNow("overoles: 9999 talla M, 9999 talla L y 9999 XL", context: context).items
        #expect(huge.count == 1 && huge.allSatisfy { ($0.quantity ?? 0) <= QuantityFilter.maxQuantity }, "\(huge)")
    }

    @Test func aCountOfThingsThatAreNoProductTellsTheStoryAndABareCountGoesToTheProductBefore() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("st1", "¿Tienen algo pa que la gente no se resbale en una rampa?")
        let reply = try await h.say(
            "st1", "Las barras antideslizantes me sirven. La rampa tiene 6 tramos, entonces mándeme 6")
        #expect(reply.reply.contains("6 × Barra antideslizante"), "\(reply.reply)")
        #expect(!reply.reply.contains("no lo manejamos"), "\(reply.reply)")
        await h.tearDown()
        // A count after "son" that counts the product itself stays an order.
        let kept = QuantityFilter.counts(
            in: Words("necesito extintores de seis kilos son tres y dos señales"),
            isProduct: { ["extintores", "senales"].contains($0) })
        #expect(kept.map(\.value) == [3, 2], "\(kept)")
        let story = QuantityFilter.counts(
            in: Words("somos 8 trabajadores, deme 8 cascos"), isProduct: { ["cascos"].contains($0) })
        #expect(story.map(\.value) == [8] && story.first?.range.lowerBound == 4, "\(story)")
    }

    @Test func aNameForTheInvoiceKeepsTheContactsName() {
        let known: Set<CheckoutSlot> = [.name, .idNumber, .phone, .email, .address, .neighborhood]
        let invoice = CheckoutFieldExtractor.extract(
            "¿Me pueden facturar? La necesito a nombre de Ferretería El Tornillo SAS", requested: nil, known: known)
        #expect(invoice.values[.name] == nil, "\(invoice.values)")
        // Before the name is known, the name said is taken.
        let first = CheckoutFieldExtractor.extract(
            "la factura a nombre de Carlos Andrés Mejía, cédula 7744120", requested: nil)
        #expect(first.values[.name] == "Carlos Andrés Mejía", "\(first.values)")
    }

    @Test func aDescribingWordNoProductHasDoesNotHideTheProduct() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say("at1", "Buenas, mándeme unas orejeras grandes, 4")
        #expect(reply.reply.contains("4 × Cascos auditivos"), "\(reply.reply)")
        await h.tearDown()
    }

    @Test func aDiminutiveOfACatalogWordIsACatalogWord() {
        let words = MessageTokens.catalogWords(["Señal Extintor", "Cono vial", "Casco ventilado", "Guantes nitrilo"])
        for small in ["senalita", "senalitas", "conito", "conitos", "casquito", "guantecitos"] {
            #expect(words.contains(small), "\(small)")
        }
        // Each form is read back to its word by the search's endings.
        for word in ["cono", "casco", "guante", "senal", "tapon", "bota"] {
            for small in MessageTokens.diminutives(of: word) {
                #expect(QueryUnderstanding.diminutiveBases(of: small).contains(word), "\(small) → \(word)")
            }
        }
    }
}
