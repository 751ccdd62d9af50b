import Foundation
import Support
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// No trap on any customer text in the readers of the agent (issue 22, seventeenth round).
/// A note with an abbreviation's period before a capital ("dejar con el Sr. Gómez") ended its
/// sentence inside its own chunk, and the checkout's field reader built a range backwards:
/// the worker died on the message (found by the bench on an unseen dialogue, reproduced with
/// the phrasings below). Besides those, a seeded fuzz feeds both readers messages put together
/// from the pieces customers write at checkout (abbreviations with periods, labels, numbers,
/// line breaks, slashes, emojis) in every dialogue state; a failure names its seed and
/// iteration. `VENDEDOR_FUZZ_ROUNDS` runs more of them (200 by default). The loops yield
/// between messages: the suite shares two cooperative threads with timed tests.
@Suite struct ReaderFuzzTests {
    static let seed: UInt64 = 0xF022_2026_1206

    @Test func anAbbreviationInANoteIsNoEndOfIt() {
        for message in [
            "Calle 10 # 5-20, barrio Centro, dejar con el Sr. Gómez",
            "Cra 45 # 80-12, barrio La Castellana, llamar antes a la Dra. Pérez en recepción",
            "Av 3N # 23-50, barrio Versalles, entregar en la bodega de la Cra. Norte",
            "Transversal 8 # 14-22 barrio Kennedy, preguntar por Ing. Rodríguez. Horario de 8 a.m. A 5 p.m.",
        ] {
            let said = CheckoutFieldExtractor.extract(message, requested: .address, known: [.name, .idNumber])
            #expect(said.values[.address] != nil, "\(message): \(said.values)")
            let note = said.values[.notes] ?? ""
            #expect(
                note.contains("Sr. Gómez") || note.contains("Dra. Pérez") || note.contains("Cra. Norte")
                    || note.contains("Ing. Rodríguez"), "\(message): \(said.values)")
            #expect(said.remainder.count == message.count)
        }
    }

    static let pieces: [String] = [
        "Sr.", "Sra.", "Dra.", "Ing.", "Cra.", "Cl.", "Av.", "No.", "N°", "#", "Apto.", "Mz.", "Int.", "Km.", "a.m.",
        "p.m.", "Ltda.", "S.A.S.", "D.C.", "Bogotá", "Gómez", "Pérez", "Ana María", "José", "LLAMAR", "Portería",
        "Nombre:", "CC", "C.C.", "cédula", "Cel:", "celular", "correo:", "Dirección:", "direccion", "barrio",
        "Barrio:", "indicaciones:", "vereda", "finca", "conjunto", "torre 3", "casa 12", "52811734", "1.096.208.537",
        "3104456677", "310 445 6677", "ana.gomez@gmail.com", "12-30", "45-08", "5", "dos", "veinte", "y", "no", "de",
        "la", "el", "en", "con", "por", "para", "dejar", "entregar", "preguntar", "son 5, no 6", "súmele 2",
        "3 cascos", "guantes", "extintor", "sí", "listo", ",", ".", ". ", "...", "?", "¿", "!", "\n", "\n\n", " / ",
        "|", "(", ")", "-", ":", "🙏", "👍🏽", "…", "Ñ", "  ", "\t", "°", "º", "'", "\"",
    ]

    /// A message of 1…40 pieces, joined by a blank or nothing.
    static func message(_ random: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<random.int(in: 1...40) {
            if !text.isEmpty, random.chance(0.8) { text += " " }
            text += random.pick(pieces)
        }
        return text
    }

    static var rounds: Int {
        ProcessInfo.processInfo.environment["VENDEDOR_FUZZ_ROUNDS"].flatMap(Int.init).map { max(1, $0) } ?? 200
    }

    @Test func theCheckoutFieldReaderTakesAnyMessage() async {
        let knowns: [Set<CheckoutSlot>] = [[], [.name, .idNumber], [.name, .idNumber, .phone, .email, .address]]
        for iteration in 0..<Self.rounds {
            await Task.yield()
            var random = SeededGenerator(seed: Self.seed, stream: iteration)
            let text = Self.message(&random)
            let requested: CheckoutSlot? = random.chance(0.2) ? nil : random.pick(CheckoutSlot.allCases)
            let known = random.pick(knowns)
            let said = CheckoutFieldExtractor.extract(
                text, requested: requested, known: known, knownName: known.contains(.name) ? "Ana María" : nil)
            let length = text.count
            #expect(said.remainder.count == length, "iteration \(iteration): \(text.debugDescription)")
            for (slot, range) in said.freeRanges {
                #expect(
                    range.lowerBound >= 0 && range.upperBound <= length,
                    "iteration \(iteration), \(slot) \(range): \(text.debugDescription)")
            }
        }
    }

    @Test func theMessageReaderTakesAnyMessageInAnyState() async throws {
        let reader = try ExampleReader(directory: TestPaths.bankDirectory)
        let catalogWords = MessageTokens.catalogWords(["Casco dieléctrico", "Guantes de nitrilo", "Extintor ABC 10 lb"])
        for iteration in 0..<Self.rounds {
            await Task.yield()
            var random = SeededGenerator(seed: Self.seed ^ 0xA5A5, stream: iteration)
            let text = Self.message(&random)
            var context = ReadingContext(catalogWords: catalogWords)
            switch random.below(4) {
            case 0: break
            case 1:
                context.phase = .checkout
                context.requested = random.pick(CheckoutSlot.allCases)
                context.known = [.name, .idNumber]
                context.knownName = "Ana María"
                context.cartIsEmpty = false
            case 2:
                context.phase = .review
                context.cartIsEmpty = false
            default:
                context.pending = .quantity(productId: 26)
                context.listed = 3
                context.cartIsEmpty = random.chance(0.5)
            }
            let reading = reader.readNow(text, context: context)
            for item in reading.items {
                #expect(
                    (item.quantity ?? 1) >= 0 && (item.quantity ?? 0) <= QuantityFilter.maxQuantity,
                    "iteration \(iteration): \(text.debugDescription) → \(item)")
            }
        }
    }
}
