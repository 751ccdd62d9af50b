/// A Gemini answer that came back (HTTP 200) without usable text. Retrying the same
/// request will not help, so each becomes a permanent job failure.
public enum GeminiError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No candidates; `promptFeedback.blockReason` says why.
    case promptBlocked(GeminiBlockReason)
    /// The candidate was withheld by a filter (SAFETY, RECITATION…).
    case outputBlocked(GeminiFinishReason)
    /// A candidate with no text: MAX_TOKENS spent while thinking, or another reason.
    case emptyOutput(GeminiFinishReason?)
    /// Neither candidates nor a block reason.
    case noCandidates
    /// The request is over the inline-data limit (bytes).
    case requestTooLarge(Int)

    public var description: String {
        switch self {
        case .promptBlocked(let reason): "gemini: la solicitud fue bloqueada (\(reason))"
        case .outputBlocked(let reason): "gemini: la respuesta fue bloqueada (\(reason))"
        case .emptyOutput(let reason): "gemini: respuesta sin texto (\(reason?.rawValue ?? "sin motivo"))"
        case .noCandidates: "gemini: respuesta sin candidatos ni motivo de bloqueo"
        case .requestTooLarge(let bytes): "gemini: la solicitud pesa \(bytes) bytes, más del límite de datos en línea"
        }
    }
}
