/// The Bot API objects Vendedor reads, with only the fields it uses (unknown fields are
/// ignored, so new ones never break decoding). Every id and size is an Int64: chat ids reach
/// 52 bits and file sizes can pass 2^31.
public enum Telegram {
    /// One incoming update; at most one payload field is set. Only `message` is used.
    public struct Update: Codable, Sendable, Equatable {
        public var update_id: Int64
        public var message: Message?

        public init(update_id: Int64, message: Message? = nil) {
            self.update_id = update_id
            self.message = message
        }

        /// A message that does not fit the fields above (a shape this code does not know)
        /// leaves `message` nil instead of failing the whole update.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            update_id = try container.decode(Int64.self, forKey: .update_id)
            message = try? container.decodeIfPresent(Message.self, forKey: .message)
        }
    }

    public struct Message: Codable, Sendable, Equatable {
        public var message_id: Int64
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
        public var video_note: FileInfo?
        public var sticker: FileInfo?
        public var animation: FileInfo?

        public init(
            message_id: Int64, date: Int64, chat: Chat, from: User? = nil, text: String? = nil, caption: String? = nil,
            photo: [PhotoSize]? = nil, voice: FileInfo? = nil, audio: FileInfo? = nil, document: FileInfo? = nil
        ) {
            self.message_id = message_id
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
        public var is_bot: Bool?
        public var first_name: String?
        public var language_code: String?
    }

    public struct PhotoSize: Codable, Sendable, Equatable {
        public var file_id: String
        public var file_unique_id: String?
        public var width: Int64
        public var height: Int64
        public var file_size: Int64?

        public init(file_id: String, width: Int64, height: Int64, file_size: Int64? = nil) {
            self.file_id = file_id
            self.width = width
            self.height = height
            self.file_size = file_size
        }
    }

    /// What voice, audio, document, video and sticker objects share.
    public struct FileInfo: Codable, Sendable, Equatable {
        public var file_id: String
        public var file_unique_id: String?
        public var file_name: String?
        public var mime_type: String?
        public var file_size: Int64?
        /// Seconds (voice, audio, video).
        public var duration: Int64?

        public init(
            file_id: String, file_name: String? = nil, mime_type: String? = nil, file_size: Int64? = nil,
            duration: Int64? = nil
        ) {
            self.file_id = file_id
            self.file_name = file_name
            self.mime_type = mime_type
            self.file_size = file_size
            self.duration = duration
        }
    }

    /// `getFile`'s answer; `file_path` is what the download URL needs.
    public struct File: Codable, Sendable, Equatable {
        public var file_id: String
        public var file_size: Int64?
        public var file_path: String?
    }

    /// `sendMessage`'s answer (the sent message), reduced to its id.
    public struct SentMessage: Codable, Sendable, Equatable {
        public var message_id: Int64
    }

    public struct WebhookInfo: Codable, Sendable, Equatable {
        /// Empty in polling mode.
        public var url: String
        public var pending_update_count: Int64?
        public var last_error_date: Int64?
        public var last_error_message: String?
    }

    /// The most a bot may download (`getFile`): 20 MiB.
    public static let maxDownloadBytes: Int64 = 20 << 20
}
