import Integrations
import Shop

/// The `callback_data` of the bot's inline buttons: `v1:<chat id>:<action>`, short ASCII
/// (Telegram takes at most 64 bytes). The chat id ties a button to the chat it was sent to,
/// so a press is only taken in that chat; the action is one of the closed set
/// `ReplyAction`. Everything else a callback may carry is refused.
public enum TelegramButtonData {
    static let version = "v1"

    public static func encode(chatId: Int64, action: ReplyAction) -> String {
        "\(version):\(chatId):\(action.rawValue)"
    }

    /// Why a press was refused (for logs).
    public enum Refusal: String, Error, Sendable {
        case missing = "sin_datos"
        case tooLong = "demasiado_largo"
        case malformed = "mal_formado"
        case otherChat = "otro_chat"
        case unknownAction = "accion_desconocida"
    }

    /// The action of a press in `chatId`; reads at most `Telegram.maxCallbackDataBytes`
    /// bytes of printable ASCII, in one pass.
    public static func decode(_ data: String?, chatId: Int64) -> Result<ReplyAction, Refusal> {
        guard let data, !data.isEmpty else { return .failure(.missing) }
        let bytes = data.utf8
        guard bytes.count <= Telegram.maxCallbackDataBytes else { return .failure(.tooLong) }
        guard bytes.allSatisfy({ (0x21...0x7E).contains($0) }) else { return .failure(.malformed) }
        let parts = data.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == version, let chat = Int64(parts[1]) else { return .failure(.malformed) }
        guard chat == chatId else { return .failure(.otherChat) }
        guard let action = ReplyAction(rawValue: String(parts[2])) else { return .failure(.unknownAction) }
        return .success(action)
    }
}
