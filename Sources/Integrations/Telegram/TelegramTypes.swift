/// The Bot API objects Vendedor reads, with only the fields it uses (unknown fields are
/// ignored, so new ones never break decoding). Every id and size is an Int64: chat ids reach
/// 52 bits and file sizes can pass 2^31.
public enum Telegram {
    /// One incoming update; at most one payload field is set. `message` and
    /// `callback_query` (a press on an inline keyboard's button) are used.
    public struct Update: Codable, Sendable, Equatable {
        public var updateId: Int64
        public var message: Message?
        public var callbackQuery: CallbackQuery?

        public init(updateId: Int64, message: Message? = nil, callbackQuery: CallbackQuery? = nil) {
            self.updateId = updateId
            self.message = message
            self.callbackQuery = callbackQuery
        }

        /// A message that does not fit the fields above (a shape this code does not know)
        /// leaves `message` nil instead of failing the whole update.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            updateId = try container.decode(Int64.self, forKey: .updateId)
            message = try? container.decodeIfPresent(Message.self, forKey: .message)
            callbackQuery = try? container.decodeIfPresent(CallbackQuery.self, forKey: .callbackQuery)
        }

        enum CodingKeys: String, CodingKey {
            case updateId = "update_id"
            case message
            case callbackQuery = "callback_query"
        }
    }

    public struct Message: Codable, Sendable, Equatable {
        public var messageId: Int64
        public var date: Int64
        public var chat: Chat
        public var from: User?
        public var text: String?
        /// A photo's, document's or audio's text.
        public var caption: String?
        /// Several sizes of the same photo.
        public var photo: [PhotoSize]?
        public var voice: FileInfo?
        public var audio: FileInfo?
        public var document: FileInfo?
        public var video: FileInfo?
        public var videoNote: FileInfo?
        public var sticker: FileInfo?
        public var animation: FileInfo?
        /// A shared contact ("share my phone number" sends the sender's own).
        public var contact: Contact?
        public var location: Location?
        /// A place picked from the map (its location, name and address).
        public var venue: Venue?

        public init(
            messageId: Int64, date: Int64, chat: Chat, from: User? = nil, text: String? = nil, caption: String? = nil,
            photo: [PhotoSize]? = nil, voice: FileInfo? = nil, audio: FileInfo? = nil, document: FileInfo? = nil
        ) {
            self.messageId = messageId
            self.date = date
            self.chat = chat
            self.from = from
            self.text = text
            self.caption = caption
            self.photo = photo
            self.voice = voice
            self.audio = audio
            self.document = document
        }

        enum CodingKeys: String, CodingKey {
            case messageId = "message_id"
            case date
            case chat
            case from
            case text
            case caption
            case photo
            case voice
            case audio
            case document
            case video
            case videoNote = "video_note"
            case sticker
            case animation
            case contact
            case location
            case venue
        }
    }

    public struct Chat: Codable, Sendable, Equatable {
        /// Negative for groups; `-100…` for supergroups and channels.
        public var id: Int64
        public var type: String

        public init(id: Int64, type: String = "private") {
            self.id = id
            self.type = type
        }
    }

    public struct User: Codable, Sendable, Equatable {
        public var id: Int64
        public var isBot: Bool?
        public var firstName: String?
        public var languageCode: String?

        enum CodingKeys: String, CodingKey {
            case id
            case isBot = "is_bot"
            case firstName = "first_name"
            case languageCode = "language_code"
        }
    }

    public struct PhotoSize: Codable, Sendable, Equatable {
        public var fileId: String
        public var fileUniqueId: String?
        public var width: Int64
        public var height: Int64
        public var fileSize: Int64?

        public init(fileId: String, width: Int64, height: Int64, fileSize: Int64? = nil) {
            self.fileId = fileId
            self.width = width
            self.height = height
            self.fileSize = fileSize
        }

        enum CodingKeys: String, CodingKey {
            case fileId = "file_id"
            case fileUniqueId = "file_unique_id"
            case width
            case height
            case fileSize = "file_size"
        }
    }

    /// What voice, audio, document, video and sticker objects share.
    public struct FileInfo: Codable, Sendable, Equatable {
        public var fileId: String
        public var fileUniqueId: String?
        public var fileName: String?
        public var mimeType: String?
        public var fileSize: Int64?
        /// Seconds (voice, audio, video).
        public var duration: Int64?

        public init(
            fileId: String, fileName: String? = nil, mimeType: String? = nil, fileSize: Int64? = nil,
            duration: Int64? = nil
        ) {
            self.fileId = fileId
            self.fileName = fileName
            self.mimeType = mimeType
            self.fileSize = fileSize
            self.duration = duration
        }

        enum CodingKeys: String, CodingKey {
            case fileId = "file_id"
            case fileUniqueId = "file_unique_id"
            case fileName = "file_name"
            case mimeType = "mime_type"
            case fileSize = "file_size"
            case duration
        }
    }

    /// `getFile`'s answer; `file_path` is what the download URL needs.
    public struct File: Codable, Sendable, Equatable {
        public var fileId: String
        public var fileSize: Int64?
        public var filePath: String?

        enum CodingKeys: String, CodingKey {
            case fileId = "file_id"
            case fileSize = "file_size"
            case filePath = "file_path"
        }
    }

    /// `sendMessage`'s answer (the sent message), reduced to its id.
    public struct SentMessage: Codable, Sendable, Equatable {
        public var messageId: Int64

        enum CodingKeys: String, CodingKey {
            case messageId = "message_id"
        }
    }

    public struct WebhookInfo: Codable, Sendable, Equatable {
        /// Empty in polling mode.
        public var url: String
        public var pendingUpdateCount: Int64?
        public var lastErrorDate: Int64?
        public var lastErrorMessage: String?

        enum CodingKeys: String, CodingKey {
            case url
            case pendingUpdateCount = "pending_update_count"
            case lastErrorDate = "last_error_date"
            case lastErrorMessage = "last_error_message"
        }
    }

    /// The most a bot may download (`getFile`): 20 MiB.
    public static let maxDownloadBytes: Int64 = 20 << 20
}
