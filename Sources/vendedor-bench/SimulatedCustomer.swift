import Foundation
import Shop
import Support

/// The fields of the checkout form, in the order a shop asks for them.
enum ClientField: String, CaseIterable, Sendable {
    case name = "nombre"
    case idNumber = "cedula"
    case phone = "telefono"
    case email = "correo"
    case address = "direccion"
    case neighborhood = "barrio"
    case notes = "indicaciones"
}

/// A made-up Colombian customer (`personas.json`): the data as it must be stored, and how
/// this customer types the numbers.
struct SimulatedCustomer: Sendable {
    /// What the order must carry: cédula and phone as digits, e-mail in lower case.
    var details: ClientDetails
    var female: Bool
    /// "16.789.432", "1130456789", "1 130 456 789".
    var idTyped: String
    /// "315 678 9012", "+57 3156789012", "(602) 392 8926", "392 89 26".
    var phoneTyped: String

    static func make(people: People, rng: inout SeededGenerator) -> SimulatedCustomer {
        let female = rng.chance(0.45)
        var given = [rng.pick(female ? people.femaleNames : people.maleNames)]
        if rng.chance(0.4) {
            let middle = rng.pick(female ? people.femaleMiddleNames : people.maleMiddleNames)
            if middle != given[0] { given.append(middle) }
        }
        var surnames = [rng.pick(people.surnames)]
        if rng.chance(0.45) {
            let second = rng.pick(people.surnames)
            if second != surnames[0] { surnames.append(second) }
        }
        let name = (given + surnames).joined(separator: " ")

        let idNumber: String
        if rng.chance(0.4) {
            idNumber = rng.pick(people.idPrefixes8) + digits(6, rng: &rng)
        } else {
            idNumber = rng.pick(people.idPrefixes10) + digits(7, rng: &rng)
        }
        let phone: String
        let phoneTyped: String
        switch rng.below(100) {
        case 0..<85:
            phone = rng.pick(people.mobilePrefixes) + digits(7, rng: &rng)
            phoneTyped = typedMobile(phone, rng: &rng)
        case 85..<93:
            phone = String(rng.int(in: 2...8)) + digits(6, rng: &rng)
            phoneTyped = typedLandline(phone, rng: &rng)
        default:
            phone = rng.pick(people.landlineAreaCodes) + String(rng.int(in: 2...8)) + digits(6, rng: &rng)
            let area = phone.prefix(3)
            let local = String(phone.dropFirst(3))
            phoneTyped =
                rng.chance(0.5)
                ? "(\(area)) \(typedLandline(local, rng: &rng))" : "\(area) \(typedLandline(local, rng: &rng))"
        }
        let email = rng.chance(0.9) ? makeEmail(given: given, surnames: surnames, people: people, rng: &rng) : nil
        let notes = rng.chance(0.55) ? rng.pick(people.deliveryNotes) : nil
        let details = ClientDetails(
            idNumber: idNumber, name: name, phone: phone, email: email,
            address: makeAddress(people: people, rng: &rng), neighborhood: rng.pick(people.neighborhoods), notes: notes)
        return SimulatedCustomer(
            details: details, female: female, idTyped: typedIdNumber(idNumber, rng: &rng), phoneTyped: phoneTyped)
    }

    static func digits(_ count: Int, rng: inout SeededGenerator) -> String {
        String((0..<count).map { _ in Character(String(rng.below(10))) })
    }

    static func typedIdNumber(_ digits: String, rng: inout SeededGenerator) -> String {
        switch rng.below(10) {
        case 0..<4: return grouped(digits, separator: ".")
        case 4..<9: return digits
        default: return grouped(digits, separator: " ")
        }
    }

    /// "1130456789" → "1.130.456.789": groups of three from the right.
    static func grouped(_ digits: String, separator: String) -> String {
        var groups: [String] = []
        var rest = Substring(digits)
        while rest.count > 3 {
            groups.insert(String(rest.suffix(3)), at: 0)
            rest = rest.dropLast(3)
        }
        groups.insert(String(rest), at: 0)
        return groups.joined(separator: separator)
    }

    static func typedMobile(_ phone: String, rng: inout SeededGenerator) -> String {
        let a = phone.prefix(3)
        let b = phone.dropFirst(3).prefix(3)
        let c = phone.suffix(4)
        switch rng.below(20) {
        case 0..<8: return phone
        case 8..<13: return "\(a) \(b) \(c)"
        case 13..<15: return "\(a)-\(b)-\(c)"
        case 15..<17: return "\(a) \(phone.dropFirst(3))"
        case 17..<19: return "+57 \(a) \(b) \(c)"
        default: return "+57\(phone)"
        }
    }

    static func typedLandline(_ phone: String, rng: inout SeededGenerator) -> String {
        switch rng.below(3) {
        case 0: return phone
        case 1: return "\(phone.prefix(3)) \(phone.dropFirst(3))"
        default: return "\(phone.prefix(3)) \(phone.dropFirst(3).prefix(2)) \(phone.suffix(2))"
        }
    }

    static func makeEmail(given: [String], surnames: [String], people: People, rng: inout SeededGenerator) -> String {
        func plain(_ text: String) -> String {
            MessageNoise.withoutAccents(text, keepEñe: false).lowercased().filter { $0.isLetter && $0.isASCII }
        }
        let first = plain(given[0])
        let last = plain(surnames[0])
        let second = surnames.count > 1 ? plain(surnames[1]) : ""
        let year = String(rng.int(in: 60...99))
        let user: String
        switch rng.below(9) {
        case 0: user = "\(first).\(last)"
        case 1: user = "\(first)\(last)"
        case 2: user = "\(first.prefix(1))\(last)"
        case 3: user = "\(first)_\(last)\(rng.int(in: 1...99))"
        case 4: user = "\(first)\(last)\(year)"
        case 5: user = "\(first).\(last)\(second.prefix(1))"
        case 6: user = "\(first.prefix(1))\(last)\(second)"
        case 7: user = "\(first)\(rng.int(in: 1...2024))"
        default: user = "\(last).\(first)"
        }
        let domain = rng.chance(0.8) ? rng.pick(people.emailDomains) : rng.pick(people.companyDomains)
        return "\(user)@\(domain)"
    }

    /// "Calle 45 Sur # 23-10", "Cra 7 # 72B-41 apto 302", "Av 6N No. 23-45".
    static func makeAddress(people: People, rng: inout SeededGenerator) -> String {
        let street = "\(rng.pick(people.streetTypes)) \(rng.int(in: 1...150))\(rng.pick(people.streetSuffixes))"
        let letter = rng.chance(0.15) ? rng.pick(["A", "B", "C", "D"]) : ""
        let sign = rng.pick(people.numberSigns)
        let plate = "\(rng.int(in: 1...120))\(letter)-\(rng.int(in: 1...99))"
        var address = sign == "#" && rng.chance(0.3) ? "\(street) #\(plate)" : "\(street) \(sign) \(plate)"
        if rng.chance(0.15) { address += " " + rng.pick(people.addressComplements) }
        return address
    }

    /// A fixed line (7 digits, or 10 beginning with 60), not a mobile.
    var hasLandline: Bool { details.phone.map { !$0.hasPrefix("3") } ?? false }

    /// A field as this customer types it; nil when the customer has none.
    func typed(_ field: ClientField) -> String? {
        switch field {
        case .name: details.name
        case .idNumber: idTyped
        case .phone: phoneTyped
        case .email: details.email
        case .address: details.address
        case .neighborhood: details.neighborhood
        case .notes: details.notes
        }
    }

    /// Digits said one by one, as a transcribed voice note: "tres uno cinco seis…", or in
    /// groups with commas ("tres uno cinco, seis siete…") when the number is the whole message.
    static func dictated(_ digits: String, words: [String: String], alone: Bool, rng: inout SeededGenerator) -> String {
        let spoken = digits.filter { $0.isASCII && $0.isNumber }.map { words[String($0)] ?? String($0) }
        guard alone, rng.chance(0.5) else { return spoken.joined(separator: " ") }
        var groups: [String] = []
        var index = 0
        while index < spoken.count {
            let size = min(spoken.count - index, rng.int(in: 2...4))
            groups.append(spoken[index..<(index + size)].joined(separator: " "))
            index += size
        }
        return groups.joined(separator: ", ")
    }
}
