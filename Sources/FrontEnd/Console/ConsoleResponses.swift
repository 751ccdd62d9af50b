import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The console's responses: HTML pages with strict security headers, redirects after a
/// form (POST → 303 → GET), and the session cookie.
enum ConsoleResponses {
    /// Only the console's own scripts, styles, images and forms; no framing.
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; script-src 'self'; "
        + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"

    static func html(_ page: HTML, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-store",
            .contentSecurityPolicy: contentSecurityPolicy,
            .init("X-Content-Type-Options")!: "nosniff",
            .init("Referrer-Policy")!: "same-origin",
            .init("X-Frame-Options")!: "DENY",
        ]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page.text)))
    }

    /// 303 See Other to a path of this site.
    static func redirect(_ location: String, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [
            .location: location.hasPrefix("/") ? location : "/consola", .cacheControl: "no-store",
        ]
        headers.append(contentsOf: extra)
        return Response(status: .seeOther, headers: headers)
    }

    static func json(_ text: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `Set-Cookie` for the session: HttpOnly, SameSite=Strict, the console's path, `Secure`
    /// when asked; an empty value with Max-Age=0 removes it.
    static func sessionCookie(_ value: String, maxAge: Int, secure: Bool) -> HTTPFields {
        var cookie =
            "\(ConsoleAuthMiddleware.cookieName)=\(value); Path=/consola; Max-Age=\(maxAge); HttpOnly; SameSite=Strict"
        if secure { cookie += "; Secure" }
        return [.setCookie: cookie]
    }

    /// Whether the request came over HTTPS (a TLS-terminating proxy says so).
    static func isHTTPS(_ request: Request) -> Bool {
        request.head.scheme?.lowercased() == "https"
            || request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased().hasPrefix("https") == true
    }
}
