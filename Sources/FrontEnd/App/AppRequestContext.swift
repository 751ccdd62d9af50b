import Foundation
import Hummingbird
import NIOCore
import Shop

/// Per-request state: the verified caller, once the auth middleware has run.
struct AppRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var identity: Identity?
    /// The console session, for requests under `/consola` that have one.
    var consoleSession: ConsoleSession?
    /// The client's IP address as the socket shows it (nil in router tests).
    var remoteAddress: String?
    /// The verified token's id (`jti`), for revocation and its rate limit.
    var tokenId: String?
    /// The connection (to let an `Expect: 100-continue` client send its body once allowed).
    let channel: (any NIOCore.Channel)?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.identity = nil
        self.consoleSession = nil
        self.remoteAddress = source.channel.remoteAddress?.ipAddress
        self.tokenId = nil
        self.channel = source.channel
    }

    /// JSON bodies are small; uploads set their own limit.
    var maxUploadSize: Int { 64 * 1024 }

    var requestDecoder: JSONDecoder { JSONDecoder() }

    var responseEncoder: JSONEncoder { APIJSON.encoder }
}
