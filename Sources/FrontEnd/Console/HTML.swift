/// A piece of HTML. Written as a string literal with interpolations, every interpolated
/// `String` is escaped (`& < > " '`), numbers are written as they are, and only another
/// `HTML` value is inserted unescaped: text from a customer, a product or a URL can never
/// become markup. Other types do not compile, so nothing reaches a page unescaped by accident.
struct HTML: ExpressibleByStringInterpolation, Sendable, Equatable {
    private(set) var text: String

    init(stringLiteral value: String) {
        text = value
    }

    init(stringInterpolation: Interpolation) {
        text = stringInterpolation.text
    }

    /// Markup the program wrote itself (assets, fixed fragments); never text from outside.
    static func trusted(_ markup: String) -> HTML {
        var html = HTML(stringLiteral: "")
        html.text = markup
        return html
    }

    static let empty: HTML = ""

    /// Pieces one after another.
    static func join(_ parts: [HTML]) -> HTML {
        trusted(parts.map(\.text).joined())
    }

    mutating func append(_ other: HTML) {
        text += other.text
    }

    static func + (lhs: HTML, rhs: HTML) -> HTML {
        trusted(lhs.text + rhs.text)
    }

    /// Text with `& < > " '` replaced by entities: safe in element content and in quoted
    /// attribute values.
    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    struct Interpolation: StringInterpolationProtocol {
        var text = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        mutating func appendInterpolation(_ value: String) {
            text += HTML.escape(value)
        }

        mutating func appendInterpolation(_ value: Substring) {
            text += HTML.escape(String(value))
        }

        mutating func appendInterpolation(_ value: HTML) {
            text += value.text
        }

        mutating func appendInterpolation(_ values: [HTML]) {
            for value in values { text += value.text }
        }

        mutating func appendInterpolation<T: BinaryInteger>(_ value: T) {
            text += String(value)
        }
    }
}
