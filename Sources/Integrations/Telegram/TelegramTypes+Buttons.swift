// The Bot API objects of buttons and shared data: contacts, locations, presses on inline
// keyboards (`CallbackQuery`) and the keyboards a message carries (`reply_markup`).
extension Telegram {
    /// A shared phone contact. `user_id` is set when the contact is a Telegram user: the
    /// "share my phone number" button sends the sender's own, so it equals `from.id`.
    public struct Contact: Codable, Sendable, Equatable {
        public var phoneNumber: String
        public var firstName: String?
        public var lastName: String?
        public var userId: Int64?

        public init(phoneNumber: String, firstName: String? = nil, userId: Int64? = nil) {
            self.phoneNumber = phoneNumber
            self.firstName = firstName
            self.userId = userId
        }

        enum CodingKeys: String, CodingKey {
            case phoneNumber = "phone_number"
            case firstName = "first_name"
            case lastName = "last_name"
            case userId = "user_id"
        }
    }

    public struct Location: Codable, Sendable, Equatable {
        public var latitude: Double
        public var longitude: Double

        public init(latitude: Double, longitude: Double) {
            self.latitude = latitude
            self.longitude = longitude
        }
    }

    public struct Venue: Codable, Sendable, Equatable {
        public var location: Location
        public var title: String?
        public var address: String?
    }

    /// A press on an inline keyboard's button. `message` is the message with the keyboard
    /// (possibly "inaccessible": only its chat, id and date 0), absent for inline-mode
    /// messages; `data` is the button's `callback_data` (1–64 bytes when set by this bot,
    /// but read as anything).
    public struct CallbackQuery: Codable, Sendable, Equatable {
        public var id: String
        public var from: User
        public var message: Message?
        public var chatInstance: String?
        public var data: String?

        public init(id: String, from: User, message: Message? = nil, data: String? = nil) {
            self.id = id
            self.from = from
            self.message = message
            self.data = data
        }

        /// A message of a shape this code does not know leaves `message` nil.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            from = try container.decode(User.self, forKey: .from)
            message = try? container.decodeIfPresent(Message.self, forKey: .message)
            chatInstance = try? container.decodeIfPresent(String.self, forKey: .chatInstance)
            data = try? container.decodeIfPresent(String.self, forKey: .data)
        }

        enum CodingKeys: String, CodingKey {
            case id
            case from
            case message
            case chatInstance = "chat_instance"
            case data
        }
    }

    /// The most bytes Telegram takes in a button's `callback_data`.
    public static let maxCallbackDataBytes = 64
    /// The longest notification `answerCallbackQuery` shows.
    public static let maxCallbackAnswerCharacters = 200

    /// A message's `reply_markup`: buttons under it (`InlineKeyboardMarkup`), a keyboard
    /// button that shares the customer's phone (`ReplyKeyboardMarkup` with `request_contact`,
    /// private chats only), or the removal of such a keyboard (`ReplyKeyboardRemove`).
    public enum ReplyMarkup: Sendable, Equatable, Encodable {
        case inline([[InlineButton]])
        case requestContact(label: String, placeholder: String?)
        case removeKeyboard

        public struct InlineButton: Sendable, Equatable, Encodable {
            public var text: String
            public var callbackData: String

            public init(text: String, callbackData: String) {
                self.text = text
                self.callbackData = callbackData
            }

            enum CodingKeys: String, CodingKey {
                case text
                case callbackData = "callback_data"
            }
        }

        struct KeyboardButton: Encodable {
            var text: String
            var requestContact: Bool

            enum CodingKeys: String, CodingKey {
                case text
                case requestContact = "request_contact"
            }
        }

        enum CodingKeys: String, CodingKey {
            case inlineKeyboard = "inline_keyboard"
            case keyboard
            case oneTimeKeyboard = "one_time_keyboard"
            case resizeKeyboard = "resize_keyboard"
            case inputFieldPlaceholder = "input_field_placeholder"
            case removeKeyboard = "remove_keyboard"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .inline(let rows):
                try container.encode(rows, forKey: .inlineKeyboard)
            case .requestContact(let label, let placeholder):
                try container.encode([[KeyboardButton(text: label, requestContact: true)]], forKey: .keyboard)
                try container.encode(true, forKey: .oneTimeKeyboard)
                try container.encode(true, forKey: .resizeKeyboard)
                try container.encodeIfPresent(placeholder, forKey: .inputFieldPlaceholder)
            case .removeKeyboard:
                try container.encode(true, forKey: .removeKeyboard)
            }
        }
    }
}
