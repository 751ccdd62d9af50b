import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// Found on the q-set (issue 22, sixteenth round), tested with new phrasings. Before: a name
/// dictated after "le doy los datos" without a comma was no name; a cédula written in groups
/// of 2–4 digits on its own line ("1096 20 8537") was three numbers; an address on a beach or
/// at an eco-hotel was refused for having no street number; "el Centro", "el corregimiento
/// de …" kept the article; "y 3 sombreros" changed the last line's amount.
@Suite(.serialized) struct HandedOverDataTests {
    @Test func aNameAfterWordsThatHandTheDataOverIsTheName() {
        let said = CheckoutFieldExtractor.extract(
            "listo pues le dejo los datos Marta Lucía Cifuentes Ríos cédula 52811734 celular 3157789012",
            requested: nil)
        #expect(said.values[.name] == "Marta Lucía Cifuentes Ríos", "\(said.values)")
        #expect(said.values[.idNumber] == "52811734", "\(said.values)")
        // A place's kind before its name is no handing over.
        #expect(CheckoutFieldExtractor.nameAfterChatter("unidad Quintas del Lago") == nil)
        #expect(
            CheckoutFieldExtractor.nameAfterChatter("bueno aquí van Hernando Ruiz Pardo")?.name == "Hernando Ruiz Pardo"
        )
    }

    @Test func aCedulaInGroupsOnItsOwnLineIsOneNumber() {
        let block = CheckoutFieldExtractor.extract(
            "Julio César Arango\n7123 45 890\n3104456677\njulio.arango@gmail.com\nCra 8 # 12-30\nBarrio Santa Inés",
            requested: nil)
        #expect(block.values[.idNumber].map { $0.filter(\.isNumber) } == "712345890", "\(block.values)")
        #expect(block.values[.phone] == "3104456677", "\(block.values)")
        // Beside other words on the line the groups stay apart: no cédula is made up.
        let inline = CheckoutFieldExtractor.extract("llevo 7123 45 890 cosas", requested: nil)
        #expect(inline.values[.idNumber] == nil, "\(inline.values)")
    }

    /// Hostile text: thousands of chatter words before a name, thousands of blanks around
    /// digit groups. The reader looks at most `maxChatterBeforeName` words before a name and
    /// `maxLineMargin` blanks around a number.
    @Test func hostileTextAroundNamesAndGroupedNumbers() {
        let chatter = Array(repeating: "bueno", count: 5_000).joined(separator: " ")
        #expect(CheckoutFieldExtractor.nameAfterChatter(chatter + " Ana María Pérez") == nil)
        let blanks = String(repeating: " ", count: 50_000)
        let far = CheckoutFieldExtractor.extract(
            "Ana María Pérez\n" + blanks + "7123 45 890" + blanks + "\n3104456677", requested: nil)
        #expect(far.values[.idNumber] == nil, "\(far.values)")
        let near = CheckoutFieldExtractor.extract("Ana María Pérez\n   7123 45 890   \n3104456677", requested: nil)
        #expect(near.values[.idNumber].map { $0.filter(\.isNumber) } == "712345890", "\(near.values)")
    }

    @Test func aPlaceOnTheCoastIsAnAddressAndALowercaseArticleIsNoPartOfTheBarrio() throws {
        #expect(
            try CheckoutForm.validate(.address, "Cabaña Los Almendros, playa Palmeras")
                == "Cabaña Los Almendros, playa Palmeras")
        #expect(try CheckoutForm.validate(.address, "muelle de Bahía Solano, bodega del hotel") != "")
        #expect(throws: ValidationError.self) { try CheckoutForm.validate(.address, "donde siempre") }
        #expect(try CheckoutForm.validate(.neighborhood, "el Prado") == "Prado")
        #expect(try CheckoutForm.validate(.neighborhood, "la vereda San Isidro") == "vereda San Isidro")
        #expect(try CheckoutForm.validate(.neighborhood, "El Poblado") == "El Poblado")
        #expect(try CheckoutForm.validate(.neighborhood, "la floresta") == "la floresta")
    }

    @Test func aCountOfThingsTheShopDoesNotSellLeavesTheLastLineAlone() async throws {
        let h = try await AgentHarness()
        let first = try await h.say("ho1", "buenas, necesito 5 cascos dieléctricos")
        #expect(first.reply.contains("5 × Casco dieléctrico"), "\(first.reply)")
        let hats = try await h.say("ho1", "y 3 sombreros de paja")
        #expect(!hats.reply.contains("3 × Casco dieléctrico"), "\(hats.reply)")
        #expect(hats.reply.contains("no lo manejamos"), "\(hats.reply)")
        // A bare new amount still restates the line.
        let again = try await h.say("ho1", "mejor que sean 4")
        #expect(again.reply.contains("4 × Casco dieléctrico"), "\(again.reply)")
        await h.tearDown()
    }
}
