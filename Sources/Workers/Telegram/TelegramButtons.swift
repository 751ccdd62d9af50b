import Integrations
import Pipeline
import Shop

/// A reply's options as Telegram buttons: an inline keyboard whose presses come back as
/// `callback_query` updates (`TelegramButtonData`, tied to the chat), or, for the phone, a
/// one-time keyboard button that shares the customer's own contact (private chats only:
/// Telegram refuses `request_contact` elsewhere, so a group gets no keyboard).
enum TelegramButtons {
    static func markup(_ options: ReplyOptions?, chatId: Int64) -> Telegram.ReplyMarkup? {
        guard let options else { return nil }
        switch options.kind {
        case .phone:
            guard chatId > 0 else { return nil }
            return .requestContact(label: TelegramReplies.shareContact, placeholder: TelegramReplies.phonePlaceholder)
        case .confirmOrder, .yesNo, .quantity:
            let buttons = options.choices.prefix(maxButtons).map {
                Telegram.ReplyMarkup.InlineButton(
                    text: String($0.label.prefix(maxLabelCharacters)),
                    callbackData: TelegramButtonData.encode(chatId: chatId, action: $0.action))
            }
            guard !buttons.isEmpty else { return nil }
            let perRow = options.kind == .quantity ? 3 : (options.kind == .confirmOrder ? 1 : 2)
            return .inline(
                stride(from: 0, to: buttons.count, by: perRow).map {
                    Array(buttons[$0..<min($0 + perRow, buttons.count)])
                })
        }
    }

    static let maxButtons = 12
    static let maxLabelCharacters = 40
}
