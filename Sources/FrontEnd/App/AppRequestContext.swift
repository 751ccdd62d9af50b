import Foundation
import Hummingbird
import Shop

/// Per-request state: the verified caller, once the auth middleware has run.
struct AppRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var identity: Identity?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.identity = nil
    }

    /// JSON bodies are small; uploads set their own limit.
    var maxUploadSize: Int { 64 * 1024 }

    var requestDecoder: JSONDecoder { JSONDecoder() }

    var responseEncoder: JSONEncoder { APIJSON.encoder }
}
