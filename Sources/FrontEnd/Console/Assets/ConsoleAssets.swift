import Crypto
import Foundation
import Hummingbird
import NIOCore

/// The console's stylesheet and script, compiled into the binary (no files to find at run
/// time, whatever the working directory), served under `/consola/static/` with a version
/// from their content hash: cached for a year and immutable; a changed asset has a new URL.
enum ConsoleAssets {
    struct Asset: Sendable {
        var name: String
        var contentType: String
        var body: String
        var version: String
    }

    static let style = asset("consola.css", "text/css; charset=utf-8", ConsoleStyle.css)
    static let script = asset("consola.js", "text/javascript; charset=utf-8", ConsoleScript.javascript)

    static var styleURL: String { "/consola/static/\(style.name)?v=\(style.version)" }
    static var scriptURL: String { "/consola/static/\(script.name)?v=\(script.version)" }

    static func named(_ name: String) -> Asset? {
        switch name {
        case style.name: style
        case script.name: script
        default: nil
        }
    }

    static func response(_ asset: Asset, request: Request) -> Response {
        let etag = "\"\(asset.version)\""
        var headers: HTTPFields = [
            .contentType: asset.contentType, .cacheControl: "public, max-age=31536000, immutable", .eTag: etag,
            .init("X-Content-Type-Options")!: "nosniff",
        ]
        if request.headers[.ifNoneMatch] == etag {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: asset.body)))
    }

    private static func asset(_ name: String, _ type: String, _ body: String) -> Asset {
        let digest = SHA256.hash(data: Data(body.utf8)).prefix(6).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
        return Asset(name: name, contentType: type, body: body, version: digest)
    }
}
