import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FrontEnd
@testable import Shop

/// A staff member using the console through the router: creates users (bcrypt cost 4, fast),
/// logs in with the login form, keeps the session cookie and the page's CSRF token.
struct ConsoleClient {
    let client: any TestClientProtocol
    var cookie: String?
    var csrf: String?

    init(_ harness: CommerceHarness, _ client: any TestClientProtocol) {
        self.init(client)
    }

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    @discardableResult
    static func createUser(
        _ harness: CommerceHarness, _ name: String, _ role: Role, password: String = "clave-segura-1"
    )
        throws -> StaffUser
    {
        try harness.database.createStaffUser(
            name: name, role: role, passwordHash: PasswordHash.make(password, cost: 4))
    }

    /// A user in any engine's store.
    @discardableResult
    static func createUser(
        _ store: any StaffUserStore, _ name: String, _ role: Role, password: String = "clave-segura-1"
    ) async throws -> StaffUser {
        try await store.createStaffUser(name: name, role: role, passwordHash: PasswordHash.make(password, cost: 4))
    }

    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return ByteBuffer(
            string: fields.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
                .joined(separator: "&"))
    }

    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Posts the login form; keeps the cookie when it worked. Returns the response.
    @discardableResult
    mutating func login(_ name: String, _ password: String = "clave-segura-1", headers extra: HTTPFields = [:])
        async throws -> TestResponse
    {
        var headers = Self.formHeaders
        headers.append(contentsOf: extra)
        let response = try await client.execute(
            uri: "/consola/login", method: .post, headers: headers,
            body: Self.form([("nombre", name), ("clave", password)]))
        if let setCookie = response.headers[.setCookie], let value = Self.cookieValue(setCookie), !value.isEmpty {
            cookie = value
            csrf = try await page("/consola/conversaciones").csrf
        }
        return response
    }

    static func cookieValue(_ setCookie: String) -> String? {
        guard setCookie.hasPrefix("vd_sesion=") else { return nil }
        return String(setCookie.dropFirst("vd_sesion=".count).prefix { $0 != ";" })
    }

    var sessionHeaders: HTTPFields {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = "vd_sesion=\(cookie)" }
        return headers
    }

    struct Page {
        var status: HTTPResponse.Status
        var html: String
        var location: String?

        var csrf: String? {
            guard let range = html.range(of: "data-csrf=\"") else { return nil }
            return String(html[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    func page(_ uri: String, headers extra: HTTPFields = [:]) async throws -> Page {
        var headers = sessionHeaders
        headers.append(contentsOf: extra)
        let response = try await client.execute(uri: uri, method: .get, headers: headers)
        return Page(
            status: response.status, html: String(buffer: response.body), location: response.headers[.location])
    }

    /// Posts a form with the session (and the CSRF token unless `csrf` is false).
    func post(_ uri: String, _ fields: [(String, String)], csrf withToken: Bool = true) async throws -> Page {
        var headers = sessionHeaders
        headers.append(contentsOf: Self.formHeaders)
        var fields = fields
        if withToken, let csrf { fields.append(("_csrf", csrf)) }
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: Self.form(fields))
        return Page(
            status: response.status, html: String(buffer: response.body), location: response.headers[.location])
    }
}
