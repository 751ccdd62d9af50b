import Support

/// The console's settings: `CONSOLE_SECURE_COOKIE` (auto | true | false: auto marks the
/// session cookie `Secure` when the request came over HTTPS, as a TLS-terminating proxy
/// says with `X-Forwarded-Proto: https`), `CONSOLE_SESSION_HOURS` (8: a session unused
/// this long ends; none lives past 24 h).
public struct ConsoleConfig: Sendable {
    public enum SecureCookie: String, Sendable {
        case auto, always = "true", never = "false"
    }

    public var secureCookie: SecureCookie = .auto
    public var sessionIdleSeconds = 8 * 3600
    public var sessionMaxSeconds = 24 * 3600

    public init(secureCookie: SecureCookie = .auto, sessionIdleSeconds: Int = 8 * 3600) {
        self.secureCookie = secureCookie
        self.sessionIdleSeconds = sessionIdleSeconds
        self.sessionMaxSeconds = max(24 * 3600, sessionIdleSeconds)
    }

    public init(environment env: Environment) throws {
        let secure = try env.choice("CONSOLE_SECURE_COOKIE", ["auto", "true", "false"], default: "auto")
        let hours = try env.int("CONSOLE_SESSION_HOURS", default: 8)
        guard (1...24).contains(hours) else {
            throw ConfigError(setting: "CONSOLE_SESSION_HOURS", problem: "debe estar entre 1 y 24")
        }
        self.init(secureCookie: SecureCookie(rawValue: secure) ?? .auto, sessionIdleSeconds: hours * 3600)
    }
}
