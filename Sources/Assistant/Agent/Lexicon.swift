import SpanishText

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
    public static let questionOpeners = CommonWords.questionOpeners
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

    public static let fillers = CommonWords.fillers

    public static let measureUnits = CommonWords.measureUnits
    /// Words after a number that name the unit it counts ("10 pares de", "3 rollos de").
    public static let countUnits: Set<String> = [
        "unidad", "unidades", "und", "unds", "uds", "pares", "par", "rollo", "rollos", "pieza", "piezas", "juego",
        "juegos",
    ]
}
