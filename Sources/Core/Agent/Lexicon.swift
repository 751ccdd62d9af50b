/// The words and phrases the agent recognizes, folded (lower case, no accents). Phrases
/// are matched on whole words (`Words`), never inside longer words.
public enum Lexicon {
    public static let greetings: [String] = [
        "hola", "holi", "buenas", "buenos dias", "buen dia", "buenas tardes", "buenas noches", "quiubo",
        "quihubo", "saludos", "que mas", "hey", "alo",
    ]
    public static let thanks: [String] = ["gracias", "grax", "muchas gracias", "mil gracias", "agradezco"]
    public static let goodbyes: [String] = [
        "chao", "adios", "hasta luego", "nos vemos", "bye", "luego les escribo", "luego te escribo",
        "luego le escribo", "despues les escribo",
    ]
    public static let yes: [String] = [
        "si", "sii", "sip", "siii", "claro", "claro que si", "dale", "listo", "ok", "okey", "okay", "oki", "vale",
        "correcto", "confirmo", "confirmado", "confirmar", "confirma", "perfecto", "de una", "hagale", "hagamosle",
        "exacto", "afirmativo", "por supuesto", "asi es", "esta bien", "de acuerdo", "eso es", "bien", "va",
        "bueno", "sirve", "me sirve", "adelante", "procede", "proceda", "los mismos", "los mismos datos",
        "esos mismos", "esos datos", "igual", "todo bien",
    ]
    public static let no: [String] = [
        "no", "nop", "nel", "negativo", "todavia no", "aun no", "no gracias", "ninguna", "ninguno", "nada",
        "sin indicaciones", "no hay", "no tengo",
    ]
    /// "That's all": the customer is done adding products.
    public static let done: [String] = [
        "eso es todo", "es todo", "esto es todo", "nada mas", "seria todo", "seria eso", "eso seria todo",
        "eso no mas", "solo eso", "ya esta", "ya", "seguimos", "sigamos", "continuar", "continuemos", "continua",
        "terminar", "finalizar", "pagar", "hacer el pedido", "confirmar pedido", "confirmo el pedido", "listo",
        "eso es", "seria", "es todo gracias", "por ahora es todo", "con eso", "con eso es", "asi esta bien",
    ]
    public static let cancel: [String] = [
        "cancela", "cancelar", "cancele", "cancelo", "cancelalo", "cancelelo", "cancela todo", "anula", "anular",
        "anule", "olvidalo", "olvidelo", "ya no quiero nada", "no quiero nada", "borra todo", "borre todo",
        "descarta", "descartar", "deja asi", "dejemos asi", "mejor no",
    ]
    public static let remove: [String] = [
        "quita", "quite", "quitar", "quitame", "quiteme", "quitele", "saca", "saque", "sacar", "sacame",
        "saqueme", "elimina", "elimine", "eliminar", "borra", "borre", "borrar", "retira", "retire", "retirar",
        "ya no quiero", "ya no necesito", "no quiero", "no necesito", "ya no", "no me mande", "no me mandes",
        "no incluya", "sin los", "sin las", "sin el", "sin la",
    ]
    public static let change: [String] = [
        "cambia", "cambie", "cambiar", "cambiame", "cambieme", "cambialo", "cambielo", "mejor", "modifica",
        "modifique", "modificar", "que sean", "que sea", "no son", "no es", "sino", "en vez de", "en lugar de",
        "deja", "deje", "dejame", "dejeme", "pon", "ponga", "ponme", "ponle", "corrige", "corrija", "solo",
        "solamente", "ajusta", "ajuste", "baja", "bajale", "sube", "subele",
    ]
    public static let cartView: [String] = [
        "carrito", "carro", "que llevo", "cuanto llevo", "cuanto va", "cuanto es", "cuanto seria", "cuanto sale",
        "el total", "total", "resumen", "mi pedido", "que tengo", "que he pedido", "como va", "como va el pedido",
        "cuanto me sale", "cuanto queda", "cuanto seria todo", "cuanto es todo",
    ]
    /// Words that open a question without a question mark.
    public static let questionOpeners: Set<String> = [
        "que", "cual", "cuales", "cuanto", "cuanta", "cuantos", "cuantas", "como", "donde", "cuando", "tienen",
        "tiene", "hay", "venden", "manejan", "hacen", "puedo", "pueden", "para", "a",
    ]
    public static let priceWords: [String] = [
        "precio", "precios", "vale", "valen", "cuesta", "cuestan", "a como", "cuanto", "valor", "costo", "cuanto es",
    ]
    public static let availabilityWords: [String] = [
        "tienen", "tiene", "hay", "disponible", "disponibles", "stock", "manejan", "venden", "existencia",
        "existencias", "quedan", "manejaran", "tendran",
    ]
    public static let purposeWords: [String] = [
        "para que sirve", "para que sirven", "para que es", "para que son", "sirve para", "sirven para",
        "para que se usa", "para que se usan", "como funciona", "que es", "que son", "de que es", "caracteristicas",
        "detalles", "descripcion", "informacion",
    ]
    public static let addVerbs: Set<String> = [
        "quiero", "quisiera", "necesito", "necesitamos", "necesitaria", "deme", "dame", "denme", "demen", "regaleme",
        "regalame", "regala", "regale", "mandeme", "mandame", "mande", "manden", "envieme", "enviame", "vendame",
        "vende", "agregue", "agrega", "agregar", "agregame", "agregueme", "anada", "anade", "anadir", "sumele",
        "sume", "ponga", "pongame", "llevo", "llevare", "compro", "comprar", "pedir", "pido", "encargo", "tambien",
        "tambn", "tb", "mas", "adicione", "adiciona", "incluya", "incluye", "pedido", "apartar", "aparteme",
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
    ]

    /// Words after a number that make it a size or measure ("9 kilos", "3 pliegues"), not a quantity.
    public static let measureUnits: Set<String> = [
        "kg", "kilo", "kilos", "kilogramo", "kilogramos", "k", "lb", "lbs", "libra", "libras", "gal", "galon",
        "galones", "l", "lt", "lts", "litro", "litros", "m", "mt", "mts", "metro", "metros", "cm", "mm",
        "centimetros", "db", "lumen", "lumenes", "pliegue", "pliegues", "pulgadas", "pulgada", "ml", "v",
        "voltios", "oz", "onzas",
    ]
    /// Words after a number that name the unit it counts ("10 pares de", "3 rollos de").
    public static let countUnits: Set<String> = [
        "unidad", "unidades", "und", "unds", "uds", "pares", "par", "rollo", "rollos", "pieza", "piezas", "juego",
        "juegos",
    ]
}
