import Foundation
import Shop
import SpanishText
import Testing

@testable import vendedor_bench

@Suite("The customer simulator writes valid, reproducible purchase dialogues")
struct CustomerSimulatorTests {
    static let dataDirectory = TestPaths.repoRoot.appendingPathComponent("data").path

    static func catalog() throws -> [Int64: Product] {
        let csv = try Data(contentsOf: URL(fileURLWithPath: dataDirectory + "/catalogo.csv"))
        return Dictionary(uniqueKeysWithValues: CatalogCSV.parse(csv).rows.map { ($0.product.id, $0.product) })
    }

    static func encoded(_ conversations: [ConversationSet.Conversation]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(conversations)
    }

    @Test func sameSeedSameDialogues() throws {
        let simulator = try CustomerSimulator.load(dataDirectory: Self.dataDirectory)
        let first = simulator.conversations(count: 200, seed: 42)
        let again = try CustomerSimulator.load(dataDirectory: Self.dataDirectory).conversations(count: 200, seed: 42)
        #expect(try Self.encoded(first) == Self.encoded(again))
        // Dialogue i does not depend on how many are asked for.
        #expect(try Self.encoded(Array(first.prefix(50))) == Self.encoded(simulator.conversations(count: 50, seed: 42)))
        let other = simulator.conversations(count: 200, seed: 43)
        #expect(zip(first, other).filter { $0.messages == $1.messages }.count < 5)
    }

    @Test func everyOrderFitsTheCatalog() throws {
        let catalog = try Self.catalog()
        let conversations = try CustomerSimulator.load(dataDirectory: Self.dataDirectory)
            .conversations(count: CustomerSimulator.defaultCount, seed: CustomerSimulator.defaultSeed)
        #expect(conversations.count == 1_000)
        #expect(Set(conversations.map(\.id)).count == conversations.count)
        let orders = conversations.compactMap(\.expected)
        #expect(orders.count >= 900, "casi todos los diálogos terminan en un pedido")
        var ordered: Set<Int64> = []
        for (conversation, expected) in conversations.compactMap({ c in c.expected.map { (c, $0) } }) {
            #expect(!expected.items.isEmpty, "\(conversation.id)")
            #expect(
                Set(expected.items.map { $0[0] }).count == expected.items.count,
                "\(conversation.id): productos repetidos")
            for item in expected.items {
                let product = catalog[item[0]]
                #expect(product?.active == true, "\(conversation.id): producto \(item[0]) inactivo o inexistente")
                #expect(
                    (1...Int64(max(product?.stock ?? 0, 1))).contains(item[1]) && (product?.stock ?? 0) > 0,
                    "\(conversation.id): \(item[1]) de \(item[0]) con stock \(product?.stock ?? 0)")
                ordered.insert(item[0])
            }
            // The expected client is what the shop stores: valid and already normalized.
            let validated = try expected.client.validated(requiringPhone: true)
            #expect(validated == expected.client, "\(conversation.id)")
        }
        // Every active product with stock is named by the banks and gets ordered somewhere.
        let sellable = Set(catalog.values.filter { $0.active && $0.stock > 0 }.map(\.id))
        #expect(sellable.subtracting(ordered).isEmpty, "nunca pedidos: \(sellable.subtracting(ordered).sorted())")
    }

    @Test func everyDialogueCarriesTheDataItsOrderNeeds() throws {
        let conversations = try CustomerSimulator.load(dataDirectory: Self.dataDirectory)
            .conversations(count: CustomerSimulator.defaultCount, seed: 7)
        for conversation in conversations {
            #expect(
                conversation.messages.allSatisfy { !$0.isEmpty && !$0.contains("{") && !$0.contains("}") },
                "\(conversation.id): mensaje vacío o con un hueco sin llenar")
            guard let expected = conversation.expected else { continue }
            let text = ConversationSet.normalized(conversation.messages.joined(separator: "\n")) ?? ""
            let digits = conversation.messages.map(Self.digitStream)
            #expect(digits.contains { $0.contains(expected.client.idNumber) }, "\(conversation.id): falta la cédula")
            // A returning client gives only the cédula; the rest is on record.
            let known = conversation.previousClients?.first { $0.idNumber == expected.client.idNumber }
            if let known {
                #expect(known == expected.client, "\(conversation.id)")
                continue
            }
            if let phone = expected.client.phone {
                #expect(digits.contains { $0.contains(phone) }, "\(conversation.id): falta el teléfono")
            } else {
                Issue.record("\(conversation.id): un pedido necesita teléfono")
            }
            let fields: [(String, String?)] = [
                ("nombre", expected.client.name), ("correo", expected.client.email),
                ("direccion", expected.client.address), ("barrio", expected.client.neighborhood),
                ("indicaciones", expected.client.notes),
            ]
            for (name, value) in fields {
                guard let value, let wanted = ConversationSet.normalized(value) else { continue }
                #expect(text.contains(wanted), "\(conversation.id): falta \(name) «\(value)»")
            }
            #expect(expected.client.address != nil && expected.client.neighborhood != nil, "\(conversation.id)")
        }
    }

    @Test func theBanksCoverTheWaysCustomersWrite() throws {
        let conversations = try CustomerSimulator.load(dataDirectory: Self.dataDirectory)
            .conversations(count: CustomerSimulator.defaultCount, seed: CustomerSimulator.defaultSeed)
        let ids = conversations.map(\.id).joined(separator: " ")
        for tag in [
            "cuidadoso", "whatsapp", "voz", "descuidado", "respuestas", "uno-a-uno", "agrupados", "bloque",
            "datos-en-lista", "frase", "con-el-pedido", "cliente-que-vuelve", "cambio", "correccion", "necesidad",
            "todo-junto", "cancela", "pregunta",
        ] {
            #expect(ids.contains("-\(tag)"), "ningún diálogo \(tag)")
        }
        let text = TextFold.fold(conversations.flatMap(\.messages).joined(separator: "\n"))
        for phrase in ["media docena", "docena", "un par de", " x ", "pares de", "tres uno", "nombre:", "\n-"] {
            #expect(text.contains(phrase), "nunca aparece «\(phrase)»")
        }
        let messages = conversations.reduce(0) { $0 + $1.messages.count }
        #expect(messages > 5 * conversations.count)
    }

    /// The digits of a message in order, with digits said as words ("tres uno…") read as
    /// digits and everything else (spaces, dots, dashes, words) left out.
    static func digitStream(_ message: String) -> String {
        let words = [
            "cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5", "seis": "6",
            "siete": "7", "ocho": "8", "nueve": "9",
        ]
        return TextFold.fold(message).split { !($0.isLetter || $0.isNumber) }.map { token in
            words[String(token)] ?? token.filter(\.isNumber)
        }.joined()
    }
}
