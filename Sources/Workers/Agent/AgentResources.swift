import Assistant
import Integrations
import JobEngine
import Logging
import Pipeline
import Shop

/// What the reply worker needs: the agent (catalog search, order placement), the reply
/// writer (templates or a language model) and the database for history and state.
package struct AgentResources: Sendable {
    var agent: SalesAgent
    var writer: ReplyWriter
    var database: AppDatabase
    var maxHistory: Int

    /// The turn's memory (recorded turns, AI switch, dialogue state) through the storage
    /// boundary; the rest (company text, history for the writer) still reads `database`.
    var chats: any ChatStore { SQLiteStore(database) }

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
