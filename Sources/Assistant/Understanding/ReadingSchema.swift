import Foundation
import SpanishText
import Support

/// The JSON a language model answers when it reads a message (`ModelReader`), its schema,
/// the instructions, and the validation that turns it into a `Reading`. Field names are
/// Spanish (the model reads Spanish); nothing in the answer is trusted: an unknown intent or
/// action, a quantity out of range, a value the message does not contain, or too much of
/// anything refuses the whole answer.
public enum ReadingSchema {
    static let maxTokens = 400
    static let maxProducts = 30
    static let maxPhrase = 120
    static let maxValue = 200

    public struct Refusal: Error, Equatable {
        public var reason: String
    }

    struct Answer: Decodable {
        struct Item: Decodable {
            var action: String
            var product: String
            var quantity: Int?
            var pairs: Bool?

            enum CodingKeys: String, CodingKey {
                case action = "accion", product = "producto", quantity = "cantidad", pairs = "pares"
            }
        }

        var intent: String?
        var items: [Item]?
        var query: String?
        var data: [String: String?]?
        var declined: [String]?
        var choice: String?

        enum CodingKeys: String, CodingKey {
            case intent = "intencion", items = "productos", query = "consulta", data = "datos", declined = "sin"
            case choice = "eleccion"
        }
    }

    /// The instructions, with the state of the dialogue the message answers.
    public static func instructions(_ context: ReadingContext) -> String {
        let asked: String
        switch (context.phase, context.requested, context.pending) {
        case (.review, _, _): asked = "el resumen del pedido y si lo confirma"
        case (_, let slot?, _) where context.phase == .checkout: asked = "su \(slot.label)"
        case (_, _, .quantity?): asked = "cuántas unidades quiere del producto que se le mostró"
        case (_, _, let pending?) where pending.offers != nil:
            asked = "si acepta las unidades disponibles que se le ofrecieron"
        case (_, _, .choice?): asked = "cuál de los productos listados prefiere"
        case (_, _, .returningClient?): asked = "si usa los datos de entrega que ya tiene registrados"
        default: asked = context.cartIsEmpty ? "qué producto busca" : "si desea algo más o seguir con el pedido"
        }
        let cart = context.cartNames.isEmpty ? "vacío" : context.cartNames.joined(separator: "; ")
        return """
            Lees mensajes de clientes de una tienda de seguridad industrial en Colombia y los conviertes en JSON. \
            No respondes al cliente: solo describes lo que el mensaje pide.
            Lo último que preguntó el asesor: \(asked). Carrito: \(cart). Productos listados en la última \
            respuesta: \(context.listed).
            Campos:
            - intencion: una de \(Intent.allCases.map(\.rawValue).joined(separator: ", ")); null si no es clara.
            - productos: lo que pide del carrito, con las palabras del cliente para el producto (vacío = el que \
            se está hablando). accion: agregar (con cantidad), fijar (la cantidad queda en ese número), sumar, \
            restar, quitar. cantidad: entero o null. pares: true si cuenta en pares.
            - consulta: el producto por el que pregunta, con sus palabras, o null.
            - datos: nombre, cedula, telefono, correo, direccion, barrio, indicaciones copiados tal como los \
            escribió el cliente (null si no los da). Un número suelto es el dato que preguntó el asesor.
            - sin: datos opcionales que dice no tener ("correo", "indicaciones").
            - eleccion: posición de la lista ("1", "2"…), "ultimo", "mas_barato", "mas_caro" o null.
            Nunca inventes precios, existencias ni datos que el mensaje no diga.
            """
    }

    /// The answer as a `Reading`, or why it was refused.
    public static func reading(from json: String, message: String, context: ReadingContext, offline: Reading)
        -> Result<Reading, Refusal>
    {
        let refuse = { (reason: String) in Result<Reading, Refusal>.failure(Refusal(reason: reason)) }
        guard json.utf8.count <= 8_000,
            let answer = try? JSONDecoder().decode(Answer.self, from: Data(Self.stripFence(json).utf8))
        else { return refuse("no es el JSON esperado") }
        var reading = Reading()
        reading.source = .model
        if let name = answer.intent {
            guard let intent = Intent(rawValue: name) else { return refuse("intención desconocida «\(name)»") }
            reading = Reading(intent: intent, confidence: 1)
            reading.source = .model
        }
        let items = answer.items ?? []
        guard items.count <= maxProducts else { return refuse("demasiados productos") }
        var query = answer.query
        let named = ProductWords(message: message, cart: context.cartNames)
        for item in items {
            guard let action = ItemCommand.Action(rawValue: item.action) else {
                return refuse("acción desconocida «\(item.action)»")
            }
            guard item.product.count <= maxPhrase else { return refuse("producto demasiado largo") }
            guard named.allows(item.product) else {
                return refuse("el producto «\(item.product)» no está en el mensaje")
            }
            if let quantity = item.quantity, !(1...QuantityFilter.maxQuantity).contains(quantity) {
                return refuse("cantidad fuera de rango")
            }
            if action == .add, item.quantity == nil {
                // A product named without a quantity is a question about it, not an order.
                query = query ?? item.product
                continue
            }
            guard reading.items.count < Understanding.maxItemsPerMessage else {
                reading.itemsLeftOut += 1
                continue
            }
            reading.items.append(
                ItemCommand(
                    action: action, words: Words(item.product).texts, quantity: item.quantity,
                    pairs: item.pairs ?? false, query: item.product))
        }
        let said = Self.normalized(message)
        for (key, value) in answer.data ?? [:] {
            guard let value, !value.trimmingWhitespace().isEmpty else { continue }
            guard let slot = CheckoutSlot(rawValue: key) else { return refuse("dato desconocido «\(key)»") }
            guard value.count <= maxValue else { return refuse("dato demasiado largo") }
            guard said.contains(Self.normalized(value)) else { return refuse("el dato «\(key)» no está en el mensaje") }
            reading.data.values[slot] = value
        }
        reading.data.remainder = message
        for name in answer.declined ?? [] {
            guard let slot = CheckoutSlot(rawValue: name), slot.isOptional else {
                return refuse("«\(name)» no es un dato opcional")
            }
            reading.declined.insert(slot)
        }
        if let choice = answer.choice {
            guard let parsed = Self.choice(choice) else { return refuse("elección inválida «\(choice)»") }
            reading.choice = parsed
        }
        guard (query?.count ?? 0) <= maxPhrase else { return refuse("consulta demasiado larga") }
        let asked = message.contains("?") || message.contains("¿")
        reading.productText = Words((query ?? "") + (asked ? " ?" : ""))
        reading.topic = reading.intent?.companyTopic
        if reading.topic == nil, !(reading.intent?.changesCart ?? false), reading.items.isEmpty {
            reading.topic = offline.topic
        }
        return .success(reading)
    }

    /// What a model may name as a product: words of the message (in any of their forms:
    /// "guante" for "guantes"), a product of the cart by its name, or nothing (the product
    /// being talked about). A product the customer did not name is the model's invention.
    struct ProductWords {
        let said: Set<String>
        let cart: Set<String>

        init(message: String, cart: [String]) {
            said = Set(Words(message).texts.flatMap(WordForms.forms))
            self.cart = Set(cart.map { normalized($0) })
        }

        func allows(_ product: String) -> Bool {
            let words = WordForms.contentWords(product)
            guard !words.isEmpty else { return true }
            if cart.contains(normalized(product)) { return true }
            return words.contains { !WordForms.forms($0).isDisjoint(with: said) }
        }
    }

    static func choice(_ text: String) -> ListChoice? {
        switch text {
        case "ultimo": return .last
        case "mas_barato": return .cheapest
        case "mas_caro": return .dearest
        default:
            guard let position = Int(text), (1...20).contains(position) else { return nil }
            return .position(position)
        }
    }

    /// Letters and digits only, folded: "1.107.654.321" and "1107654321" compare equal.
    static func normalized(_ text: String) -> String {
        String(TextFold.fold(text).filter { $0.isLetter || $0.isNumber })
    }

    /// Some models wrap JSON in a Markdown code fence.
    static func stripFence(_ text: String) -> String {
        var body = text.trimmingWhitespace()
        if body.hasPrefix("```") {
            body = String(body.drop { $0 != "\n" }.dropFirst())
            if body.hasSuffix("```") { body = String(body.dropLast(3)) }
        }
        return body
    }
}
