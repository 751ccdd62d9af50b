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
    ]

    /// Whether the words only name a city ("Yumbo", "Santander de Quilichao"): every word a
    /// city's or a particle between them, one at least a city's.
    static func isCity(_ words: Words) -> Bool {
        guard (1...4).contains(words.count), cities.contains(words[0]), cities.contains(words[words.count - 1]) else {
            return false
        }
        return words.texts.allSatisfy { cities.contains($0) || ["de", "del"].contains($0) }
    }
}
