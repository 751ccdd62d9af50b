/// Integers from the outside (query parameters), read only within their range, so no caller
/// ever computes with an unbounded number: `offset=9223372036854775807` once made `offset +
/// limit` overflow and trap the front end (issue 16, finding 6). The one reader of `limit`,
/// `offset` and every other integer query parameter (`Paging.parse` is built on it).
public enum IntegerParameter {
    /// `raw` as an integer within `range` (blanks around it ignored); `value` when absent or
    /// blank; a `ParameterError` naming the parameter and its range otherwise (not a number,
    /// out of range, too many digits).
    public static func parse(_ raw: String?, name: String, range: ClosedRange<Int>, default value: Int)
        throws(ParameterError) -> Int
    {
        guard let raw, !raw.trimmingWhitespace().isEmpty else { return value }
        let text = raw.trimmingWhitespace()
        guard text.utf8.count <= 20, let number = Int(text), range.contains(number) else {
            throw ParameterError(
                message:
                    "El parámetro \(name) debe ser un número entero entre \(range.lowerBound) y \(range.upperBound).")
        }
        return number
    }
}

/// A query parameter that cannot be read: 400 `solicitud_invalida`.
public struct ParameterError: CodedError, Equatable {
    public var code: ErrorCode { .badRequest }
    public var message: String

    public init(message: String) {
        self.message = message
    }
}
