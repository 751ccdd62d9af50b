import Foundation
import JobEngine

/// The Telegram side's own Lua scripts (beside the engine's in the queues directory, but not
/// part of the engine): the send-rate limiter and the polling lease.
public struct TelegramScripts: Sendable {
    public var limit: RedisScript
    public var lease: RedisScript

    public static func load(directory: String) throws -> TelegramScripts {
        func read(_ name: String) throws -> RedisScript {
            let path = URL(fileURLWithPath: directory).appendingPathComponent("\(name).lua").path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw QueueDefinitionError(file: path, field: "(archivo)", problem: "no existe o no se puede leer")
            }
            return RedisScript(name: name, source: String(decoding: data, as: UTF8.self))
        }
        return TelegramScripts(limit: try read("telegram_limit"), lease: try read("telegram_lease"))
    }
}

/// Redis keys of the Telegram side.
public enum TelegramKeys {
    /// The next `getUpdates` offset (last confirmed update_id + 1).
    public static let pollOffset = "vd:tg:poll:offset"
    public static let pollLease = "vd:tg:poll:lease"
    public static let globalRate = "vd:tg:rl:g"
    /// The messages of the last second (in flight or just sent).
    public static let globalWindow = "vd:tg:rl:w"
    public static func chatRate(_ chatId: Int64) -> String { "vd:tg:rl:c:\(chatId)" }
    /// How many pieces of a delivery job's reply are already sent (so a re-run skips them).
    public static func sentPieces(_ jobId: String) -> String { "vd:tg:sent:\(jobId)" }
    /// The supergroup a group chat was upgraded to (Telegram's `migrate_to_chat_id`): sends
    /// to the old id go there. Kept without expiry (one short key per upgraded group).
    public static func migrated(_ chatId: Int64) -> String { "vd:tg:migrado:\(chatId)" }
    /// The id of the last message sent to a chat with inline buttons: only its buttons are
    /// taken (an older keyboard asked about something else). Expires after a day.
    public static func latestKeyboard(_ chatId: Int64) -> String { "vd:tg:teclado:\(chatId)" }
    /// The queue idempotency key of an update: the same update_id is one job in every process.
    public static func update(_ updateId: Int64) -> String { "tg:\(updateId)" }
    /// The key of a button press's answer: apart from the update's key, because it shares its
    /// queue (`telegram_acciones`) with the press's "escribiendo…" job.
    public static func callbackAnswer(_ updateId: Int64) -> String { "tg:\(updateId):boton" }
}

/// Internal chat ids of Telegram chats: `tg:<chat.id>`.
public enum TelegramChatID {
    public static func make(_ chatId: Int64) -> String { "tg:\(chatId)" }

    /// The Telegram chat id inside `tg:<id>`, or nil for any other chat id.
    public static func parse(_ chatId: String) -> Int64? {
        guard chatId.hasPrefix("tg:") else { return nil }
        return Int64(chatId.dropFirst(3))
    }
}
