/// Folded Spanish words that most readers of shop text need: the words a question starts
/// with, the words that name no product, and units of measure.
public enum CommonWords {
    /// Words that open a question without a question mark.
    public static let questionOpeners: Set<String> = [
        "que", "cual", "cuales", "cuanto", "cuanta", "cuantos", "cuantas", "como", "donde", "cuando", "tienen",
        "tiene", "hay", "venden", "manejan", "hacen", "puedo", "pueden", "para", "a",
    ]
    /// Words that carry no product meaning (skipped when matching products).
    public static let fillers: Set<String> = [
        "a", "al", "de", "del", "el", "la", "las", "lo", "los", "un", "una", "uno", "unos", "unas", "y", "e", "o",
        "u", "en", "con", "por", "para", "que", "favor", "porfa", "porfavor", "pf", "pls", "me", "mi", "mis", "nos",
        "le", "les", "se", "su", "sus", "es", "son", "sea", "sean", "seria", "serian", "esta", "estan", "este",
        "estos", "esa", "ese", "esos", "esas", "otro", "otra", "otros", "otras", "hola", "buenas", "buenos",
        "buen", "dia", "dias", "tardes", "noches", "ok", "listo", "bueno", "entonces", "tienen", "tiene", "hay",
        "venden", "manejan", "cuanto", "cuantos", "cuantas", "cuanta", "vale", "valen", "cuesta", "cuestan",
        "precio", "precios", "como", "si", "no", "pero", "ya", "tambien", "tambn", "tb", "mas", "solo", "ahi",
        "aqui", "alla", "pues", "parce", "porfis", "senor", "senora", "senorita", "joven", "amigo", "amiga",
        "quiubo", "gracias", "grax", "unidad", "unidades", "und", "unds", "uds", "u", "pares", "par", "rollo",
        "rollos", "pieza", "piezas", "x", "mejor", "cambia", "cambie", "quita", "quite", "saca", "saque", "total",
        "quiero", "quisiera", "necesito", "necesitamos", "deme", "dame", "denme", "regaleme", "regalame", "regala",
        "regale", "mandeme", "mandame", "mande", "envieme", "enviame", "vendame", "vende", "agregue", "agrega",
        "agregar", "agregame", "anada", "anade", "sumele", "ponga", "pongame", "pedir", "pido", "disponible",
        "disponibles", "stock", "quedan", "sirve", "sirven", "usa", "usan", "funciona", "cual", "cuales", "kiero",
        "algo", "alguno", "alguna", "algunos", "algunas", "todo", "todos", "todas", "toda", "eso", "esto",
        "ademas", "adicional", "adicionales", "igual", "igualmente", "ah", "uy", "oiga", "oye", "mire", "vea",
        "disculpe", "perdon", "ahora", "sino", "vez", "lugar", "em", "eh", "mmm", "pedido", "ponme", "pon",
        "cambiame", "cambieme", "dejame", "dejeme", "deje", "deja", "modifica", "modifique", "adicione",
        "adiciona", "incluya", "quitame", "quiteme", "sacame", "saqueme", "elimina", "elimine", "borra", "borre",
        "retire", "retira", "llevo", "compro", "comprar", "hacen", "puedo", "pueden", "sabe", "saber", "quisieramos",
        "aparte", "tengo", "tenemos", "necesitaria", "apartar", "aparteme", "encargo", "sin",
        // Asking and looking for ("busco cascos", "¿será que tienen…?"): never a product.
        "busco", "buscamos", "buscando", "sera",
        // Regional interjections ("ombe", "ajá"): never a product, never an answer.
        "ombe", "hombe", "aja",
        // Holding back and going ahead ("no espere, los arneses que sean 5", "dale 1 de ese").
        "espere", "espera", "esperen", "aguarde", "dale",
    ]
    /// Whether a word is a measure unit, also as typed in a hurry: letters doubled ("kiloss")
    /// or two swapped ("klios", "litors") in a unit of five letters or more.
    public static func isMeasureUnit(_ word: String) -> Bool {
        if measureUnits.contains(word) { return true }
        guard word.count >= 5, word.count <= 14, word.allSatisfy(\.isLetter) else { return false }
        var single = ""
        for letter in word where single.last != letter { single.append(letter) }
        if single != word, measureUnits.contains(single) { return true }
        let letters = word.sorted()
        return measureUnits.contains { unit in
            unit.count == word.count && unit.count >= 5 && unit.first == word.first && unit.sorted() == letters
        }
    }

    /// Words after a number that make it a size or measure ("9 kilos", "3 pliegues"), not a quantity.
    public static let measureUnits: Set<String> = [
        "kg", "kilo", "kilos", "kilogramo", "kilogramos", "k", "lb", "lbs", "libra", "libras", "gal", "galon",
        "galones", "l", "lt", "lts", "litro", "litros", "m", "mt", "mts", "metro", "metros", "cm", "mm",
        "centimetros", "db", "lumen", "lumenes", "pliegue", "pliegues", "pulgadas", "pulgada", "ml", "v",
        "voltios", "voltio", "kv", "kilovoltios", "oz", "onzas", "decibel", "decibeles", "decibelios", "w", "vatios",
        "watts", "amperios", "psi", "grados", "milimetro", "milimetros", "centimetro",
        // "un edificio de tres pisos": the floors of a building said in a story.
        "pisos", "niveles",
    ]
}
