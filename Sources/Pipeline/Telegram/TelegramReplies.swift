/// What the bot says by itself in a Telegram chat (Spanish, es-CO, as the agent: "usted"),
/// besides the agent's replies.
public enum TelegramReplies {
    public static let unsupported =
        "Por ahora puedo leer mensajes de texto, fotos y notas de voz. ¿Me podría escribir lo que necesita? Con gusto le ayudo."
    public static let tooLarge =
        "El archivo pesa más de 20 MB, el máximo que puedo recibir por Telegram. ¿Me lo podría enviar más liviano, o escribirme lo que necesita?"
    public static let imageTooLarge =
        "La imagen pesa más de 10 MB. ¿Me la podría enviar como foto (no como archivo), o escribirme qué producto busca?"
    public static let unreadableImage =
        "No pude abrir esa imagen. ¿Me la podría enviar como foto (JPG o PNG), o escribirme qué producto busca?"
    public static let unreadableAudio =
        "No pude abrir ese audio. ¿Me podría enviar una nota de voz, o escribirme su consulta?"
    public static let downloadFailed =
        "No pude recibir su archivo en este momento. ¿Me lo podría enviar de nuevo, o escribirme qué necesita?"
    /// A contact that is not the sender's own (forwarded, or picked from the address book).
    public static let foreignContact =
        "Recibí un contacto, pero no es el suyo, así que no lo tomo como su número. Para su pedido toque «Compartir mi número» o escríbame su celular."
    /// The notification on a button that cannot be used (old, from another chat, unreadable).
    public static let buttonRefused = "Este botón ya no es válido. Por favor escríbame su respuesta."
    /// A button of an older message (a newer one asked something else).
    public static let buttonStale =
        "Ese botón es de un mensaje anterior. Use los botones del último mensaje o escríbame su respuesta."
    /// The label of the keyboard button that shares the customer's phone.
    public static let shareContact = "📱 Compartir mi número"
    public static let phonePlaceholder = "O escriba su celular"
    /// Written in the chat's history when Telegram refuses a reply with 403.
    public static let blockedNote =
        "No se pudo entregar la respuesta por Telegram: el cliente bloqueó el bot."
}
