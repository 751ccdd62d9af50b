/// One record of a CSV file: its fields and the physical line it starts on (1-based).
struct CSVRecord: Sendable, Equatable {
    var line: Int
    var fields: [String]
    /// The file ended inside a quoted field that was never closed.
    var unterminatedQuote = false
}

/// RFC 4180 reader: quoted fields may hold delimiters, line breaks and doubled quotes (`""`);
/// CRLF, LF and CR all end a record; a leading BOM is dropped; blank lines and lines of empty
/// cells (",,,,") are skipped. Works on Unicode scalars so "\r\n" is never one character.
enum CSVReader {
    static func records(in text: String, delimiter: Unicode.Scalar = ",") -> [CSVRecord] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var state = State()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            index += 1
            if state.inQuotes {
                if scalar == "\"" {
                    if next == "\"" {
                        state.field.append("\"")
                        index += 1
                    } else {
                        state.inQuotes = false
                    }
                } else if scalar == "\r" || scalar == "\n" {
                    if scalar == "\r", next == "\n" { index += 1 }
                    state.field.append("\n")
                    state.line += 1
                } else {
                    state.field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where state.field.isEmpty && !state.fieldWasQuoted:
                state.inQuotes = true
                state.fieldWasQuoted = true
            case delimiter:
                state.endField()
            case "\r", "\n":
                if scalar == "\r", next == "\n" { index += 1 }
                state.endRecord()
                state.line += 1
                state.recordLine = state.line
            default:
                state.field.append(scalar)
            }
        }
        if state.inQuotes { state.unterminated = true }
        state.endRecord()
        return state.records
    }

    /// ";" when the header uses semicolons and no commas (spreadsheets in Spanish locales), else ",".
    static func delimiter(forHeaderOf text: String) -> Unicode.Scalar {
        let header = text.unicodeScalars.prefix { $0 != "\n" && $0 != "\r" }
        let hasSemicolon = header.contains(";")
        let hasComma = header.contains(",")
        return hasSemicolon && !hasComma ? ";" : ","
    }

    private struct State {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var fieldWasQuoted = false
        var unterminated = false
        var line = 1
        var recordLine = 1

        mutating func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
        }

        mutating func endRecord() {
            let quoted = fieldWasQuoted
            endField()
            let blank = !quoted && fields.allSatisfy { $0.allSatisfy(\.isWhitespace) }
            if !blank || unterminated {
                records.append(CSVRecord(line: recordLine, fields: fields, unterminatedQuote: unterminated))
            }
            fields = []
        }
    }
}
