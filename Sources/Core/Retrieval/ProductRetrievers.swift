import Logging

/// Builds the best catalog search the configuration allows; the reply worker calls this once
/// at start (a missing data file stops the process with one line).
public enum ProductRetrievers {
    public static func make(config: RetrievalConfig, database: AppDatabase, logger: Logger) throws
        -> any ProductRetriever
    {
        let lexicon = try config.loadLexicon()
        return LexicalRetriever(database: database, lexicon: lexicon, threshold: config.threshold)
    }
}
