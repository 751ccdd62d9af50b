import SpanishText

/// Cities and towns a customer names beside their name or address ("le habla Hernán
/// Restrepo de Medellín", "barrio Acopi, Yumbo"), folded: the country's main cities and the
/// towns around the shop (Valle del Cauca, Cauca). A place is never part of a person's name.
enum ColombianPlaces {
    static let cities: Set<String> = [
        "bogota", "medellin", "cali", "barranquilla", "cartagena", "bucaramanga", "cucuta", "pereira", "manizales",
        "armenia", "ibague", "neiva", "pasto", "popayan", "villavicencio", "monteria", "sincelejo", "valledupar",
        "tunja", "riohacha", "quibdo", "florencia", "yopal", "leticia", "soacha", "bello", "itagui", "envigado",
        "soledad", "palmira", "tulua", "buga", "cartago", "yumbo", "jamundi", "candelaria", "dagua", "buenaventura",
        "sevilla", "zarzal", "roldanillo", "florida", "pradera", "cerrito", "ginebra", "guacari", "caicedonia",
        "santander", "quilichao", "dosquebradas", "girardot", "fusagasuga", "zipaquira", "chia", "sogamoso",
        "duitama", "barrancabermeja", "floridablanca", "giron", "piedecuesta", "rionegro", "apartado", "turbo",
        "tumaco", "ipiales", "pamplona", "ocana", "mocoa", "arauca", "magangue", "cienaga", "cerete", "aguachica",
        "melgar", "espinal", "pitalito", "chinchina", "calarca", "facatativa", "sabaneta", "marinilla", "mariquita",
        "chiquinquira", "guapi", "yarumal", "caucasia", "maicao", "uribia", "malambo", "sabanalarga", "saravena",
    ]

    /// A neighbourhood without the city said after it ("Santa Bárbara Buga", "Ciudad Country
    /// en Jamundí", "Palermo, en Manizales", "Santa Mónica Residencial (Cali)"): the last one
    /// to four words that name a city go, with an "en" or "de" before them, when a word of
    /// the place's own is left. A city right after an article or a word that opens a place's
    /// name is the place itself ("La Candelaria", "Nueva Florida"); a city alone stays (the
    /// customer may mean it). Looks at a few words from the end.
    static func withoutCity(_ text: String) -> String {
        let words = Words(text)
        guard words.count >= 2 else { return text }
        // The longest city at the end ("Santander de Quilichao", not "Quilichao").
        guard
            let cityStart = (max(0, words.count - 4)..<words.count).first(where: { start in
                isCity(Words(words.texts[start...].joined(separator: " ")))
            }), cityStart > 0
        else { return text }
        var end = cityStart
        if ["en", "de"].contains(words[end - 1]), end >= 2 { end -= 1 }
        let characters = Array(text)
        // "(Cali)", ", Cali": the city set apart is never part of the name.
        let gap = characters[words.words[end - 1].range.upperBound..<words.words[end].range.lowerBound]
        let apart = gap.contains { ",(-".contains($0) }
        guard apart || end != cityStart || !placeOpeners.contains(words[end - 1]) else { return text }
        guard (0..<end).contains(where: { !placeOpeners.contains(words[$0]) }) else { return text }
        return words.originalText(0..<end)
    }

    /// Words that open a place's name before a word that may also be a city's ("La
    /// Candelaria", "Villa Florida", "Nuevo Bello").
    static let placeOpeners: Set<String> = [
        "el", "la", "los", "las", "de", "del", "en", "nuevo", "nueva", "villa", "san", "santa", "ciudad", "puerto",
        "alto", "alta", "bajo", "baja", "barrio", "urbanizacion", "vereda", "sector", "conjunto",
    ]

    /// Whether the words only say the city, alone or after "aquí en", "acá en", "en", "de"
    /// ("aquí en Palmira", "en Santander de Quilichao"): where the customer is, no note.
    static func saysCity(_ words: Words) -> Bool {
        var start = 0
        while start < min(words.count, 2), cityLeads.contains(words[start]) { start += 1 }
        return start < words.count && isCity(Words(words.texts[start...].joined(separator: " ")))
    }

    static let cityLeads: Set<String> = ["aqui", "aca", "alla", "en", "de", "desde"]

    /// Whether the words only name a city ("Yumbo", "Santander de Quilichao"): every word a
    /// city's or a particle between them, one at least a city's.
    static func isCity(_ words: Words) -> Bool {
        guard (1...4).contains(words.count), cities.contains(words[0]), cities.contains(words[words.count - 1]) else {
            return false
        }
        return words.texts.allSatisfy { cities.contains($0) || ["de", "del"].contains($0) }
    }
}
