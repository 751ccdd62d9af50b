import Foundation

/// The photo and audio formats customers may send, recognised by their first bytes (never
/// by a file name or a declared content type). The front end refuses anything else with 415.
public enum MediaFormat: String, Sendable, CaseIterable, Codable {
    case jpeg, png, webp
    case ogg, mp3, m4a, wav

    /// Largest photo accepted (10 MB).
    public static let maxImageBytes = 10_000_000
    /// Largest audio accepted (25 MB): OpenAI's transcription limit (26,214,400 bytes) is
    /// on the whole multipart request, so this leaves room for the envelope.
    public static let maxAudioBytes = 25_000_000

    public var isImage: Bool {
        switch self {
        case .jpeg, .png, .webp: true
        case .ogg, .mp3, .m4a, .wav: false
        }
    }

    public var mime: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        case .ogg: "audio/ogg"
        case .mp3: "audio/mpeg"
        case .m4a: "audio/mp4"
        case .wav: "audio/wav"
        }
    }

    /// The extension outside APIs expect in a file name (OpenAI decides by it).
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        default: rawValue
        }
    }

    public init?(mime: String) {
        guard let format = Self.allCases.first(where: { $0.mime == mime.lowercased() }) else { return nil }
        self = format
    }

    /// The format of `data` from its magic bytes, or nil when it is none of ours.
    public static func sniff(_ data: Data) -> MediaFormat? {
        let head = [UInt8](data.prefix(16))
        func bytes(_ offset: Int, _ ascii: String) -> Bool {
            let expected = Array(ascii.utf8)
            return head.count >= offset + expected.count && Array(head[offset..<offset + expected.count]) == expected
        }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes(0, "RIFF") && bytes(8, "WEBP") { return .webp }
        if bytes(0, "RIFF") && bytes(8, "WAVE") { return .wav }
        if bytes(0, "OggS") { return .ogg }
        if bytes(0, "ID3") || isMPEGAudioFrame(head) { return .mp3 }
        if bytes(4, "ftyp") {
            // ISO media: audio (M4A, MP4); HEIF/AVIF photos share the box but are not ours.
            let brand = String(decoding: head.count >= 12 ? head[8..<12] : [], as: UTF8.self)
            return imageBrands.contains(brand) ? nil : .m4a
        }
        return nil
    }

    private static let imageBrands: Set<String> = [
        "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis",
    ]

    /// An MPEG-1/2 audio frame header: 11 sync bits, then a valid version, layer, bitrate
    /// and sample rate (so an AAC ADTS header, layer 0, is not taken for MP3).
    private static func isMPEGAudioFrame(_ head: [UInt8]) -> Bool {
        guard head.count >= 3, head[0] == 0xFF, head[1] & 0xE0 == 0xE0 else { return false }
        let version = (head[1] >> 3) & 0x03
        let layer = (head[1] >> 1) & 0x03
        let bitrate = head[2] >> 4
        let sampleRate = (head[2] >> 2) & 0x03
        return version != 0x01 && layer != 0 && bitrate != 0x0F && sampleRate != 0x03
    }
}
