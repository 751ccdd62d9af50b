import Foundation
import SpanishText

/// A street address dictated in a voice note ("carrera diecinueve número doce cuarenta y
/// cinco", "kilómetro cuatro vía a Aquitania"): the numbers said after a street word become
/// digits, a "número" before a spoken number becomes "#" (its two numbers joined by "-", or by
/// a "guion" said between them) and a "kilómetro" before one "Km" ("carrera 19 # 12-45", "Km 4
/// vía a Aquitania"). Numbers are read only right after a street word, "número" or another number of the address, so "dos
/// cascos" keeps its words; an address typed with digits is left as it is. One pass.
public enum SpokenAddress {
    /// Rural places whose name is said with "se llama" ("la finca se llama Los Naranjos").
    static let namedPlaces: Set<String> = ["finca", "hacienda", "parcela", "granja", "lote", "predio"]

    /// "La finca se llama Los Naranjos, vereda Charguayaco" → "La finca Los Naranjos, vereda
    /// Charguayaco": the place with its name, as an address reads it. One pass.
    static func namingPlaces(_ text: String) -> String {
        // A cheap look first ("SE LLAMA" too); the words then decide.
        guard text.range(of: "llama", options: .caseInsensitive) != nil else { return text }
        let words = Words(text)
        let characters = Array(text)
        var result = ""
        var copied = 0
        for index in 0..<max(0, words.count - 2)
        where namedPlaces.contains(words[index]) && words[index + 1] == "se" && words[index + 2] == "llama" {
            result += String(characters[copied..<words.words[index].range.upperBound])
            copied = words.words[index + 2].range.upperBound
        }
        return result + String(characters[copied...])
    }

    /// "la finca La Esperanza queda en el kilómetro catorce", "finca Villa Yoli en la vereda
    /// Puerto Caldas": a named site linked to its street, road or vereda by "(que) (queda) en
    /// (el|la)" → "la finca La Esperanza, kilómetro catorce", so the site opens the address as
    /// it does before a comma. The name is at most `FieldScanner.maxSiteNameWords` words
    /// written with a capital (particles between), or any words in a message without
    /// capitals. One pass.
    static func linkingSites(_ text: String) -> String {
        guard text.contains(" en ") else { return text }
        let words = Words(text)
        guard words.texts.contains(where: FieldScanner.siteWords.contains) else { return text }
        let characters = Array(text)
        let caseless = !characters.contains(where: \.isUppercase)
        var result = ""
        var copied = 0
        for index in 2..<max(2, words.count - 1) where words[index] == "en" {
            let street = ["el", "la"].contains(words[index + 1]) ? index + 2 : index + 1
            guard street < words.count,
                FieldScanner.streetWords.contains(words[street]) || FieldScanner.roadWords.contains(words[street])
            else { continue }
            // The name ends right before "en", "queda en" or "que queda en".
            var nameEnd = index
            if words[nameEnd - 1] == "queda" { nameEnd -= 1 }
            if nameEnd > 1, words[nameEnd - 1] == "que" { nameEnd -= 1 }
            var first = nameEnd - 1
            while first > 0, nameEnd - first <= FieldScanner.maxSiteNameWords,
                !FieldScanner.siteWords.contains(words[first])
            {
                let capital = characters[words.words[first].range.lowerBound].isUppercase
                guard capital || caseless || CheckoutFieldExtractor.nameParticles.contains(words[first]) else { break }
                first -= 1
            }
            guard first < nameEnd - 1, FieldScanner.siteWords.contains(words[first]),
                words.words[first + 1...street].allSatisfy({ !$0.afterMark }),
                copied <= words.words[nameEnd - 1].range.lowerBound
            else { continue }
            result += String(characters[copied..<words.words[nameEnd - 1].range.upperBound]) + ", "
            copied = words.words[street].range.lowerBound
        }
        return result + String(characters[copied...])
    }

    /// Words after which a number is part of an address: the scanner's street words and the
    /// complements of a place ("apartamento", "bodega").
    static let streetWords = FieldScanner.streetWords.union(FieldScanner.complementWords)
    static let numberMarks: Set<String> = ["numero", "nro"]
    static let kilometre = "kilometro"
    /// The dash said between the two numbers after "#" ("dos guion treinta y cinco").
    static let dashWords: Set<String> = ["guion", "raya"]
    /// What may follow a number of an address before the next one ("cuarenta y cuatro b
    /// veintiuno", "doce sur").
    static let suffixes: Set<String> = ["a", "b", "c", "d", "e", "f", "g", "h", "bis", "sur", "norte", "este", "oeste"]

    /// Streets named by an ordinal ("carrera tercera", "calle primera"): its number.
    static let ordinals: [String: Int] = [
        "primera": 1, "primero": 1, "segunda": 2, "segundo": 2, "tercera": 3, "tercero": 3, "cuarta": 4, "cuarto": 4,
        "quinta": 5, "quinto": 5, "sexta": 6, "sexto": 6, "septima": 7, "septimo": 7, "octava": 8, "octavo": 8,
        "novena": 9, "noveno": 9, "decima": 10, "decimo": 10,
    ]

    public static func rewrite(_ text: String) -> String {
        let text = linkingSites(namingPlaces(text))
        let words = Words(text)
        guard words.texts.contains(where: streetWords.contains) else { return text }
        let characters = Array(text)
        var result = ""
        var copied = 0
        // Where a number may start: after a street word, "número" or a number just read.
        var armed = false
        // Numbers read since the last "#" (the second joins the first with "-").
        var afterMark: Int?
        // Whether the word before was a number of the address.
        var justRead = false
        // Where the dash goes when one was said ("dos guion treinta"): the first number's end.
        var dashAt: Int?
        var index = 0
        func replace(_ range: Range<Int>, with text: String) {
            result += String(characters[copied..<range.lowerBound]) + text
            copied = range.upperBound
        }
        while index < words.count {
            let word = words[index]
            // Read only after a mark or "kilómetro", not for every word.
            func nextIsSpoken() -> Bool { index + 1 < words.count && number(at: index + 1, in: words) != nil }
            if numberMarks.contains(word), armed, nextIsSpoken() {
                replace(words.words[index].range, with: "#")
                afterMark = 0
                armed = true
                index += 1
                continue
            }
            if word == kilometre, nextIsSpoken() {
                replace(words.words[index].range, with: "Km")
                armed = true
                afterMark = nil
                index += 1
                continue
            }
            // "carrera tercera número ocho veintidós": the street's ordinal is its number, when
            // "número" follows (a street called "Primera" keeps its name otherwise).
            if armed, afterMark == nil, !justRead, let value = ordinals[word], index + 1 < words.count,
                numberMarks.contains(words[index + 1])
            {
                replace(words.words[index].range, with: String(value))
                justRead = true
                index += 1
                continue
            }
            if armed, let (value, end) = number(at: index, in: words) {
                let range = words.words[index].range.lowerBound..<words.words[end - 1].range.upperBound
                if afterMark == 1 {
                    // "número doce cuarenta y cinco": "# 12-45".
                    let upTo = dashAt ?? words.words[index - 1].range.upperBound
                    result += String(characters[copied..<upTo]) + "-" + String(value)
                    copied = range.upperBound
                } else {
                    replace(range, with: String(value))
                }
                afterMark = afterMark.map { $0 + 1 }
                index = end
                justRead = true
                dashAt = nil
                continue
            }
            if justRead, afterMark == 1, dashWords.contains(word), nextIsSpoken() {
                // The number just read ends at the word before: the dash is written there.
                dashAt = words.words[index - 1].range.upperBound
                index += 1
                continue
            }
            if justRead, suffixes.contains(word) {
                index += 1
                continue
            }
            justRead = false
            armed = streetWords.contains(word)
            afterMark = nil
            index += 1
        }
        result += String(characters[copied...])
        return result
    }

    /// The number said from `index` ("doce", "cuarenta y cinco", "ciento veinte") and the
    /// index after it; nil when no number word stands there.
    static func number(at index: Int, in words: Words) -> (Int, Int)? {
        // Number words go up to "novecientos": no value grows past 999 ("mil" is no word here).
        guard let first = SpokenCardinals.values[words[index]] else { return nil }
        var value = first
        var end = index + 1
        if first >= 100, end < words.count, let rest = SpokenCardinals.values[words[end]], rest < 100 {
            value += rest
            end += 1
        }
        if value % 10 == 0, value % 100 >= 20, end + 1 < words.count, words[end] == "y",
            let unit = SpokenCardinals.values[words[end + 1]], unit < 10
        {
            value += unit
            end += 2
        }
        return (value, end)
    }
}
