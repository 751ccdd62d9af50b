import Assistant
import Integrations
import JobEngine
import Logging
import Pipeline
import Shop

extension ProviderLimiter: ProviderPermits {}

/// What the reply worker needs: the agent (catalog search, order placement), the reply
/// writer (templates or a language model) and the database for history and state.
package struct AgentResources: Sendable {
    var agent: SalesAgent
    var writer: ReplyWriter
    var database: AppDatabase
    var maxHistory: Int

    /// Built once at start; a bad setting stops the process. `policy` is the model calls'
    /// retry policy (tests shorten its waits).
    package static func make(
        config: AgentConfig, retrieval: RetrievalConfig, database: AppDatabase, jobs: JobClient, waiters: JobWaiters,
        transport: any HTTPTransport, policy: ProviderHTTP.RetryPolicy = .standard, logger: Logger
    ) throws -> AgentResources {
        let retriever = try ProductRetrievers.make(config: retrieval, database: database, logger: logger)
        let placer = QueuedOrderPlacer(jobs: jobs, waiters: waiters, wait: config.orderWait)
        let model = try ReplyModels.make(config, transport: transport, policy: policy)
        return AgentResources(
            agent: SalesAgent(database: database, retriever: retriever, placer: placer),
            writer: ReplyWriter(
                model: model, maxTokens: config.maxTokens, temperature: config.temperature, logger: logger),
            database: database, maxHistory: config.maxHistory)
    }
}

/// The language model `LLM_PROVIDER` names, or nil for template replies.
enum ReplyModels {
    /// The transport of model calls: curl, each call holding one of the model's permits
    /// (`LLM_MAX_CONCURRENT`, `LLM_MAX_PER_S`, shared by every worker process through Redis).
    static func transport(_ config: AgentConfig, redis: RedisClient, queuesDirectory: String, logger: Logger) throws
        -> any HTTPTransport
    {
        let curl = CurlTransport(maxConcurrent: config.maxConcurrent)
        guard config.provider != .none else { return curl }
        // A permit outlives the call's timeout; one left by a dead process expires after it.
        let leaseMs = Int(config.modelTimeout.components.seconds) * 1000 + 30_000
        let limiter = try ProviderLimiter(
            name: "modelo",
            limits: .init(maxConcurrent: config.maxConcurrent, maxPerSecond: config.maxPerSecond, leaseMs: leaseMs),
            redis: redis, queuesDirectory: queuesDirectory, logger: logger)
        return LimitedTransport(base: curl, permits: limiter)
    }

    static func make(_ config: AgentConfig, transport: any HTTPTransport, policy: ProviderHTTP.RetryPolicy) throws
        -> (any ReplyModel)?
    {
        switch config.provider {
        case .none:
            return nil
        case .openai:
            let client = OpenAIChatClient(
                config: config.openAI, transport: transport, policy: policy, timeout: config.modelTimeout)
            return OpenAIReplyModel(client: client, model: config.model)
        case .gemini:
            var gemini = config.gemini
            gemini.model = config.model
            return GeminiReplyModel(
                client: GeminiClient(config: gemini, transport: transport, policy: policy, timeout: config.modelTimeout)
            )
        }
    }
}
