import Integrations
import JobEngine
import Logging
import Pipeline

/// The Telegram side of the front end: the webhook route (webhook mode) or the poller
/// service (polling mode), both feeding one `TelegramIntake`.
package struct TelegramFrontEnd: Sendable {
    var config: TelegramConfig
    var scripts: TelegramScripts
    var transport: any HTTPTransport = CurlTransport(maxConcurrent: 4)
    /// Pause after a failed poll (tests shorten it).
    var pollPause: Duration = .seconds(2)

    func intake(_ jobs: JobClient, logger: Logger) -> TelegramIntake {
        TelegramIntake(jobs: jobs, welcomeText: config.welcomeText, logger: logger)
    }

    /// The poller, in polling mode with a token.
    func poller(_ jobs: JobClient, logger: Logger) -> TelegramPoller? {
        guard config.mode == .polling, let token = config.token else { return nil }
        var poller = TelegramPoller(
            client: TelegramClient(token: token, baseURL: config.apiBaseURL, transport: transport, policy: .once),
            intake: intake(jobs, logger: logger), redis: jobs.redis, leaseScript: scripts.lease,
            timeoutSeconds: config.pollTimeoutSeconds, logger: logger)
        poller.pause = pollPause
        return poller
    }
}

extension TelegramFrontEnd {
    /// Nil when Telegram is off (`TELEGRAM_MODE=off`, or neither a token nor a webhook secret).
    init?(config: TelegramConfig, queuesDirectory: String) throws {
        guard config.mode != .off else { return nil }
        self.init(config: config, scripts: try TelegramScripts.load(directory: queuesDirectory))
    }
}
