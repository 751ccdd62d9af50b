import Support

/// Permits for calls to one outside provider (the job engine's `ProviderLimiter` shares them
/// across processes through Redis).
public protocol ProviderPermits: Sendable {
    /// Waits for a permit; returns its token.
    func acquire() async throws -> String
    func release(_ token: String) async
    /// The provider asked to wait: nobody calls it for `seconds`.
    func pause(seconds: Double) async
}

/// An `HTTPTransport` whose calls each hold one of a provider's permits. The whole call —
/// the wait for a permit and the wait for the answer — is an outside wait (`OutsideWait`):
/// a job holds no CPU slot meanwhile, and while it waits for a permit its queue takes no
/// more jobs. A 429 pauses the provider for everyone for its Retry-After (1 s without one);
/// `ProviderHTTP` above then retries or hands the wait back to the job engine.
public struct LimitedTransport: HTTPTransport {
    public var base: any HTTPTransport
    public var permits: any ProviderPermits

    public init(base: any HTTPTransport, permits: any ProviderPermits) {
        self.base = base
        self.permits = permits
    }

    public func send(_ request: OutboundRequest) async throws -> OutboundResponse {
        let hook = OutsideWait.hook
        return try await OutsideWait.around {
            let token = try await OutsideWait.waitingForPermit(hook) { try await permits.acquire() }
            let result: Result<OutboundResponse, any Error>
            do {
                result = .success(try await base.send(request))
            } catch {
                result = .failure(error)
            }
            if case .success(let response) = result, response.status == 429 {
                await permits.pause(seconds: ProviderHTTP.headerDelay(response.headers) ?? 1)
            }
            await permits.release(token)
            return try result.get()
        }
    }
}
