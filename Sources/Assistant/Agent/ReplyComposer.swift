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
        let stock = product.stock > 0 ? "\(product.stock) disponibles" : "agotado"
        return "\(product.name) — \(Money.format(product.price)) (\(stock))"
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
                ? "\(p.name): \(Money.format(p.price)) la unidad, y tenemos \(p.stock) disponibles."
                : "\(p.name) (\(Money.format(p.price))) está agotado en este momento."
            if purpose || !p.description.isEmpty { text += " \(sentence(p.description))" }
            return text
        case .askHowMany: return "¿Cuántas unidades necesita?"
        case .productList(let query, let products, let exact):
            let intro =
                exact
                ? "Estas son las opciones de «\(query)» que tenemos:"
                : "No tengo exactamente «\(query)», pero le puedo ofrecer:"
            return intro + "\n" + list(products) + "\n¿Cuál le interesa y cuántas unidades necesita?"
        case .choose(let query, let products, let quantity):
            let ask = quantity.flatMap { $0 > 1 ? "¿Cuál prefiere para las \($0) unidades?" : nil } ?? "¿Cuál prefiere?"
            return "Tenemos varias opciones de «\(query)»:\n" + list(products, numbered: true) + "\n" + ask
        case .notFound(let query, let suggestions):
            let base = "No encontré «\(query)» en nuestro catálogo."
            guard !suggestions.isEmpty else {
                return base
                    + " ¿Me lo describe de otra forma? Por ejemplo: «guantes de vaqueta» o «extintor de 9 kilos»."
            }
            return base + " ¿Le sirve alguno de estos?\n" + list(suggestions)
        case .added: return nil
        case .stockShort(let p, let requested, let available, let alternatives):
            var text =
                available == 0
                ? "Del producto \(p.name) ya tiene en su pedido todas las unidades que tenemos (\(p.stock))."
                : "Del producto \(p.name) solo tenemos \(available) unidades disponibles (usted pidió \(requested)). "
                    + "¿Le agrego las \(available)?"
            if !alternatives.isEmpty { text += "\nTambién le puedo ofrecer:\n" + list(alternatives) }
            return text
        case .outOfStock(let p, let alternatives):
            var text = "El producto \(p.name) está agotado en este momento."
            if !alternatives.isEmpty { text += " Le puedo ofrecer:\n" + list(alternatives) }
            return text
        case .changed(let line): return "Listo, ahora lleva \(lineText(line))."
        case .removed(let name): return "Quité \(name) de su pedido."
        case .notInCart(let query): return "No tengo «\(query)» en su pedido."
        case .tooManyItems(let read):
            return "Su mensaje trae muchos productos: leí los primeros \(read). Envíeme los demás en otro mensaje."
        case .cart(let lines, let total):
            return "Su pedido va así:\n" + lines.map { "• \(lineText($0))" }.joined(separator: "\n")
                + "\nTotal: \(Money.format(total))"
        case .cartEmpty: return "Su pedido está vacío por ahora."
        case .dropped(let names):
            return "Quité de su pedido \(names.joined(separator: ", ")) porque ya no está disponible."
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
            return "Perfecto. Para el despacho necesito: \(naturalList(names)), y alguna indicación para la entrega "
                + "si la hay. Me los puede enviar en un solo mensaje."
        case .invalid(_, let message): return message
        case .askSlot(let slot, let resumed): return (resumed ? "Sigamos con su pedido: " : "") + question(slot)
        case .returningClient(let details):
            return "¡Qué bueno tenerle de nuevo! Tengo registrados estos datos:\n" + clientLines(details)
                + "\n¿Los usamos para este pedido? Responda «sí», o dígame qué cambiar."
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
        case .fallback:
            return "Disculpe, no le entendí bien. Puede preguntarme por un producto (por ejemplo «guantes de "
                + "vaqueta»), pedirme cantidades («10 pares de guantes y 5 chalecos») o preguntar por envíos y servicios."
        }
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
            lines.append("Dirección: \(address)" + (details.neighborhood.map { ", barrio \($0)" } ?? ""))
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
