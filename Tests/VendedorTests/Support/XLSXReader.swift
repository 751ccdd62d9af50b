import Foundation

@testable import Support

/// Reads an XLSX workbook back with a real reader: openpyxl when `VENDEDOR_PYTHON` (ops/test's
/// venv) has it, else Python's own zipfile + XML parser (checks every CRC, parses every part,
/// follows the content types and relationships). Cells come back as text: numbers in decimal,
/// dates as "2025-03-01 10:15:00", empty cells as "".
struct XLSXReader {
    struct Cell: Decodable, Equatable {
        var v: JSONValue
        /// "s" text, "n" number, "d" date, "e" empty.
        var k: String
        /// The cell's style has quotePrefix (kept as text even when edited).
        var qp: Bool

        var text: String {
            switch v {
            case .null: ""
            case .string(let text): text
            case .integer(let number): String(number)
            case .number(let number): String(number)
            case .bool(let flag): flag ? "TRUE" : "FALSE"
            default: "\(v)"
            }
        }
    }

    struct Workbook: Decodable {
        var reader: String
        var sheet: String
        var rows: [[Cell]]

        /// Rows as text, trailing empty cells dropped.
        var table: [[String]] {
            rows.map { row in
                var cells = row.map(\.text)
                while cells.last == "" { cells.removeLast() }
                return cells
            }
        }
    }

    /// ops/test's Python with openpyxl, if there is one.
    static let venvPython = ProcessInfo.processInfo.environment["VENDEDOR_PYTHON"]

    /// Reads with `python` (default: the venv's, else the system's).
    static func read(_ path: String, python: String? = nil) async throws -> Workbook {
        let python = python ?? venvPython ?? "/usr/bin/python3"
        let output = TestPaths.temporaryDirectory("xlsx").appendingPathComponent("workbook.json")
        let log = output.deletingLastPathComponent().appendingPathComponent("python.log")
        let process = try ChildProcess(
            path: python, arguments: ["-c", script, path, output.path], outputPath: log.path)
        let status = await process.waitForExit(timeout: .seconds(60))
        guard status == 0 else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw TestFailure("el lector de XLSX falló (\(String(describing: status))): \(text)")
        }
        return try JSONDecoder().decode(Workbook.self, from: Data(contentsOf: output))
    }

    static let script = #"""
        import datetime, json, re, sys, zipfile
        import xml.etree.ElementTree as ET

        path, output = sys.argv[1], sys.argv[2]

        def excel_date(serial):
            day, fraction = divmod(serial, 1)
            base = datetime.datetime(1899, 12, 30) + datetime.timedelta(days=int(day))
            return base + datetime.timedelta(milliseconds=round(fraction * 86400 * 1000))

        def with_openpyxl():
            import openpyxl
            book = openpyxl.load_workbook(path)
            sheet = book.worksheets[0]
            rows = []
            for row in sheet.iter_rows():
                cells = []
                for cell in row:
                    value = cell.value
                    if value is None:
                        kind = "e"
                    elif isinstance(value, datetime.datetime):
                        kind, value = "d", value.strftime("%Y-%m-%d %H:%M:%S")
                    elif isinstance(value, bool):
                        kind = "b"
                    elif isinstance(value, (int, float)):
                        kind = "n"
                        value = int(value) if float(value).is_integer() else value
                    else:
                        kind = "s"
                    cells.append({"v": value, "k": kind, "qp": bool(cell.quotePrefix)})
                rows.append(cells)
            return {"reader": "openpyxl", "sheet": sheet.title, "rows": rows}

        def with_stdlib():
            ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                  "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                  "p": "http://schemas.openxmlformats.org/package/2006/relationships",
                  "c": "http://schemas.openxmlformats.org/package/2006/content-types"}
            archive = zipfile.ZipFile(path)
            bad = archive.testzip()
            if bad is not None:
                raise SystemExit("CRC incorrecto en " + bad)
            parts = {name: ET.fromstring(archive.read(name)) for name in archive.namelist() if name.endswith((".xml", ".rels"))}
            types = parts["[Content_Types].xml"]
            overrides = {o.get("PartName").lstrip("/"): o.get("ContentType") for o in types.findall("c:Override", ns)}
            root = [r.get("Target") for r in parts["_rels/.rels"].findall("p:Relationship", ns) if r.get("Type").endswith("/officeDocument")][0]
            workbook = parts[root]
            first = workbook.find("m:sheets/m:sheet", ns)
            rels = {r.get("Id"): r.get("Target") for r in parts["xl/_rels/workbook.xml.rels"].findall("p:Relationship", ns)}
            sheet_name = "xl/" + rels[first.get("{%s}id" % ns["r"])]
            assert overrides[sheet_name].endswith("worksheet+xml"), overrides
            styles = parts["xl/styles.xml"]
            formats = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.findall("m:numFmts/m:numFmt", ns)}
            xfs = styles.findall("m:cellXfs/m:xf", ns)
            shared = [si.findtext("m:t", "", ns) for si in parts["xl/sharedStrings.xml"].findall("m:si", ns)] if "xl/sharedStrings.xml" in parts else []
            rows = []
            for row in parts[sheet_name].findall("m:sheetData/m:row", ns):
                cells = []
                for cell in row.findall("m:c", ns):
                    letters = re.match(r"[A-Z]+", cell.get("r")).group(0)
                    index = 0
                    for letter in letters:
                        index = index * 26 + ord(letter) - 64
                    while len(cells) < index - 1:
                        cells.append({"v": None, "k": "e", "qp": False})
                    xf = xfs[int(cell.get("s", "0"))]
                    quote = xf.get("quotePrefix") == "1"
                    kind = cell.get("t", "n")
                    if kind == "inlineStr":
                        value, kind = "".join(t.text or "" for t in cell.iter("{%s}t" % ns["m"])), "s"
                    elif kind == "s":
                        value, kind = shared[int(cell.findtext("m:v", "", ns))], "s"
                    else:
                        number = float(cell.findtext("m:v", "", ns))
                        code = formats.get(int(xf.get("numFmtId", "0")), "")
                        if "yy" in code:
                            value, kind = excel_date(number).strftime("%Y-%m-%d %H:%M:%S"), "d"
                        else:
                            value, kind = (int(number) if number.is_integer() else number), "n"
                    cells.append({"v": value, "k": kind, "qp": quote})
                rows.append(cells)
            return {"reader": "zipfile", "sheet": first.get("name"), "rows": rows}

        try:
            result = with_openpyxl()
        except ImportError:
            result = with_stdlib()
        with open(output, "w") as handle:
            json.dump(result, handle)
        """#
}
