import Support

/// Telegram settings, read once at start: the bot token, the webhook secret, the API base URL
/// (a fake server in tests) and how updates arrive. Downloaded files go to the blob store
/// (`BlobConfig`, `BLOBS_DIR`).
public struct TelegramConfig: Sendable {
    /// How the front end receives updates.
    public enum Mode: String, Sendable, CaseIterable {
        /// Telegram POSTs each update to `/telegram/webhook` (set with `vendedor-enqueuer setWebhook`).
        case webhook
        /// The front end long-polls `getUpdates` (one process at a time holds the poll lease).
        case polling
        /// No Telegram front end (HTTP channel only).
        case off
    }

    /// `TELEGRAM_TOKEN`; nil when not configured (never logged).
    public var token: String?
    /// `TELEGRAM_WEBHOOK_SECRET`: the `X-Telegram-Bot-Api-Secret-Token` every webhook call must carry.
    public var webhookSecret: String?
    /// `TELEGRAM_API_BASE_URL`, without a trailing slash.
    public var apiBaseURL: String
    /// `TELEGRAM_MODE`; by default webhook when a secret is set, polling when only a token is.
    public var mode: Mode
    /// `TELEGRAM_POLL_TIMEOUT`: seconds a `getUpdates` call is held open (0–50).
    public var pollTimeoutSeconds: Int
    /// `TELEGRAM_WELCOME_TEXT`: the answer to `/start`.
    public var welcomeText: String
    /// Outgoing message limits, held across every worker process.
    public var limits: TelegramRateLimits

    public static let defaultBaseURL = "https://api.telegram.org"
    public static let defaultWelcome = """
        ¡Hola! Bienvenido. Soy el asesor virtual de la tienda: con gusto le ayudo con extintores, \
        elementos de protección personal, señalización y dotación, con precios y disponibilidad, y puedo \
        tomar su pedido. También puede enviarme una foto del producto o una nota de voz.
        """

    public init(
        token: String? = nil, webhookSecret: String? = nil, apiBaseURL: String = TelegramConfig.defaultBaseURL,
        mode: Mode? = nil, pollTimeoutSeconds: Int = 30, welcomeText: String = TelegramConfig.defaultWelcome,
        limits: TelegramRateLimits = TelegramRateLimits()
    ) {
        self.token = token
        self.webhookSecret = webhookSecret
        self.apiBaseURL = apiBaseURL
        self.mode = mode ?? (webhookSecret != nil ? .webhook : token != nil ? .polling : .off)
        self.pollTimeoutSeconds = pollTimeoutSeconds
        self.welcomeText = welcomeText
        self.limits = limits
    }

    public init(environment env: Environment) throws(ConfigError) {
        let token = env["TELEGRAM_TOKEN"]
        if let token, !Self.isPlausibleToken(token) {
            throw ConfigError(
                setting: "TELEGRAM_TOKEN", problem: "no tiene la forma <número>:<clave> de un token de bot")
        }
        let secret = env["TELEGRAM_WEBHOOK_SECRET"]
        if let secret, !Self.isStrongSecret(secret) {
            throw ConfigError(
                setting: "TELEGRAM_WEBHOOK_SECRET",
                problem:
                    "debe tener de \(Self.minSecretLength) a 256 caracteres entre A-Z, a-z, 0-9, _ y -, y no ser "
                    + "repetitivo (p. ej. openssl rand -hex 32)")
        }
        var base = env.string("TELEGRAM_API_BASE_URL", default: Self.defaultBaseURL)
        while base.hasSuffix("/") { base.removeLast() }
        guard base.hasPrefix("https://") || base.hasPrefix("http://") else {
            throw ConfigError(setting: "TELEGRAM_API_BASE_URL", problem: "debe empezar por http:// o https://")
        }
        let mode: Mode?
        if let raw = env["TELEGRAM_MODE"] {
            let value = try env.choice("TELEGRAM_MODE", Mode.allCases.map(\.rawValue), default: raw)
            mode = Mode(rawValue: value)
        } else {
            mode = nil
        }
        let timeout = try env.int("TELEGRAM_POLL_TIMEOUT", default: 30)
        guard (0...50).contains(timeout) else {
            throw ConfigError(setting: "TELEGRAM_POLL_TIMEOUT", problem: "debe estar entre 0 y 50 segundos")
        }
        self.init(
            token: token, webhookSecret: secret, apiBaseURL: base, mode: mode, pollTimeoutSeconds: timeout,
            welcomeText: env["TELEGRAM_WELCOME_TEXT"] ?? Self.defaultWelcome)
        switch self.mode {
        case .webhook where secret == nil:
            throw ConfigError(
                setting: "TELEGRAM_WEBHOOK_SECRET", problem: "falta (TELEGRAM_MODE=webhook la necesita)")
        case .polling where token == nil:
            throw ConfigError(setting: "TELEGRAM_TOKEN", problem: "falta (TELEGRAM_MODE=polling lo necesita)")
        default:
            break
        }
    }

    /// `123456:ABC-DEF…`: digits, a colon, then letters, digits, `_` and `-`.
    static func isPlausibleToken(_ token: String) -> Bool {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[0].allSatisfy(\.isASCII)
            && parts[0].allSatisfy(\.isNumber)
            && !parts[1].isEmpty
            && parts[1].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }

    /// What Telegram accepts as `secret_token`: 1–256 of `A-Z a-z 0-9 _ -`.
    /// The shortest webhook secret accepted at start: Telegram takes 1–256 characters, but a
    /// short one can be guessed (issue 16: a one-character secret was accepted).
    public static let minSecretLength = 16

    /// Telegram's rule (1–256 of A–Z a–z 0–9 _ -), at least `minSecretLength` long and with
    /// at least 8 different characters (not "aaaaaaaaaaaaaaaa").
    public static func isStrongSecret(_ secret: String) -> Bool {
        isValidSecret(secret) && secret.utf8.count >= minSecretLength && Set(secret.utf8).count >= 8
    }

    /// Telegram's own rule for `secret_token`.
    public static func isValidSecret(_ secret: String) -> Bool {
        (1...256).contains(secret.utf8.count)
            && secret.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x5F || byte == 0x2D
            }
    }
}

/// Telegram's guidance for bots: about one message per second to a chat, 20 per minute to a
/// group, 30 per second overall.
public struct TelegramRateLimits: Sendable, Equatable {
    public var perChatPerSecond: Double
    public var perGroupPerMinute: Double
    public var globalPerSecond: Double

    public init(perChatPerSecond: Double = 1, perGroupPerMinute: Double = 20, globalPerSecond: Double = 30) {
        self.perChatPerSecond = perChatPerSecond
        self.perGroupPerMinute = perGroupPerMinute
        self.globalPerSecond = globalPerSecond
    }

    /// The spacing between two messages to `chatId` (groups have negative ids), in ms.
    public func chatIntervalMs(_ chatId: Int64) -> Int {
        chatId < 0 ? Int((60_000 / perGroupPerMinute).rounded(.up)) : Int((1000 / perChatPerSecond).rounded(.up))
    }

    public var globalIntervalMs: Double { 1000 / globalPerSecond }
}
