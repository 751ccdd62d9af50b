/// The worksheet part of an XLSX file (`xl/worksheets/sheet1.xml`), streamed row by row.
/// Text goes in inline strings (no shared-strings table that would grow with the data);
/// times are date cells (style 1); the header row is bold (style 2) and frozen. Text that a
/// spreadsheet would take for a formula keeps its value but gets the quote-prefix style
/// (style 3): Excel and LibreOffice then show and keep it as text, even when edited.
final class XLSXSheetSink: TableSink {
    /// Largest sheet a spreadsheet opens: 1,048,576 rows, the header included.
    static let maxDataRows = 1_048_575

    private let out: FileByteWriter
    /// Column letters ("A", "B", … "AA"), as bytes.
    private var letters: [[UInt8]] = []
    private var row = 0
    private var column = 0

    init(out: FileByteWriter) {
        self.out = out
    }

    func header(_ columns: [ExportColumn]) {
        letters = columns.indices.map(Self.letters(for:))
        out.ascii(
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" \
            state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>
            """)
        for (index, column) in columns.enumerated() {
            let width =
                switch column.kind {
                case .text: column.name == "contenido" || column.name == "descripcion" ? 60 : 24
                case .timestamp: 20
                case .integer, .flag: 12
                }
            out.string(#"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#)
        }
        out.ascii("</cols><sheetData>")
        beginRow()
        for column in columns {
            cellStart(style: 2, type: "inlineStr")
            out.ascii("<is><t>")
            out.string(column.name)
            out.ascii("</t></is></c>")
        }
        endRow()
    }

    /// Closes the sheet; call once after the last row.
    func finish() {
        out.ascii("</sheetData></worksheet>")
    }

    @inline(__always) func beginRow() {
        row += 1
        column = 0
        out.ascii("<row r=\"")
        out.integer(Int64(row))
        out.ascii("\">")
    }

    @inline(__always) func endRow() {
        out.ascii("</row>")
    }

    /// `<c r="B7"` plus the style and type attributes, then `>`.
    @inline(__always) private func cellStart(style: Int, type: StaticString?) {
        out.ascii("<c r=\"")
        letters[column].withUnsafeBufferPointer { out.bytes($0.baseAddress!, $0.count) }
        out.integer(Int64(row))
        out.byte(34)
        if style > 0 {
            out.ascii(" s=\"")
            out.integer(Int64(style))
            out.byte(34)
        }
        if let type {
            out.ascii(" t=\"")
            out.ascii(type)
            out.byte(34)
        }
        out.byte(62)
        column += 1
    }

    @inline(__always) func integer(_ value: Int64) {
        cellStart(style: 0, type: nil)
        out.ascii("<v>")
        out.integer(value)
        out.ascii("</v></c>")
    }

    func text(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        guard length > 0 else {
            column += 1
            return
        }
        cellStart(style: FormulaGuard.isRisky(bytes[0]) ? 3 : 0, type: "inlineStr")
        let padded = Self.isBlank(bytes[0]) || Self.isBlank(bytes[length - 1])
        out.ascii(padded ? #"<is><t xml:space="preserve">"# : "<is><t>")
        Self.escape(bytes, length, into: out)
        out.ascii("</t></is></c>")
    }

    @inline(__always) func timestamp(_ time: ShopTime) {
        cellStart(style: 1, type: nil)
        out.ascii("<v>")
        time.writeSerial(to: out)
        out.ascii("</v></c>")
    }

    @inline(__always) func empty() {
        column += 1
    }

    /// XML text: `&`, `<`, `>` as entities, a carriage return as `&#13;` (XML readers turn a raw
    /// one into a line feed), and the control characters XML 1.0 forbids as spaces.
    static func escape(_ bytes: UnsafePointer<UInt8>, _ length: Int, into out: FileByteWriter) {
        var start = 0
        for index in 0..<length {
            let byte = bytes[index]
            guard byte < 32 || byte == 38 || byte == 60 || byte == 62 else { continue }
            if byte == 9 || byte == 10 { continue }
            out.bytes(bytes + start, index - start)
            start = index + 1
            switch byte {
            case 38: out.ascii("&amp;")
            case 60: out.ascii("&lt;")
            case 62: out.ascii("&gt;")
            case 13: out.ascii("&#13;")
            default: out.byte(32)
            }
        }
        out.bytes(bytes + start, length - start)
    }

    @inline(__always) static func isBlank(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 10 || byte == 13
    }

    /// "A" for 0, "Z" for 25, "AA" for 26…
    static func letters(for index: Int) -> [UInt8] {
        var result: [UInt8] = []
        var rest = index + 1
        while rest > 0 {
            let remainder = (rest - 1) % 26
            result.insert(UInt8(65 + remainder), at: 0)
            rest = (rest - 1) / 26
        }
        return result
    }
}
