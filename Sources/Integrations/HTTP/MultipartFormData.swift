import Foundation

/// A multipart/form-data request body (RFC 7578), built once in memory so a retried call
/// sends exactly the same bytes.
public struct MultipartFormData: Sendable {
    public let boundary: String
    private var bytes: [UInt8] = []

    public init(boundary: String = "vendedor-\(UUID().uuidString)") {
        self.boundary = boundary
    }

    /// The request's `Content-Type` header.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// A plain text field.
    public mutating func add(_ name: String, _ value: String) {
        open(#"form-data; name="\#(Self.quoted(name))""#, contentType: nil)
        bytes += Array(value.utf8)
        bytes += Array("\r\n".utf8)
    }

    /// A file field with its name and content type.
    public mutating func add(_ name: String, filename: String, contentType: String, data: Data) {
        open(
            #"form-data; name="\#(Self.quoted(name))"; filename="\#(Self.quoted(filename))""#,
            contentType: contentType)
        bytes += data
        bytes += Array("\r\n".utf8)
    }

    /// The finished body, closing delimiter included.
    public var body: [UInt8] { bytes + Array("--\(boundary)--\r\n".utf8) }

    private mutating func open(_ disposition: String, contentType: String?) {
        var head = "--\(boundary)\r\nContent-Disposition: \(disposition)\r\n"
        if let contentType { head += "Content-Type: \(contentType)\r\n" }
        bytes += Array((head + "\r\n").utf8)
    }

    /// Quotes and line breaks cannot appear inside a quoted parameter.
    private static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "")
            .replacingOccurrences(of: "\n", with: "")
    }
}
