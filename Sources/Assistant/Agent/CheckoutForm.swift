import Shop
import SpanishText

/// The checkout as a form (Rasa's slot-filling form): the customer's data, slot by slot,
/// each validated with the shop's rules (`Validation`); an invalid value is not kept and
/// the slot is asked again with the reason. Optional slots (e-mail, delivery notes) may be
/// declined.
public struct CheckoutForm: Codable, Sendable, Equatable {
    /// Validated values by slot name.
    public private(set) var values: [String: String] = [:]
    public private(set) var declined: Set<CheckoutSlot> = []
    /// The slot the agent asked for last (answers without a label go there).
    public var requested: CheckoutSlot?
    /// The cédula whose stored data was offered to the customer, if any.
    public var offeredIdNumber: String?
    /// Slots filled from a stored client's record: used for the order, shown masked.
    public private(set) var stored: Set<CheckoutSlot> = []
    /// The customer proved to be the stored client (typed the phone on file): only then
    /// may the order update the stored record.
    public var verified = false
    /// A location the customer shared (Telegram), kept with the delivery indications.
    public var location: String?

    public init() {}

    public subscript(_ slot: CheckoutSlot) -> String? {
        values[slot.rawValue]
    }

    public var isEmpty: Bool { values.isEmpty && declined.isEmpty }

    /// Slots still needed, in asking order.
    public var missing: [CheckoutSlot] {
        CheckoutSlot.allCases.filter { values[$0.rawValue] == nil && !declined.contains($0) }
    }

    public var isComplete: Bool { missing.isEmpty }

    /// Validates `raw` for `slot` and keeps it; throws the reason when it is not valid.
    @discardableResult
    public mutating func fill(_ slot: CheckoutSlot, _ raw: String) throws(ValidationError) -> String {
        let value = try Self.validate(slot, raw)
        values[slot.rawValue] = value
        declined.remove(slot)
        stored.remove(slot)
        if slot == .idNumber, value != offeredIdNumber { forgetStored() }
        return value
    }

    /// Keeps a stored client's value (known valid; shown masked).
    public mutating func keepStored(_ slot: CheckoutSlot, _ value: String?) {
        if let value, !value.isEmpty {
            values[slot.rawValue] = value
            declined.remove(slot)
            stored.insert(slot)
        } else if slot.isOptional {
            declined.insert(slot)
        }
    }

    public mutating func decline(_ slot: CheckoutSlot) {
        guard slot.isOptional else { return }
        values[slot.rawValue] = nil
        declined.insert(slot)
        stored.remove(slot)
    }

    /// Another cédula: values taken from the previous one's record go.
    mutating func forgetStored() {
        for slot in stored { values[slot.rawValue] = nil }
        stored = []
        verified = false
    }

    /// The client data as the chat shows it: stored values masked.
    public var shownClient: ClientDetails? {
        client.map { ClientMask.details($0, stored: stored) }
    }

    /// The client data for the order, once every required slot is filled.
    public var client: ClientDetails? {
        guard let name = self[.name], let idNumber = self[.idNumber], let phone = self[.phone] else {
            return nil
        }
        return ClientDetails(
            idNumber: idNumber, name: name, phone: phone, email: self[.email], address: self[.address],
            neighborhood: self[.neighborhood], notes: notesWithLocation)
    }

    /// The indications, then the shared location, within the indications' length.
    var notesWithLocation: String? {
        let parts = [self[.notes], location].compactMap { $0 }
        guard !parts.isEmpty else { return nil }
        return String(parts.joined(separator: ". ").prefix(ClientDetails.maxNotesLength))
    }

    /// "el Centro", "el corregimiento de Termales": an article the customer wrote in lowercase
    /// before a capitalized name or a kind of rural place is no part of the barrio ("El
    /// Poblado", "la floresta" stay as written).
    static func withoutArticle(_ neighborhood: String) -> String {
        let parts = neighborhood.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, ["el", "la", "los", "las"].contains(parts[0]),
            parts[1].first?.isUppercase == true || ruralPlaceKinds.contains(TextFold.fold(String(parts[1])))
        else { return neighborhood }
        return String(neighborhood.dropFirst(parts[0].count)).trimmingWhitespace()
    }

    /// Kinds of rural place that stand where a barrio would.
    static let ruralPlaceKinds: Set<String> = ["vereda", "corregimiento", "sector", "caserio", "resguardo", "comuna"]

    /// Words of a rural address, which may have no house number.
    static let ruralWords: Set<String> = [
        "vereda", "finca", "hacienda", "parcela", "corregimiento", "km", "kilometro", "via", "lote", "predio",
        // Places found by their name where streets have no numbers (islands, villages, the
        // coast and the rivers of the Pacific and the Caribbean).
        "posada", "hostal", "hotel", "cabanas", "caserio", "resguardo", "playa", "isla", "bahia", "ensenada",
        "muelle", "embarcadero", "cabana", "hosteria", "ecohotel", "glamping", "estadero", "parador", "rancheria",
        // Where a river or a stream is the street ("margen derecha del río Guapi").
        "rio", "quebrada", "margen", "orilla",
    ]

    /// "carrera ocho número catorce guion treinta": an address dictated with its numbers in
    /// words has a number too.
    static func hasNumberWord(_ text: String) -> Bool {
        let words = Words(text)
        return (0..<words.count).contains { FieldScanner.isNumberWord(words, at: $0) }
    }

    /// Titles said before a name ("Ing. Camilo Rojas", "Sra. Luz Ospina", "don Gustavo Parra"),
    /// left out of it when a name of two words or more remains.
    static let titles: Set<String> = [
        "ing", "ingeniero", "ingeniera", "dr", "dra", "doctor", "doctora", "lic", "licenciado", "licenciada", "sr",
        "sra", "srta", "senor", "senora", "senorita", "don", "dona", "arq", "arquitecto", "arquitecta", "prof",
        "profesor", "profesora",
    ]

    static func withoutTitle(_ text: String) -> String {
        let words = Words(text)
        guard words.count >= 3, titles.contains(words[0]) else { return text }
        return words.originalText(1..<words.count)
    }

    /// The shop's rule for each slot; returns the value to store.
    public static func validate(_ slot: CheckoutSlot, _ raw: String) throws(ValidationError) -> String {
        let text = raw.trimmingWhitespace()
        switch slot {
        case .name:
            let name = try Validation.name(withoutTitle(text))
            guard name.allSatisfy({ $0.isLetter || $0 == " " || $0 == "." || $0 == "'" || $0 == "-" }) else {
                throw ValidationError(field: "nombre", message: "El nombre solo puede tener letras.")
            }
            guard name.split(separator: " ").count >= 2 else {
                throw ValidationError(field: "nombre", message: "Necesito su nombre completo, con apellido.")
            }
            return capitalized(name)
        case .idNumber: return try Validation.idNumber(text)
        case .phone: return try Validation.phone(text)
        case .email: return try Validation.email(text)
        case .address:
            let address = try Validation.optionalText(text, field: "direccion", maximum: ClientDetails.maxAddressLength)
            // A rural address may have no number ("Vereda El Placer, finca Los Naranjos"), nor
            // may a site in a town without numbers ("Avenida La Playa, bodega de la cooperativa"),
            // nor a town's street ("Calle principal").
            guard let address,
                address.contains(where: \.isNumber) || Words(address).containsAny(ruralWords)
                    || Words(address).containsAny(FieldScanner.siteWords)
                    || CheckoutFieldExtractor.townStreetWords.contains(Words(address).at(0))
                    || hasNumberWord(address),
                address.split(separator: " ").count >= 2
            else {
                throw ValidationError(
                    field: "direccion",
                    message: "La dirección debe tener la calle o carrera y el número (por ejemplo: Calle 5 # 38-21).")
            }
            return withoutSiteArticle(address)
        case .neighborhood:
            let neighborhood = try Validation.optionalText(
                text, field: "barrio", maximum: ClientDetails.maxNeighborhoodLength)
            guard let neighborhood, neighborhood.contains(where: \.isLetter), !neighborhood.contains("@"),
                neighborhood.split(separator: " ").count <= 6
            else {
                throw ValidationError(
                    field: "barrio", message: "El barrio debe ser un nombre (por ejemplo: San Fernando).")
            }
            return withoutArticle(neighborhood)
        case .notes:
            let notes = try Validation.optionalText(text, field: "indicaciones", maximum: ClientDetails.maxNotesLength)
            guard let notes else {
                throw ValidationError(field: "indicaciones", message: "Las indicaciones están vacías.")
            }
            return withoutClosingWords(notes)
        }
    }

    /// "la finca El Recreo, vereda…" → "finca El Recreo, vereda…": an article in lower case
    /// before the site's kind that opens the address is no part of it.
    static func withoutSiteArticle(_ address: String) -> String {
        let parts = address.split(separator: " ", maxSplits: 2)
        guard parts.count == 3, ["la", "el"].contains(parts[0]),
            FieldScanner.siteWords.contains(TextFold.fold(String(parts[1])))
        else { return address }
        return String(address.dropFirst(parts[0].count)).trimmingWhitespace()
    }

    /// "…a mano derecha hay un portón verde ahí es": the words a voice note closes a
    /// direction with ("ahí es", "ahí queda") are no part of the note, when more is left.
    static func withoutClosingWords(_ notes: String) -> String {
        let words = Words(notes)
        guard words.count > closingWords[0].count + 2 else { return notes }
        for closing in closingWords
        where (0..<closing.count).allSatisfy({ words[words.count - closing.count + $0] == closing[$0] }) {
            return CheckoutFieldExtractor.trimmed(words.originalText(0..<words.count - closing.count))
        }
        return notes
    }

    static let closingWords: [[String]] = [["ahi", "es"], ["ahi", "queda"], ["alli", "es"], ["alli", "queda"]]

    /// "julian esteban mora" → "Julian Esteban Mora"; names typed with capitals are kept.
    static func capitalized(_ name: String) -> String {
        let hasUpper = name.contains { $0.isUppercase }
        let hasLower = name.contains { $0.isLowercase }
        guard !(hasUpper && hasLower) else { return name }
        return name.lowercased().split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        values = try container.decodeIfPresent([String: String].self, forKey: .values) ?? [:]
        declined = try container.decodeIfPresent(Set<CheckoutSlot>.self, forKey: .declined) ?? []
        requested = try container.decodeIfPresent(CheckoutSlot.self, forKey: .requested)
        offeredIdNumber = try container.decodeIfPresent(String.self, forKey: .offeredIdNumber)
        stored = try container.decodeIfPresent(Set<CheckoutSlot>.self, forKey: .stored) ?? []
        verified = try container.decodeIfPresent(Bool.self, forKey: .verified) ?? false
        location = try container.decodeIfPresent(String.self, forKey: .location)
    }

    enum CodingKeys: String, CodingKey {
        case values
        case declined
        case requested
        case offeredIdNumber = "offeredCedula"
        case stored = "guardados"
        case verified = "verificado"
        case location = "ubicacion"
    }
}
