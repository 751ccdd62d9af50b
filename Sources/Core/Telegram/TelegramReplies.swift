/// What the bot says by itself in a Telegram chat (Spanish, es-CO), besides the agent's replies.
public enum TelegramReplies {
    public static let unsupported =
        "Por ahora puedo leer mensajes de texto, fotos y notas de voz o audios. ¿Me cuentas por escrito lo que necesitas?"
    public static let tooLarge =
        "El archivo pesa más de 20 MB, el máximo que puedo recibir por Telegram. ¿Puedes enviarlo más liviano o escribirme tu consulta?"
    public static let unreadableImage =
        "No pude abrir esa imagen. ¿Me la envías como foto (JPG o PNG) o me cuentas qué producto buscas?"
    public static let unreadableAudio =
        "No pude abrir ese audio. ¿Me envías una nota de voz o me escribes tu consulta?"
    /// Written in the chat's history when Telegram refuses a reply with 403.
    public static let blockedNote =
        "No se pudo entregar la respuesta por Telegram: el cliente bloqueó el bot."
}
