import Shop

/// Writes a reply from its facts with Spanish templates (es-CO, "usted"), prices as whole
/// pesos (`Money.format`). This is the reply when no language model is configured, and the
/// fallback whenever a model's reply is refused or fails.
public enum ReplyComposer {
    public static func compose(_ facts: ReplyFacts) -> String {
        var paragraphs: [String] = []
        var added: [LineFact] = []
        func flushAdded() {
            guard !added.isEmpty else { return }
            if added.count == 1, let line = added.first {
                paragraphs.append(
                    "Listo, agregué \(line.quantity) × \(line.name) (\(Money.format(line.price)) c/u): "
                        + "\(Money.format(line.subtotal)).")
            } else {
                paragraphs.append(
                    "Listo, agregué a su pedido:\n" + added.map { "• \(lineText($0))" }.joined(separator: "\n"))
            }
            added = []
        }
        for fact in facts.items {
            if case .added(let line) = fact {
                added.append(line)
                continue
            }
            flushAdded()
            if let text = render(fact) { paragraphs.append(text) }
        }
        flushAdded()
        return paragraphs.joined(separator: "\n\n")
    }

    static func lineText(_ line: LineFact) -> String {
        "\(line.quantity) × \(line.name) — \(Money.format(line.subtotal))"
    }

    static func productLine(_ product: ProductFact) -> String {
        let stock = product.stock > 0 ? available(product.stock) : "agotado"
        return "\(product.name) — \(Money.format(product.price)) (\(stock))"
    }

    /// "1 disponible", "5 disponibles".
    static func available(_ count: Int) -> String {
        count == 1 ? "1 disponible" : "\(count) disponibles"
    }

    /// "1 unidad", "5 unidades".
    static func units(_ count: Int) -> String {
        count == 1 ? "1 unidad" : "\(count) unidades"
    }

    static func list(_ products: [ProductFact], numbered: Bool = false) -> String {
        products.enumerated().map { numbered ? "\($0 + 1). \(productLine($1))" : "• \(productLine($1))" }
            .joined(separator: "\n")
    }

    static func render(_ fact: ReplyFact) -> String? {
        switch fact {
        case .greeting(let shop, let brief):
            let name = shop.map { " Bienvenido a \($0)." } ?? ""
            if brief { return "¡Hola!\(name) Con gusto le ayudo." }
            return "¡Hola!\(name) Con gusto le ayudo con extintores, elementos de protección personal, "
                + "señalización y más. ¿Qué está buscando?"
        case .thanks: return "¡Con mucho gusto! Aquí estoy si necesita algo más."
        case .goodbye: return "¡Que tenga un excelente día! Cuando quiera, aquí estamos."
        case .productInfo(let p, let purpose):
            var text =
                p.stock > 0
                ? "\(p.name): \(Money.format(p.price)) la unidad, y tenemos \(available(p.stock))."
                : "\(p.name) (\(Money.format(p.price))) está agotado en este momento."
            if purpose || !p.description.isEmpty { text += " \(sentence(p.description))" }
            return text
        case .askHowMany: return "¿Cuántas unidades necesita?"
        case .compared(let products, let pick, let cheapest):
            let which = cheapest ? "La opción más económica" : "La opción más costosa"
            return "\(which) es \(pick.name), a \(Money.format(pick.price)) la unidad. Los precios:\n"
                + list(products) + "\n¿Cuál le interesa y cuántas unidades necesita?"
        case .assumedChoice(let p):
            return "Para no dejarlo por fuera, tomé la opción más cercana a lo que pidió: \(p.name). "
                + "Si prefiere otra, me dice y la cambio."
        case .assumedOne(let p):
            return "Como no me dijo cuántas, le anoté 1 unidad de \(p.name). Si necesita más, me dice y la cambio."
        case .productList(let query, let products, let exact):
            let one = products.count == 1
            let shown = quotable(query)
            let intro =
                exact
                ? (one
                    ? "Esta es la opción \(shown.map { "de «\($0)» " } ?? "")que tenemos:"
                    : "Estas son las opciones \(shown.map { "de «\($0)» " } ?? "")que tenemos:")
                : "No tengo exactamente \(shown.map { "«\($0)»" } ?? "lo que describe"), pero le puedo ofrecer:"
            return intro + "\n" + list(products) + "\n" + whichAndHowMany(products.count)
        case .choose(let query, let products, let quantity):
            let ask = quantity.flatMap { $0 > 1 ? "¿Cuál prefiere para las \($0) unidades?" : nil } ?? "¿Cuál prefiere?"
            let intro = query.isEmpty ? "Estas son las opciones:" : "Tenemos varias opciones de «\(query)»:"
            return intro + "\n" + list(products, numbered: true) + "\n" + ask
        case .notFound(let query, let suggestions):
            let shown = quotable(query).map { "«\($0)»" } ?? "Eso"
            guard !suggestions.isEmpty else {
                return "\(shown) no lo manejamos."
                    + " Si busca otra cosa, descríbamela; por ejemplo: «guantes de vaqueta» o «extintor de 9 kilos»."
            }
            return "\(shown) no lo manejamos, pero tenemos:\n" + list(suggestions)
                + (suggestions.count == 1 ? "\n¿Le sirve?" : "\n¿Le sirve alguno?")
        case .added: return nil
        case .stockShort(let p, let requested, let available, let alternatives):
            var text: String
            switch (available, p.stock) {
            case (0, 0): text = "El producto \(p.name) está agotado en este momento."
            case (0, 1): text = "Del producto \(p.name) ya tiene en su pedido la única unidad que tenemos."
            case (0, _):
                text = "Del producto \(p.name) ya tiene en su pedido todas las unidades que tenemos (\(p.stock))."
            case (1, _):
                text =
                    "Del producto \(p.name) solo tenemos 1 unidad disponible (usted pidió \(requested)). "
                    + "¿Le agrego la que hay?"
            case (_, let stock) where available < stock:
                // Part of the stock is already in the cart: the whole is said, and what is left.
                text =
                    "Del producto \(p.name) tenemos \(stock) unidades en total y su pedido ya lleva \(stock - available); "
                    + "puedo agregarle \(available) más (usted pidió \(requested)). ¿Le agrego las \(available)?"
            default:
                text =
                    "Del producto \(p.name) solo tenemos \(available) unidades disponibles (usted pidió \(requested)). "
                    + "¿Le agrego las \(available)?"
            }
            if !alternatives.isEmpty { text += "\nTambién le puedo ofrecer:\n" + list(alternatives) }
            return text
        case .outOfStock(let p, let alternatives):
            var text = "El producto \(p.name) está agotado en este momento."
            if !alternatives.isEmpty { text += " Le puedo ofrecer:\n" + list(alternatives) }
            return text
        case .changed(let line): return "Listo, ahora lleva \(lineText(line))."
        case .removed(let name): return "Quité \(name) de su pedido."
        case .offerDeclined(let names): return "Entendido, no agrego \(naturalList(names))."
        case .notInCart(let query): return "No tengo «\(query)» en su pedido."
        case .cart(let lines, let total):
            return "Su pedido va así:\n" + lines.map { "• \(lineText($0))" }.joined(separator: "\n")
                + "\nTotal: \(Money.format(total))"
        case .cartEmpty: return "Su pedido está vacío por ahora."
        case .dropped(let names):
            return "Quité de su pedido \(naturalList(names)) porque ya no "
                + (names.count == 1 ? "está disponible." : "están disponibles.")
        case .askProceed: return "¿Desea agregar algo más o seguimos con el pedido?"
        case .company(let lines): return lines.joined(separator: "\n")
        case .companyUnknown(let contact):
            let how = contact.isEmpty ? "" : " " + contact.joined(separator: " ")
            return "No tengo ese dato a la mano; un asesor se lo confirma con gusto.\(how)"
        case .cancelled(let hadCart):
            return hadCart
                ? "Listo, cancelé su pedido. Si necesita algo más, aquí estoy."
                : "No hay ningún pedido en curso. ¿En qué más le puedo ayudar?"
        case .checkoutStart(let missing):
            let names = missing.filter { $0 != .notes }.map(\.label)
            guard !names.isEmpty else { return "Perfecto. " + question(.notes) }
            return "Perfecto. Para el despacho necesito: \(naturalList(names)), y alguna indicación para la entrega "
                + "si la hay. "
                + (names.count == 1 ? "Me lo puede enviar en un mensaje." : "Me los puede enviar en un solo mensaje.")
        case .invalid(_, let message): return message
        case .askSlot(let slot, let resumed): return (resumed ? "Sigamos con su pedido: " : "") + question(slot)
        case .returningClient(let hint):
            var known: [String] = []
            if let phone = hint.phoneEnding, !phone.isEmpty { known.append("celular terminado en \(phone)") }
            if let email = hint.email { known.append("correo \(email)") }
            if hint.hasAddress { known.append("una dirección de entrega") }
            let what = known.isEmpty ? "" : " (\(naturalList(known)))"
            return "¡Qué bueno tenerle de nuevo! Tenemos datos de entrega registrados con esa cédula\(what). "
                + "¿Los usamos para este pedido? Responda «sí», o dígame qué cambiar."
        case .summary(let lines, let total, let details):
            return "Este es el resumen de su pedido:\n" + lines.map { "• \(lineText($0))" }.joined(separator: "\n")
                + "\nTotal: \(Money.format(total))\n\nDatos de entrega:\n" + clientLines(details)
                + "\n\n¿Confirmamos el pedido? Responda «sí» para confirmar, o dígame qué cambiar."
        case .orderPlaced(let id, let total):
            return "¡Listo! Su pedido #\(id) quedó registrado por un total de \(Money.format(total)). "
                + "Pronto nos comunicaremos para coordinar la entrega. ¡Gracias por su compra!"
        case .orderRefused(let reason): return "No pude registrar el pedido: \(reason)"
        case .askConfirm: return "¿Confirmamos el pedido? Responda «sí» para confirmar, o dígame qué cambiar."
        case .askWhatToChange:
            return "Claro. Dígame qué desea cambiar: productos, cantidades o datos de entrega."
        case .emptyCart: return "Aún no tiene productos en su pedido. ¿Qué le gustaría comprar?"
        case .listed(let products):
            return (products.count == 1 ? "Con gusto, este es el precio:\n" : "Con gusto, estos son los precios:\n")
                + list(products, numbered: products.count > 1) + "\n" + whichAndHowMany(products.count)
        case .tooManyItems(let max):
            return "Por mensaje puedo tomar hasta \(max) productos, así que revisé solo los primeros \(max). "
                + "¿Me envía los demás en otro mensaje?"
        case .photoUnreadable:
            return "Recibí su foto, pero no logré leer texto en ella. ¿Me podría escribir el nombre del producto "
                + "que busca?"
        case .sharedKept(.phone): return "Gracias, tomé su número de celular para el pedido."
        case .sharedKept(.location): return "Gracias, guardé su ubicación para la entrega."
        case .dataNoted(let slots):
            return "Gracias, anoté su \(naturalList(slots.map(\.label))) para el despacho."
        case .clarify(let clarification):
            let sorry = "Disculpe, no le entendí bien."
            switch clarification {
            case .whatProduct:
                return sorry + " ¿Qué producto busca? Por ejemplo: «guantes de vaqueta» o «10 pares de guantes y "
                    + "5 chalecos». También le cuento de envíos, pagos y servicios."
            case .productFor(let quantity):
                let which =
                    quantity == 1
                    ? "¿Qué producto desea?" : "¿De qué producto serían las \(quantity) unidades?"
                return which + " Dígame su nombre, por ejemplo «guantes de vaqueta» o «cinta de demarcación»."
            case .addOrProceed: return sorry + " ¿Desea agregar algo más o seguimos con el pedido?"
            case .slot(let slot): return sorry + " " + question(slot)
            case .confirmOrder:
                return sorry + " ¿Confirmamos el pedido? Responda «sí» para confirmar, o dígame qué cambiar."
            }
        }
    }

    /// "¿Cuál le interesa y cuántas unidades necesita?", or only how many for one product.
    /// Most words of the customer's a reply quotes back ("«botas de soldar» no lo manejamos").
    static let maxQuotedWords = 8

    /// The customer's words as a reply may quote them, or nil: a long story, or words left
    /// with holes where the reader took data or chatter out ("cuento.   , la   . El …"), reads
    /// badly quoted back, so the reply says "eso" / "lo que describe" instead.
    static func quotable(_ query: String) -> String? {
        guard !query.contains("  ") else { return nil }
        let words = query.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty, words.count <= maxQuotedWords else { return nil }
        return words.joined(separator: " ")
    }

    static func whichAndHowMany(_ count: Int) -> String {
        count == 1 ? "¿Cuántas unidades necesita?" : "¿Cuál le interesa y cuántas unidades necesita?"
    }

    static func question(_ slot: CheckoutSlot) -> String {
        switch slot {
        case .name: "¿A nombre de quién va el pedido? (nombre y apellido)"
        case .idNumber: "¿Me regala su número de cédula?"
        case .phone: "¿A qué número de celular le podemos contactar?"
        case .email: "¿Cuál es su correo electrónico? Si no tiene, responda «no tengo»."
        case .address: "¿Cuál es la dirección de entrega?"
        case .neighborhood: "¿En qué barrio queda?"
        case .notes:
            "¿Alguna indicación para la entrega (apartamento, portería, a quién preguntar)? Si no, responda «no»."
        }
    }

    static func clientLines(_ details: ClientDetails) -> String {
        var lines = ["Nombre: \(details.name)", "Cédula: \(details.idNumber)"]
        if let phone = details.phone { lines.append("Celular: \(phone)") }
        if let email = details.email { lines.append("Correo: \(email)") }
        if let address = details.address {
            let neighborhood = details.neighborhood.flatMap { $0 == ClientMask.storedText ? nil : $0 }
            lines.append("Dirección: \(address)" + (neighborhood.map { ", barrio \($0)" } ?? ""))
        }
        if let notes = details.notes { lines.append("Indicaciones: \(notes)") }
        return lines.joined(separator: "\n")
    }

    static func naturalList(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " y " + items.last!
    }

    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace()
        guard let first = trimmed.first else { return "" }
        let capitalized = first.uppercased() + trimmed.dropFirst()
        return capitalized.hasSuffix(".") ? capitalized : capitalized + "."
    }
}
