import SpanishText

/// The few closed word lists the agent's extractors still need, folded (lower case, no
/// accents). What a message *means* (yes, go on, cancel, change a quantity…) is no longer a
/// word list: it is read from the example bank (`Understanding`).
public enum Lexicon {
    public static let fillers = CommonWords.fillers

    public static let measureUnits = CommonWords.measureUnits
    /// Words after a number that name the unit it counts ("10 pares de", "3 rollos de").
    public static let countUnits: Set<String> = [
        "unidad", "unidades", "und", "unds", "uds", "pares", "par", "rollo", "rollos", "pieza", "piezas", "juego",
        "juegos",
    ]
    /// First-person and imperative verbs of asking for something ("necesito", "mándeme",
    /// "cotizar"): a statement with one asks for a product; a delivery note has none.
    public static let requestVerbs: Set<String> = [
        "necesito", "necesitamos", "quiero", "queremos", "quisiera", "quisieramos", "requiero", "requerimos",
        "busco", "buscamos", "ocupo", "ocupamos", "deme", "denme", "dame", "regala", "regale", "regaleme", "mande",
        "manden", "manda", "mandeme", "mandame", "envie", "envien", "enviame", "cotizar", "coticeme", "solicito",
        "solicitamos", "agregue", "agreguen", "agregar", "agrega", "agregame", "agreguele", "sumele",
    ]
}
