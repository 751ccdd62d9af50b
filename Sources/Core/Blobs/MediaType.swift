import Foundation

/// The type of a stored file, decided by its first bytes (never by a name or a declared
/// type): the image and audio formats the vision and transcription workers take.
public enum MediaType {
    /// "image/jpeg", "image/png", "image/webp", "audio/ogg", "audio/mpeg", "audio/mp4",
    /// "audio/wav", or nil for anything else.
    public static func sniff(_ data: Data) -> String? {
        let bytes = [UInt8](data.prefix(12))
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
        if starts(Array("RIFF".utf8)) && starts(Array("WAVE".utf8), at: 8) { return "audio/wav" }
        if starts(Array("OggS".utf8)) { return "audio/ogg" }
        if starts(Array("ID3".utf8)) { return "audio/mpeg" }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] & 0xE0 == 0xE0 { return "audio/mpeg" }
        if starts(Array("ftyp".utf8), at: 4) { return "audio/mp4" }
        return nil
    }

    public static func isImage(_ mime: String) -> Bool { mime.hasPrefix("image/") }
    public static func isAudio(_ mime: String) -> Bool { mime.hasPrefix("audio/") }
}
