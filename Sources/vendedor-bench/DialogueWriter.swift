import Foundation
import Shop
import Support

/// Writes one simulated dialogue (see `CustomerSimulator`): picks a writing style, the
/// products and quantities, how they are asked for, how the data is given, and renders
/// every message with that style's noise.
struct DialogueWriter {
    enum WritingStyle: String, Sendable {
        /// Accents, capitals, whole words.
        case careful = "cuidadoso"
        /// Lower case, no accents, shorthand, emojis, some typos.
        case whatsapp
        /// A transcribed voice note: numbers in words, dictated digits.
        case voice = "voz"
        /// Many typos and shorthand.
        case sloppy = "descuidado"
        /// A company's buyer: formal, long requests, data for the invoice.
        case corporate = "corporativo"
        /// An older customer: long first message with a story around the order.
        case elderly = "mayor"
    }

    enum DataStyle: String, Sendable {
        /// Each field alone, answering the shop's questions in order.
        case answers = "respuestas"
        /// One labelled field per message, in any order ("mi cédula es …").
        case labelled = "uno-a-uno"
        /// Several labelled fields per message.
        case grouped = "agrupados"
        /// "Nombre: …\nCC: …\nCel: …".
        case block = "bloque"
        /// The values alone, in order, separated by " / " or lines.
        case list = "datos-en-lista"
        /// One sentence: "soy …, cc …, cel …, dirección …".
        case sentence = "frase"
        /// Products and data in the first message.
        case withOrder = "con-el-pedido"
        /// A registered client: the cédula, then "sí, los mismos datos".
        case returning = "cliente-que-vuelve"
        /// The data right after the products, before the shop asks and without closing.
        case unprompted = "sin-que-pregunten"
    }

    enum Ending {
        case order, cancel, browse
    }

    struct Item {
        var product: CustomerSimulator.SellableProduct
        var form: ProductForm
        var quantity: Int
        /// The quantity first asked for (different when the customer changes it).
        var firstQuantity: Int
    }

    let simulator: CustomerSimulator
    var rng: SeededGenerator
    var style: WritingStyle = .careful
    var drafts: [MessageDraft] = []
    var tags: [String] = []

    init(simulator: CustomerSimulator, rng: SeededGenerator) {
        self.simulator = simulator
        self.rng = rng
    }

    var phrases: Phrases { simulator.banks.phrases }

    mutating func write(number: Int, takenIdNumbers: inout Set<String>) -> ConversationSet.Conversation {
        style = rng.weighted([
            (.careful, 20), (.whatsapp, 35), (.voice, 15), (.sloppy, 15), (.corporate, 8), (.elderly, 7),
        ])
        var customer = SimulatedCustomer.make(people: simulator.banks.people, rng: &rng)
        while takenIdNumbers.contains(customer.details.idNumber) {
            customer = SimulatedCustomer.make(people: simulator.banks.people, rng: &rng)
        }
        takenIdNumbers.insert(customer.details.idNumber)

        let ending = rng.weighted([(Ending.order, 94), (.cancel, 4), (.browse, 2)])
        let count = rng.weighted([(1, 55), (2, 30), (3, 15)])
        var items = rng.sample(simulator.products, count: count).map { product -> Item in
            let quantity = chooseQuantity(stock: product.stock)
            return Item(product: product, form: chooseName(product), quantity: quantity, firstQuantity: quantity)
        }
        let greeting =
            style == .corporate
            ? rng.pick(phrases.corporateGreetings) : rng.chance(0.75) ? rng.pick(phrases.greetings) : nil
        var previousClients: [ClientDetails]?
        var dataStyle = DataStyle.answers
        var expected: ConversationSet.Expected?

        switch ending {
        case .browse:
            tags.append("solo-pregunta")
            let item = items[0]
            say(rng.pick(phrases.askProduct), productSlots(item.form), greeting: greeting)
            say(rng.pick(phrases.farewell), [:])
        case .cancel:
            tags.append("cancela")
            requestItems(&items, greeting: greeting)
            say(rng.pick(phrases.cancel), [:])
            if rng.chance(0.6) { say(rng.pick(phrases.farewell), [:]) }
        case .order:
            dataStyle = rng.weighted([
                (.answers, 22), (.labelled, 14), (.grouped, 16), (.block, 14), (.list, 8), (.sentence, 12),
                (.withOrder, 6), (.returning, 8), (.unprompted, 8),
            ])
            if dataStyle == .withOrder {
                orderWithData(items, customer: customer, greeting: greeting)
            } else {
                requestItems(&items, greeting: greeting)
                if dataStyle == .unprompted {
                    let intro = rng.pick(phrases.unpromptedData)
                    giveData(customer, style: rng.chance(0.5) ? .block : .sentence, intro: intro)
                } else if dataStyle == .returning {
                    close()
                    previousClients = [customer.details]
                    returningClient(customer)
                } else {
                    close()
                    giveData(customer, style: dataStyle)
                }
            }
            say(rng.pick(phrases.confirm), [:])
            expected = ConversationSet.Expected(
                items: items.map { [$0.product.id, Int64($0.quantity)] }, client: customer.details)
        }

        let noise = MessageNoise(bank: simulator.banks.noise, level: noiseLevel)
        var messages: [String] = []
        for draft in drafts {
            // A list's first line break after a template that already ends its line.
            var text = noise.render(draft, rng: &rng)
            while let range = text.range(of: "\n\n") { text.replaceSubrange(range, with: "\n") }
            text = text.replacingOccurrences(of: " \n", with: "\n")
            messages.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let id =
            (["s\(String(format: "%04d", number))", style.rawValue, "\(count)p"]
            + (ending == .order ? [dataStyle.rawValue] : []) + tags).joined(separator: "-")
        return ConversationSet.Conversation(
            id: id, messages: messages, previousClients: previousClients, expected: expected)
    }

    var noiseLevel: NoiseLevel {
        switch style {
        case .careful:
            NoiseLevel(
                shorthand: 0, typo: 0.01, lowercase: 0.05, dropAccents: 0.05, capitalize: 0.9, emoji: 0.03, filler: 0.03
            )
        case .whatsapp:
            NoiseLevel(
                shorthand: 0.35, typo: 0.06, lowercase: 0.6, dropAccents: 0.6, capitalize: 0.2, emoji: 0.25,
                filler: 0.12)
        case .voice:
            NoiseLevel(shorthand: 0, typo: 0, lowercase: 0.1, dropAccents: 0, capitalize: 0.8, emoji: 0, filler: 0.15)
        case .sloppy:
            NoiseLevel(
                shorthand: 0.5, typo: 0.15, lowercase: 0.85, dropAccents: 0.8, capitalize: 0.05, emoji: 0.1, filler: 0.1
            )
        case .corporate:
            NoiseLevel(shorthand: 0, typo: 0, lowercase: 0, dropAccents: 0.05, capitalize: 1, emoji: 0, filler: 0)
        case .elderly:
            NoiseLevel(
                shorthand: 0.05, typo: 0.04, lowercase: 0.4, dropAccents: 0.4, capitalize: 0.5, emoji: 0.05,
                filler: 0.2)
        }
    }

    var wording: QuantityWording {
        QuantityWording(bank: simulator.banks.quantities, wordsRate: style == .voice ? 0.85 : 0.2)
    }

    // MARK: products

    mutating func chooseName(_ product: CustomerSimulator.SellableProduct) -> ProductForm {
        let catalog = product.names.filter { $0.kind == .catalog }
        let common = product.names.filter { $0.kind == .common }
        if !common.isEmpty, catalog.isEmpty || rng.chance(0.5) { return rng.pick(common) }
        return rng.pick(catalog.isEmpty ? product.names : catalog)
    }

    /// Mostly small amounts, sometimes a dozen or half a dozen, never more than the stock.
    mutating func chooseQuantity(stock: Int, avoiding: Int? = nil) -> Int {
        for _ in 0..<20 {
            var quantity: Int
            let specials = simulator.banks.quantities.specials.map(\.quantity).filter { $0 <= stock }
            if !specials.isEmpty, rng.chance(0.15) {
                quantity = rng.pick(specials)
            } else {
                switch rng.weighted([(0, 20), (1, 40), (2, 25), (3, 15)]) {
                case 0: quantity = 1
                case 1: quantity = rng.int(in: 2...5)
                case 2: quantity = rng.int(in: 6...12)
                default: quantity = rng.int(in: 13...max(13, stock))
                }
            }
            quantity = min(quantity, stock)
            if quantity != avoiding { return quantity }
        }
        return avoiding == 1 ? 2 : 1
    }

    func productSlots(_ form: ProductForm) -> [String: [MessagePiece]] {
        let feminine = form.gender == .feminine
        return [
            "producto": [.loose(form.plural)],
            "el_producto": [.loose((feminine ? "la " : "el ") + form.singular)],
            "los_productos": [.loose((feminine ? "las " : "los ") + form.plural)],
            "esos": [.loose(feminine ? "esas" : "esos")],
        ]
    }

    /// The items asked for one by one (directly, by asking first, by need) or all in one
    /// message; perhaps one quantity changed afterwards (to a new amount, or by so many more
    /// or fewer), perhaps one asked for beyond the stock and the stock offered accepted.
    mutating func requestItems(_ items: inout [Item], greeting: String?) {
        var greeting = greeting
        if greeting != nil, rng.chance(0.5) {
            say(greeting!, [:])
            greeting = nil
        }
        let changed: Int? = rng.chance(0.2) && items.contains { $0.product.stock >= 2 } ? pickChange(items) : nil
        if let changed {
            items[changed].firstQuantity = chooseQuantity(
                stock: items[changed].product.stock, avoiding: items[changed].quantity)
            tags.append("cambio")
        }
        // More than the shop has; the customer takes what the shop offers.
        var beyondStock: Int?
        if rng.chance(0.1), let index = items.indices.first(where: { $0 != changed && items[$0].product.stock <= 60 }) {
            beyondStock = index
            items[index].quantity = items[index].product.stock
            items[index].firstQuantity =
                items[index].product.stock + rng.int(in: 1...max(2, items[index].product.stock / 2))
            tags.append("sin-stock")
        }
        var deferredChange = changed
        var wrapped = false
        if items.count >= 2, beyondStock == nil, rng.chance(0.3) {
            tags.append("todo-junto")
            let template = rng.pick(style == .corporate ? phrases.corporateOrderSeveral : phrases.orderSeveral)
            say(template, ["lista": itemList(items)], greeting: greeting, wrap: style == .elderly)
        } else {
            for (index, item) in items.enumerated() {
                var template = index == 0 || rng.chance(0.4) ? rng.pick(phrases.order) : rng.pick(phrases.orderMore)
                if style == .corporate, index == 0 { template = rng.pick(phrases.corporateOrder) }
                let way =
                    beyondStock == index
                    ? 0 : rng.weighted([(0, 50), (1, 30), (2, item.product.needs.isEmpty ? 0 : 20)])
                switch way {
                case 0:
                    say(
                        template, ["pedido": wording.withProduct(item.firstQuantity, item.form, rng: &rng)],
                        greeting: greeting, wrap: style == .elderly && !wrapped)
                    wrapped = true
                case 1:
                    say(rng.pick(phrases.askProduct), productSlots(item.form), greeting: greeting)
                    if rng.chance(0.3) {
                        tags.append("pregunta-lista")
                        say(rng.pick(phrases.listQuestions), productSlots(item.form))
                    }
                    sayQuantity(item.firstQuantity, item.form)
                default:
                    tags.append("necesidad")
                    let need = rng.pick(item.product.needs)
                    say(rng.pick(phrases.askNeed), ["necesidad": [.loose(need.singular)]], greeting: greeting)
                    sayQuantity(item.firstQuantity, need)
                }
                greeting = nil
                if beyondStock == index {
                    var slots = productSlots(item.form)
                    slots["los_que"] = [.loose(item.form.gender == .feminine ? "las" : "los")]
                    if item.quantity >= 2, rng.chance(0.5) {
                        slots["cantidad"] = [.exact(wording.alone(item.quantity, item.form, plain: true, rng: &rng))]
                        say(rng.pick(phrases.acceptAvailableCount), slots)
                    } else {
                        say(rng.pick(phrases.acceptAvailable), slots)
                    }
                }
                if changed == index, rng.chance(0.5) {
                    let difference = item.quantity - item.firstQuantity
                    var slots = productSlots(item.form)
                    if difference > 0, rng.chance(0.5) {
                        tags.append("suma")
                        slots["cantidad"] = [.exact(wording.alone(difference, item.form, plain: true, rng: &rng))]
                        say(rng.pick(phrases.increaseQuantity), slots)
                    } else if difference < 0, rng.chance(0.4) {
                        tags.append("resta")
                        slots["cantidad"] = [.exact(wording.alone(-difference, item.form, plain: true, rng: &rng))]
                        say(rng.pick(phrases.decreaseQuantity), slots)
                    } else {
                        say(
                            rng.pick(phrases.changeQuantity),
                            ["cantidad": [.exact(wording.alone(item.quantity, item.form, rng: &rng))]])
                    }
                    deferredChange = nil
                }
            }
        }
        if let index = deferredChange {
            let item = items[index]
            var slots = productSlots(item.form)
            slots["cantidad"] = [.exact(wording.alone(item.quantity, item.form, plain: true, rng: &rng))]
            slots["pedido"] = wording.withProduct(item.quantity, item.form, rng: &rng)
            say(rng.pick(phrases.changeQuantityByName), slots)
        }
    }

    mutating func pickChange(_ items: [Item]) -> Int {
        let candidates = items.indices.filter { items[$0].product.stock >= 2 }
        return rng.pick(candidates)
    }

    mutating func sayQuantity(_ quantity: Int, _ form: ProductForm) {
        if rng.chance(0.7) {
            say(rng.pick(phrases.quantityAlone), ["cantidad": [.exact(wording.alone(quantity, form, rng: &rng))]])
        } else {
            var slots = productSlots(form)
            slots["cantidad"] = [.exact(wording.alone(quantity, form, plain: true, rng: &rng))]
            say(rng.pick(phrases.quantityOfThose), slots)
        }
    }

    /// "3 cascos, 2 conos y media docena de chalecos", or one per line.
    mutating func itemList(_ items: [Item]) -> [MessagePiece] {
        let parts = items.map { wording.withProduct($0.firstQuantity, $0.form, rng: &rng) }
        var pieces: [MessagePiece] = []
        switch rng.below(10) {
        case 0..<6:
            for (index, part) in parts.enumerated() {
                if index > 0 { pieces.append(.loose(index == parts.count - 1 ? " y " : ", ")) }
                pieces += part
            }
        case 6..<9:
            for part in parts {
                pieces.append(.exact("\n- "))
                pieces += part
            }
        default:
            for (index, part) in parts.enumerated() {
                if index > 0 { pieces.append(.exact("\n")) }
                pieces += part
            }
        }
        return pieces
    }

    /// "eso es todo", sometimes on the same message as the last quantity.
    mutating func close() {
        let closing = rng.pick(phrases.close)
        if let last = drafts.last, last.chatter, rng.chance(0.12) {
            drafts[drafts.count - 1].pieces += [.loose(", " + closing)]
        } else {
            say(closing, [:])
        }
    }

    // MARK: customer data

    /// The value of a field as typed in this dialogue: a wrong one first when the customer
    /// will correct it, digits in words in some voice notes.
    mutating func value(
        _ field: ClientField, _ customer: SimulatedCustomer, wrong: [ClientField: String], alone: Bool = false
    ) -> [MessagePiece] {
        let typed = wrong[field] ?? customer.typed(field) ?? ""
        if style == .voice, field == .idNumber || field == .phone, rng.chance(0.6) {
            return [
                .exact(
                    SimulatedCustomer.dictated(
                        typed, words: simulator.banks.quantities.dictatedDigits, alone: alone, rng: &rng))
            ]
        }
        if field == .email, rng.chance(0.1), let first = typed.first {
            return [.exact(first.uppercased() + typed.dropFirst())]
        }
        return [.exact(typed)]
    }

    /// A field inside a sentence: "mi cédula es …", "cel …".
    mutating func labelled(_ field: ClientField, _ customer: SimulatedCustomer, wrong: [ClientField: String])
        -> [MessagePiece]
    {
        fill(
            rng.pick(phrases.fieldInSentence[field, landline: customer.hasLandline]),
            ["valor": value(field, customer, wrong: wrong)])
    }

    /// `intro`: the words that present data given before the shop asked for it.
    mutating func giveData(_ customer: SimulatedCustomer, style dataStyle: DataStyle, intro: String? = nil) {
        let details = customer.details
        let hasEmail = details.email != nil
        var main: [ClientField] = [.name, .idNumber, .phone, .email, .address, .neighborhood]
        var wrong: [ClientField: String] = [:]
        var correction: ClientField?
        if rng.chance(0.15) {
            var fields: [ClientField] = [.idNumber, .phone, .address, .neighborhood]
            if hasEmail { fields.append(.email) }
            if details.name.split(separator: " ").count >= 3 { fields.append(.name) }
            let field = rng.pick(fields)
            wrong[field] = wrongValue(field, customer)
            correction = field
            tags.append("correccion")
        }
        let immediate = correction != nil && (dataStyle == .answers || dataStyle == .labelled) && rng.chance(0.5)
        var notesGiven = false
        var emailAnswered = false
        let firstData = drafts.count

        switch dataStyle {
        case .answers:
            if rng.chance(0.2) {
                main.removeAll { $0 == .neighborhood }
            }
            for field in main {
                if field == .email, !hasEmail {
                    say(rng.pick(phrases.noEmail), [:], chatter: false)
                    emailAnswered = true
                } else if field == .address, !main.contains(.neighborhood) {
                    let joiner = rng.pick([", barrio ", " barrio ", ", "])
                    data(
                        value(.address, customer, wrong: wrong) + [.exact(joiner)]
                            + value(.neighborhood, customer, wrong: wrong))
                } else {
                    data(
                        rng.chance(0.8)
                            ? value(field, customer, wrong: wrong, alone: true)
                            : labelled(field, customer, wrong: wrong))
                }
                if immediate,
                    field == correction
                        || (field == .address && correction == .neighborhood && !main.contains(.neighborhood))
                {
                    say(
                        rng.pick(phrases.corrections[correction!, landline: customer.hasLandline]),
                        ["valor": [.exact(customer.typed(correction!)!)]], chatter: false)
                }
            }
        case .labelled:
            for field in rng.shuffled(main) {
                if field == .email, !hasEmail {
                    say(rng.pick(phrases.noEmail), [:], chatter: false)
                    emailAnswered = true
                } else {
                    data(labelled(field, customer, wrong: wrong))
                }
                if immediate, field == correction {
                    say(
                        rng.pick(phrases.corrections[field, landline: customer.hasLandline]),
                        ["valor": [.exact(customer.typed(field)!)]], chatter: false)
                }
            }
        case .grouped:
            let fields = rng.shuffled(main)
            let cuts = rng.chance(0.5) ? [rng.int(in: 1...(fields.count - 1))] : [2, 4]
            var start = 0
            for (index, end) in (cuts + [fields.count]).enumerated() {
                var pieces: [MessagePiece] = []
                for field in fields[start..<end] {
                    if !pieces.isEmpty { pieces.append(.exact(", ")) }
                    if field == .email, !hasEmail {
                        pieces.append(.exact(rng.pick(phrases.noEmail)))
                        emailAnswered = true
                    } else {
                        pieces += labelled(field, customer, wrong: wrong)
                    }
                }
                if index == cuts.count, details.notes != nil, rng.chance(0.3) {
                    pieces += [.exact(", ")] + labelled(.notes, customer, wrong: wrong)
                    notesGiven = true
                }
                data(pieces)
                start = end
            }
        case .block:
            var lines: [MessagePiece] = []
            if let intro {
                lines.append(.exact(intro + "\n"))
            } else if rng.chance(0.4) {
                lines.append(.exact(rng.pick(phrases.dataIntros) + "\n"))
            }
            var fields = rng.chance(0.7) ? main : rng.shuffled(main)
            fields.removeAll { $0 == .email && !hasEmail }
            if details.notes != nil, rng.chance(0.4) {
                fields.append(.notes)
                notesGiven = true
            }
            let separator = rng.pick([": ", ": ", " "])
            for (index, field) in fields.enumerated() {
                lines.append(
                    .exact(
                        (index > 0 ? "\n" : "") + rng.pick(phrases.fieldLabels[field, landline: customer.hasLandline])
                            + separator))
                lines += value(field, customer, wrong: wrong)
            }
            data(lines)
        case .list:
            let separator = rng.pick([" / ", "\n", " - "])
            var pieces: [MessagePiece] = []
            for field in main where field != .email || hasEmail {
                if !pieces.isEmpty { pieces.append(.exact(separator)) }
                pieces += value(field, customer, wrong: wrong)
            }
            data(pieces)
        case .sentence, .withOrder, .returning, .unprompted:
            var pieces =
                intro.map { [MessagePiece.exact($0 + " ")] }
                ?? (rng.chance(0.3) ? [MessagePiece.exact(rng.pick(phrases.dataIntros) + " ")] : [])
            (pieces, notesGiven, emailAnswered) = sentence(pieces, customer, wrong: wrong)
            data(pieces)
        }
        finishData(customer, notesGiven: notesGiven, emailAnswered: emailAnswered, firstData: firstData)
        if let correction, !immediate {
            say(
                rng.pick(phrases.corrections[correction, landline: customer.hasLandline]),
                ["valor": [.exact(customer.typed(correction)!)]], chatter: false)
        }
    }

    /// The data as one sentence: "soy …, cc …, cel …, correo …, dirección …, barrio …".
    mutating func sentence(_ start: [MessagePiece], _ customer: SimulatedCustomer, wrong: [ClientField: String])
        -> ([MessagePiece], notesGiven: Bool, emailAnswered: Bool)
    {
        var pieces = start
        var emailAnswered = false
        let main: [ClientField] = [.name, .idNumber, .phone, .email, .address, .neighborhood]
        var fields = rng.chance(0.6) ? main : rng.shuffled(main)
        let hasEmail = customer.details.email != nil
        if !hasEmail, rng.chance(0.5) { fields.removeAll { $0 == .email } }
        let notesGiven = customer.details.notes != nil && rng.chance(0.3)
        if notesGiven { fields.append(.notes) }
        for (index, field) in fields.enumerated() {
            if index > 0 { pieces.append(.exact(", ")) }
            if field == .email, !hasEmail {
                pieces.append(.exact(rng.pick(phrases.noEmail)))
                emailAnswered = true
            } else {
                pieces += labelled(field, customer, wrong: wrong)
            }
        }
        return (pieces, notesGiven, emailAnswered)
    }

    /// After the data: "no tengo correo" if the customer has none and has not said so, the
    /// delivery notes (or "ninguna") if not given yet, perhaps a question in between.
    mutating func finishData(_ customer: SimulatedCustomer, notesGiven: Bool, emailAnswered: Bool, firstData: Int) {
        if customer.details.email == nil, !emailAnswered {
            say(rng.pick(phrases.noEmail), [:], chatter: false)
        }
        if !notesGiven {
            if let notes = customer.details.notes {
                data([.exact(notes)])
            } else {
                say(rng.pick(phrases.noNotes), [:], chatter: false)
            }
        }
        if rng.chance(0.1) {
            tags.append("pregunta")
            let position = rng.int(in: (firstData + 1)...drafts.count)
            drafts.insert(MessageDraft(fill(rng.pick(phrases.midQuestions), [:]), chatter: true), at: position)
        }
    }

    /// Products and data in the first message; the notes (or "ninguna") after, if missing.
    mutating func orderWithData(_ items: [Item], customer: SimulatedCustomer, greeting: String?) {
        var pieces: [MessagePiece] = greeting.map { [.loose($0 + ", ")] } ?? []
        if items.count == 1 {
            pieces += fill(
                rng.pick(phrases.order), ["pedido": wording.withProduct(items[0].quantity, items[0].form, rng: &rng)])
        } else {
            pieces += fill(rng.pick(phrases.orderSeveral), ["lista": itemList(items)])
        }
        pieces.append(.exact(rng.pick([". ", ".\n", "\n"]) + rng.pick(phrases.dataIntros) + " "))
        let (data, notesGiven, emailAnswered) = sentence([], customer, wrong: [:])
        drafts.append(MessageDraft(pieces + data, chatter: false))
        finishData(customer, notesGiven: notesGiven, emailAnswered: emailAnswered, firstData: drafts.count - 1)
    }

    mutating func returningClient(_ customer: SimulatedCustomer) {
        if rng.chance(0.6) {
            data(labelled(.idNumber, customer, wrong: [:]))
        } else {
            data(value(.idNumber, customer, wrong: [:], alone: true))
        }
        say(rng.pick(phrases.sameData), [:], chatter: false)
    }

    /// A plausible mistake in a field, still a valid value.
    mutating func wrongValue(_ field: ClientField, _ customer: SimulatedCustomer) -> String {
        let details = customer.details
        switch field {
        case .idNumber:
            let digits = changedDigit(details.idNumber, from: 2)
            if customer.idTyped.contains(".") { return SimulatedCustomer.grouped(digits, separator: ".") }
            return digits
        case .phone:
            let digits = changedDigit(details.phone!, from: details.phone!.count == 7 ? 1 : 3)
            return details.phone!.count == 10 && digits.hasPrefix("3")
                ? SimulatedCustomer.typedMobile(digits, rng: &rng) : digits
        case .email:
            let email = details.email!
            let typos = [
                "gmail.com": ["gmial.com", "gmail.co", "gamil.com"],
                "hotmail.com": ["hotmial.com", "hotmail.co", "hotmal.com"],
                "yahoo.com": ["yaho.com", "yahoo.co"], "outlook.com": ["outlok.com", "outlook.co"],
            ]
            let parts = email.split(separator: "@", maxSplits: 1).map(String.init)
            if let options = typos[parts[1]] { return parts[0] + "@" + rng.pick(options) }
            var user = Array(parts[0])
            user.remove(at: rng.int(in: 1...(user.count - 1)))
            return String(user) + "@" + parts[1]
        case .address:
            let address = details.address!
            guard let dash = address.lastIndex(of: "-") else { return address + " 2" }
            let after = address[address.index(after: dash)...]
            let number = after.prefix { $0.isNumber }
            let rest = after.dropFirst(number.count)
            var replacement = (Int(number) ?? 10) + rng.int(in: 1...8)
            if replacement > 99 { replacement -= 20 }
            return String(address[...dash]) + String(replacement) + rest
        case .neighborhood:
            var other = rng.pick(simulator.banks.people.neighborhoods)
            while other == details.neighborhood { other = rng.pick(simulator.banks.people.neighborhoods) }
            return other
        case .name:
            return details.name.split(separator: " ").dropLast().joined(separator: " ")
        case .notes:
            return details.notes ?? ""
        }
    }

    mutating func changedDigit(_ digits: String, from start: Int) -> String {
        var characters = Array(digits)
        let index = rng.int(in: start...(characters.count - 1))
        let old = characters[index].wholeNumberValue ?? 0
        characters[index] = Character(String((old + rng.int(in: 1...9)) % 10))
        return String(characters)
    }

    // MARK: drafting

    /// A template with its slots filled; the template's own words are loose (noise may
    /// touch them), the slots keep the pieces they were given.
    func fill(_ template: String, _ slots: [String: [MessagePiece]]) -> [MessagePiece] {
        var pieces: [MessagePiece] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}"),
            let value = slots[String(rest[rest.index(after: open)..<close])]
        {
            if open > rest.startIndex { pieces.append(.loose(String(rest[..<open]))) }
            pieces += value
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.loose(String(rest))) }
        return pieces
    }

    /// `wrap`: an older customer's story around the message ("buenas tardes señorita, le
    /// escribo porque… {message}, muchas gracias y que Dios le pague").
    mutating func say(
        _ template: String, _ slots: [String: [MessagePiece]], greeting: String? = nil, chatter: Bool = true,
        wrap: Bool = false
    ) {
        var pieces = fill(template, slots)
        if wrap {
            pieces =
                [.loose(rng.pick(phrases.elderlyIntros) + " ")] + pieces
                + [.loose(", " + rng.pick(phrases.elderlyClosers))]
        }
        if let greeting {
            let ended = greeting.last.map { ".?!".contains($0) } ?? false
            pieces = [.loose(greeting + (ended ? rng.pick([" ", "\n"]) : rng.pick([", ", ". ", " ", "\n"])))] + pieces
        }
        drafts.append(MessageDraft(pieces, chatter: chatter))
    }

    mutating func data(_ pieces: [MessagePiece]) {
        drafts.append(MessageDraft(pieces, chatter: false))
    }
}
