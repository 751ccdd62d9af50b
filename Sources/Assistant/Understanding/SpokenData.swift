import SpanishText

/// Large numbers said as words, as a voice note's transcription writes a cédula ("treinta y
/// un millones cuatrocientos veinte mil trescientos quince"): a run of number words with
/// "mil" or "millón" worth 100.000 or more becomes its digits ("31420315"), so it reads like
/// a typed one. Smaller amounts stay words ("dos mil tapabocas" is a quantity). One pass.
public enum SpokenCardinals {
    static let values: [String: Int] = {
        var values: [String: Int] = [
            "cero": 0, "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
            "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
            "quince": 15, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
            "veintiun": 21, "veintiuno": 21, "veintiuna": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24,
            "veinticinco": 25, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
            "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
            "cien": 100, "ciento": 100, "quinientos": 500, "quinientas": 500, "setecientos": 700,
            "setecientas": 700, "novecientos": 900, "novecientas": 900,
        ]
        for (word, value) in ["dos": 2, "tres": 3, "cuatro": 4, "seis": 6, "ocho": 8] {
            values[word + "cientos"] = value * 100
            values[word + "cientas"] = value * 100
        }
        return values
    }()
    static let thousand: Set<String> = ["mil"]
    static let million: Set<String> = ["millon", "millones"]
    static let minimum = 100_000

    public static func rewrite(_ text: String) -> String {
        let words = Words(text)
        guard words.texts.contains(where: { thousand.contains($0) || million.contains($0) }) else { return text }
        let characters = Array(text)
        var result = ""
        var copied = 0
        var index = 0
        while index < words.count {
            guard isNumberWord(words[index]), words[index] != "y" else {
                index += 1
                continue
            }
            var end = index
            var millions = 0
            var thousands = 0
            var current = 0
            var large = false
            while end < words.count, isNumberWord(words[end]) {
                let word = words[end]
                if word == "y" {
                    // "treinta y un": "y" only joins tens and units.
                    guard current % 10 == 0, current % 100 != 0, end + 1 < words.count,
                        let next = values[words[end + 1]], next < 10
                    else { break }
                } else if million.contains(word) {
                    guard millions == 0 else { break }
                    // "mil setenta y tres millones…" (a cédula of ten digits): the thousands
                    // said before are thousands of millions.
                    millions = thousands > 0 ? thousands * 1000 + current : max(current, 1)
                    thousands = 0
                    current = 0
                    large = true
                } else if thousand.contains(word) {
                    guard thousands == 0 else { break }
                    thousands = max(current, 1)
                    current = 0
                    large = true
                } else if let value = values[word] {
                    current += value
                }
                end += 1
            }
            let total = millions * 1_000_000 + thousands * 1000 + current
            if large, total >= minimum {
                let from = words.words[index].range.lowerBound
                result += String(characters[copied..<from]) + String(total)
                copied = words.words[end - 1].range.upperBound
            }
            index = max(end, index + 1)
        }
        result += String(characters[copied...])
        return result
    }

    static func isNumberWord(_ word: String) -> Bool {
        values[word] != nil || thousand.contains(word) || million.contains(word) || word == "y"
    }
}

/// An e-mail address dictated in a voice note ("diegocarabali arroba gmail punto com"):
/// the words around "arroba", joined by "punto", become the address
/// ("diegocarabali@gmail.com", "ana punto gil arroba hotmail punto com"). One pass.
public enum SpokenEmail {
    /// Words said about how the address is written ("todo pegado", "sin espacios").
    static let spellingRemarks: Set<String> = [
        "todo", "pegado", "pegadito", "junto", "juntito", "sin", "espacio", "espacios", "seguido",
    ]

    public static func rewrite(_ text: String) -> String {
        let words = Words(text)
        guard words.contains("arroba") else { return text }
        let characters = Array(text)
        var result = ""
        var copied = 0
        var index = 1
        while index + 1 < words.count {
            guard words[index] == "arroba", words[index - 1] != "arroba" else {
                index += 1
                continue
            }
            var domain = [words.words[index + 1]]
            var end = index + 2
            while end + 1 < words.count, words[end] == "punto", domain.count < 4 {
                domain.append(words.words[end + 1])
                end += 2
            }
            // "gloriahenao todo pegado arroba …": what the customer says about the spelling is
            // no part of the address.
            var localEnd = index - 1
            while localEnd > 0, spellingRemarks.contains(words[localEnd]), index - localEnd < 4 { localEnd -= 1 }
            let part = { (word: Words.Word) in String(characters[word.range]).lowercased() }
            // "castro ochenta y siete arroba …": a number said at the end of the local part is
            // its digits, written after the word before it ("castro87").
            var digits = ""
            if let (first, value) = spokenNumber(endingAt: localEnd, words), first > 0 {
                digits = value
                localEnd = first - 1
            }
            // "adriana punto gil arroba …", "leidy guion bajo castro arroba …": the local part may
            // hold dots, underscores and dashes too.
            var local = [words.words[localEnd]]
            var joins: [String] = []
            var start = localEnd
            while local.count < 4, let (mark, length) = joinMark(before: start, words),
                start - length - 1 >= 0, words.words[start - length - 1].range.lowerBound >= copied
            {
                local.insert(words.words[start - length - 1], at: 0)
                joins.insert(mark, at: 0)
                start -= length + 1
            }
            // "… arroba gmail punto com todo junto": the remark may follow the address.
            var remarkEnd = end
            while remarkEnd < words.count, remarkEnd - end < 3, spellingRemarks.contains(words[remarkEnd]) {
                remarkEnd += 1
            }
            // Only a remark that says how ("todo junto", "sin espacios"), not a lone "todo".
            if !(end..<remarkEnd).contains(where: { !["todo", "sin"].contains(words[$0]) }) { remarkEnd = end }
            // "marleny cuesta todo pegado arroba …": the words said joined are one local part,
            // back to the label or the verb before them.
            var separator = "."
            if localEnd < index - 1 || remarkEnd > end, local.count == 1 {
                while start > 0, local.count < maxJoinedWords, words.words[start - 1].range.lowerBound >= copied,
                    !emailLeads.contains(words[start - 1]), words[start - 1].allSatisfy({ $0.isLetter || $0.isNumber }),
                    characters[words.words[start - 1].range.upperBound..<words.words[start].range.lowerBound]
                        .allSatisfy(\.isWhitespace)
                {
                    local.insert(words.words[start - 1], at: 0)
                    start -= 1
                }
                separator = ""
            }
            guard domain.count >= 2, local[0].range.lowerBound >= copied else {
                index += 1
                continue
            }
            result += String(characters[copied..<local[0].range.lowerBound])
            var address = part(local[0])
            for (offset, word) in local.dropFirst().enumerated() {
                address += (offset < joins.count ? joins[offset] : separator) + part(word)
            }
            result += address + digits + "@" + domain.map(part).joined(separator: ".")
            copied =
                remarkEnd > end
                ? words.words[remarkEnd - 1].range.upperBound : domain[domain.count - 1].range.upperBound
            index = max(end, remarkEnd)
        }
        result += String(characters[copied...])
        return result
    }

    /// The mark said right before word `index` inside a local part and how many words say it:
    /// "punto" (.), "guion bajo" / "raya al piso" (_), "guion" (-).
    static func joinMark(before index: Int, _ words: Words) -> (String, Int)? {
        if words.at(index - 1) == "punto" { return (".", 1) }
        if words.at(index - 2) == "guion", words.at(index - 1) == "bajo" { return ("_", 2) }
        if words.at(index - 3) == "raya", words.at(index - 2) == "al", words.at(index - 1) == "piso" {
            return ("_", 3)
        }
        if words.at(index - 1) == "guion" { return ("-", 1) }
        return nil
    }

    /// The most words said joined into one local part ("marleny cuesta todo pegado").
    static let maxJoinedWords = 4
    /// Words before a dictated address that are no part of it ("el correo es …").
    static let emailLeads: Set<String> = [
        "correo", "email", "mail", "electronico", "es", "el", "mi", "su", "seria", "queda", "y", "e", "de",
    ]

    /// The most words a number said inside an address has ("mil novecientos ochenta y siete").
    static let maxNumberWords = 8

    /// The number said by the words that end at `end` ("ochenta y siete" → "87", "uno dos
    /// tres" → "123"): where it starts and its digits; nil when the word at `end` is no number.
    static func spokenNumber(endingAt end: Int, _ words: Words) -> (start: Int, digits: String)? {
        let isNumber = { (word: String) in SpokenCardinals.values[word] != nil || word == "y" || word == "mil" }
        var start = end
        while start > 0, end - start < maxNumberWords, isNumber(words[start - 1]) { start -= 1 }
        while start <= end, words[start] == "y" { start += 1 }
        guard start <= end, words[end] != "y", isNumber(words[end]) else { return nil }
        let run = Words(words.texts[start...end].joined(separator: " "))
        if let (value, length) = SpanishNumber.read(run, at: 0), length == run.count { return (start, String(value)) }
        // Digits said one by one ("uno dos tres").
        let digits = run.texts.compactMap { SpokenCardinals.values[$0] }
        guard digits.count == run.count, digits.allSatisfy({ $0 < 10 }) else { return nil }
        return (start, digits.map(String.init).joined())
    }
}
