/// RFC 4180 CSV in UTF-8: CRLF line ends; a field is quoted when it holds the separator, a
/// quote or a line break, with quotes doubled. Text that a spreadsheet would take for a
/// formula gets a leading apostrophe (the usual CSV-injection guard); numbers are written as
/// numbers, so negative amounts stay numeric. Optional BOM and `;` separator for Excel in es-CO.
final class CSVTableSink: TableSink {
    private let out: FileByteWriter
    private let separator: UInt8
    private let bom: Bool
    private var column = 0

    init(out: FileByteWriter, separator: UInt8 = 44, bom: Bool = false) {
        self.out = out
        self.separator = separator
        self.bom = bom
    }

    func header(_ columns: [ExportColumn]) {
        if bom {
            out.byte(0xEF)
            out.byte(0xBB)
            out.byte(0xBF)
        }
        beginRow()
        for column in columns {
            var name = column.name
            name.withUTF8 { text($0.baseAddress!, $0.count) }
        }
        endRow()
    }

    @inline(__always) func beginRow() {
        column = 0
    }

    @inline(__always) private func nextCell() {
        if column > 0 { out.byte(separator) }
        column += 1
    }

    @inline(__always) func integer(_ value: Int64) {
        nextCell()
        out.integer(value)
    }

    @inline(__always) func text(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        nextCell()
        guard length > 0 else { return }
        let risky = FormulaGuard.isRisky(bytes[0])
        var index = CSVScan.firstSpecial(bytes, length, separator: separator)
        if index == length {
            if risky { out.byte(39) }
            out.bytes(bytes, length)
            return
        }
        out.byte(34)
        if risky { out.byte(39) }
        out.bytes(bytes, index)
        while index < length {
            let byte = bytes[index]
            if byte == 34 { out.byte(34) }
            out.byte(byte)
            index += 1
        }
        out.byte(34)
    }

    /// The last time written and its 19 bytes: an order's lines share one time.
    private var lastTime = ShopTime(days: Int.min, seconds: 0)
    private let lastText = UnsafeMutablePointer<UInt8>.allocate(capacity: 19)

    deinit {
        lastText.deallocate()
    }

    @inline(__always) func timestamp(_ time: ShopTime) {
        nextCell()
        if time != lastTime {
            time.write(into: lastText)
            lastTime = time
        }
        out.bytes(lastText, 19)
    }

    @inline(__always) func empty() {
        nextCell()
    }

    @inline(__always) func endRow() {
        out.reserve(2)
        out.reservedByte(13)
        out.reservedByte(10)
    }
}

/// Finds the first byte that forces quoting (separator, quote, CR, LF), eight bytes at a time.
enum CSVScan {
    @inline(__always) static func firstSpecial(_ bytes: UnsafePointer<UInt8>, _ length: Int, separator: UInt8) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let separators = ones &* UInt64(separator)
        let quotes = ones &* 34
        let feeds = ones &* 10
        let returns = ones &* 13
        @inline(__always) func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var index = 0
        let raw = UnsafeRawPointer(bytes)
        while index + 8 <= length {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if hasZero(word ^ separators) || hasZero(word ^ quotes) || hasZero(word ^ feeds) || hasZero(word ^ returns)
            {
                break
            }
            index += 8
        }
        while index < length {
            let byte = bytes[index]
            if byte == separator || byte == 34 || byte == 10 || byte == 13 { return index }
            index += 1
        }
        return length
    }
}
