import Assistant
import Integrations
import JobEngine
import Logging
import Pipeline
import Shop
import Support

extension ProviderLimiter: ProviderPermits {}

/// What the reply worker needs: the agent (catalog search, order placement), the reply
/// writer (templates or a language model) and the storage for history, state and company text.
package struct AgentResources: Sendable {
    var agent: SalesAgent
    var writer: ReplyWriter
    var store: any ShopStore
    var maxHistory: Int

    /// The turn's memory (recorded turns, AI switch, dialogue state, history).
    var chats: any ChatStore { store }

    /// Built once at start; a bad setting stops the process. `policy` is the model calls'
    /// retry policy (tests shorten its waits).
    package static func make(
        config: AgentConfig, retrieval: RetrievalConfig, database: AppDatabase, jobs: JobClient, waiters: JobWaiters,
        transport: any HTTPTransport, policy: ProviderHTTP.RetryPolicy = .standard, logger: Logger
    ) throws -> AgentResources {
        try make(
            config: config, retrieval: retrieval, store: SQLiteStore(database), jobs: jobs, waiters: waiters,
            transport: transport, policy: policy, logger: logger)
    }

    package static func make(
        config: AgentConfig, retrieval: RetrievalConfig, store: any ShopStore, jobs: JobClient, waiters: JobWaiters,
        transport: any HTTPTransport, policy: ProviderHTTP.RetryPolicy = .standard, logger: Logger
    ) throws -> AgentResources {
        // Read once: the search uses it, and the reader its other product names.
        let lexicon = try retrieval.loadLexicon()
        let retriever = try ProductRetrievers.make(
            config: retrieval, store: store, logger: logger, transport: transport, lexicon: lexicon)
        let placer = QueuedOrderPlacer(jobs: jobs, waiters: waiters, wait: config.orderWait)
        let model = try ReplyModels.make(config, transport: transport, policy: policy)
        let examples: ExampleReader
        do {
            examples = try ExampleReader(directory: config.understandingDataDirectory)
        } catch {
            throw ConfigError(setting: "UNDERSTANDING_DATA_DIR", problem: "\(error)")
        }
        let reader = try ReaderModels.make(
            config, offline: examples, transport: transport, policy: policy, logger: logger)
        var agent = SalesAgent(store: store, retriever: retriever, placer: placer, reader: reader)
        agent.topK = retrieval.topK
        agent.otherProductNames = lexicon.productNameWords.sorted()
        agent.accessories = lexicon.accessories
        agent.specialtyWords = lexicon.specialtyWords
        agent.kindNames = lexicon.oneWordEquivalents
        return AgentResources(
            agent: agent,
            writer: ReplyWriter(
                model: model, maxTokens: config.maxTokens, temperature: config.temperature, logger: logger),
            store: store, maxHistory: config.maxHistory)
    }
}

/// The reader of customers' messages: the offline one, or (`UNDERSTANDING_MODEL=on` with a
/// provider) the model with the offline one as its fallback.
enum ReaderModels {
    static func make(
        _ config: AgentConfig, offline: ExampleReader, transport: any HTTPTransport, policy: ProviderHTTP.RetryPolicy,
        logger: Logger
    ) throws -> any MessageReader {
        guard config.modelReads else { return offline }
        let model: any ReadingModel
        switch config.provider {
        case .none:
            return offline
        case .openai:
            let client = OpenAIChatClient(
                config: config.openAI, transport: transport, policy: policy, timeout: config.modelTimeout)
            model = OpenAIReadingModel(client: client, model: config.model)
        case .gemini:
            var gemini = config.gemini
            gemini.model = config.model
            model = GeminiReadingModel(
                client: GeminiClient(config: gemini, transport: transport, policy: policy, timeout: config.modelTimeout)
            )
        }
        return ModelReader(model: model, fallback: offline, logger: logger)
    }
}

/// The language model `LLM_PROVIDER` names, or nil for template replies.
enum ReplyModels {
    /// The transport of model calls: curl, each call holding one of the model's permits
    /// (`LLM_MAX_CONCURRENT`, `LLM_MAX_PER_S`, shared by every worker process through Redis).
    static func transport(
        _ config: AgentConfig, base: any HTTPTransport, redis: RedisClient, queuesDirectory: String, logger: Logger
    ) throws -> any HTTPTransport {
        guard config.provider != .none else { return base }
        // A permit outlives the call's timeout; one left by a dead process expires after it.
        let leaseMs = Int(config.modelTimeout.components.seconds) * 1000 + 30_000
        let limiter = try ProviderLimiter(
            name: "modelo",
            limits: .init(maxConcurrent: config.maxConcurrent, maxPerSecond: config.maxPerSecond, leaseMs: leaseMs),
            redis: redis, queuesDirectory: queuesDirectory, logger: logger)
        return LimitedTransport(base: base, permits: limiter)
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
