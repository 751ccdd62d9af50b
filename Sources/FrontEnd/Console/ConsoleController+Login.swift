import Foundation
import Hummingbird
import Shop
import Support

// Login, logout and logout everywhere.
extension ConsoleController {
    @Sendable func loginPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let notice: String? =
            switch request.query("salida") {
            case "sesion": "Sesión cerrada."
            case "todas": "Se cerraron todas sus sesiones, en todos los equipos."
            default: nil
            }
        return ConsoleResponses.html(LoginView.page(notice: notice, next: Self.safeNext(request.query("siguiente"))))
    }

    /// `nombre` + `clave` (urlencoded form). Refused while the name or the address is locked
    /// out (429); a wrong name or password is one message (401) and counts as a failure; a
    /// good one starts a session (cookie) and goes to the page asked for.
    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        // A login form posted from another site (login CSRF) is refused.
        if let origin = request.headers[.origin], let authority = request.head.authority,
            URL(string: origin).map({ url in "\(url.host ?? "")\(url.port.map { ":\($0)" } ?? "")" }) != authority
        {
            throw APIError(.forbidden, "El formulario de ingreso debe enviarse desde esta misma consola.")
        }
        let form = try await form(request)
        let name = String((form["nombre"] ?? "").trimmingCharacters(in: .whitespaces).prefix(80))
        let password = form["clave"] ?? ""
        let next = Self.safeNext(form["siguiente"])
        let address = context.remoteAddress ?? "desconocida"
        guard !name.isEmpty, !password.isEmpty else {
            return ConsoleResponses.html(
                LoginView.page(error: "Escriba su usuario y su clave.", name: name, next: next),
                status: .unprocessableContent)
        }
        if let wait = try await throttle.lockedFor(user: name, address: address) {
            await recordLogin(context, name, "login.bloqueado", "intentos fallidos de más; espera \(wait) s")
            return ConsoleResponses.html(
                LoginView.page(
                    error:
                        "Demasiados intentos fallidos. Espere \(max(1, (wait + 59) / 60)) minuto(s) e intente de nuevo.",
                    name: name, next: next),
                status: .tooManyRequests, headers: [.retryAfter: String(wait)])
        }
        let user = try await store.staffUser(name: name)
        // Always one bcrypt check, so an unknown name takes as long as a wrong password.
        let hash = user?.passwordHash ?? PasswordHash.decoy
        let matches = try await BlockingPool.shared.run { PasswordHash.verify(password, hash: hash) }
        guard let user, user.active, matches, password.utf8.count <= StaffUser.passwordBytes.upperBound else {
            try await throttle.recordFailure(user: name, address: address)
            await recordLogin(context, name, "login.fallido", "usuario o clave incorrectos")
            return ConsoleResponses.html(
                LoginView.page(error: "Usuario o clave incorrectos.", name: name, next: next), status: .unauthorized)
        }
        try await throttle.reset(user: name)
        let (token, session) = try await sessions.create(for: user, address: context.remoteAddress)
        var started = context
        started.consoleSession = session
        await audit(started, "login", "sesión iniciada")
        return ConsoleResponses.redirect(
            next ?? "/consola/conversaciones",
            headers: ConsoleResponses.sessionCookie(
                token, maxAge: config.sessionMaxSeconds, secure: secureCookie(request)))
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try session(context)
        try await sessions.end(session)
        await audit(context, "logout", "sesión cerrada")
        return ConsoleResponses.redirect(
            "/consola/login?salida=sesion",
            headers: ConsoleResponses.sessionCookie("", maxAge: 0, secure: secureCookie(request)))
    }

    /// Ends every session of the user, on every device.
    @Sendable func logoutEverywhere(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try session(context)
        let ended = try await sessions.endAll(userId: session.userId)
        await audit(context, "logout.todas", "\(ended) sesiones cerradas")
        return ConsoleResponses.redirect(
            "/consola/login?salida=todas",
            headers: ConsoleResponses.sessionCookie("", maxAge: 0, secure: secureCookie(request)))
    }

    func secureCookie(_ request: Request) -> Bool {
        switch config.secureCookie {
        case .always: true
        case .never: false
        case .auto: ConsoleResponses.isHTTPS(request)
        }
    }

    private func recordLogin(_ context: AppRequestContext, _ name: String, _ action: String, _ detail: String) async {
        let entry = NewAuditEntry(user: name, action: action, detail: detail, address: context.remoteAddress)
        do {
            try await store.appendAudit(entry)
        } catch {
            context.logger.warning("No se pudo escribir en la auditoría (\(action)): \(error)")
        }
    }

    /// A console path to return to after login; anything else (another site, `//host`) is dropped.
    static func safeNext(_ raw: String?) -> String? {
        guard let raw, raw.hasPrefix("/consola/"), !raw.hasPrefix("/consola/login"), !raw.contains("//"),
            !raw.contains("\\"), raw.utf8.count <= 200,
            raw.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else { return nil }
        return raw
    }
}
