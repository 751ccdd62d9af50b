/// The understanding layer: what a customer's message asks for, read against the dialogue
/// state, before the dialogue logic (`SalesAgent`) decides anything.
///
/// A message becomes a `Reading`: one intent (a dialogue act: go on, confirm, add, change a
/// quantity, ask a price, give data…) with its confidence, the product requests it makes
/// (`ItemCommand`: add, set, increase, decrease, remove), the checkout data it carries, the
/// company topic it asks about and the list position it picks. Two readers make it:
///
/// - `ExampleReader` (the default, offline and deterministic): intents by nearest neighbours
///   (`IntentClassifier`: TF-IDF over folded words, word pairs and character n-grams, cosine)
///   among a labelled example bank stored as data (`data/entendimiento/intenciones.tsv`, loaded
///   by `ExampleBank`); numbers, e-mails and catalog words are masked first (`MessageTokens`),
///   so examples generalise across products and quantities, and typos still land near their
///   example. Entities come from linear-time extractors that use the state: the slot the agent
///   just asked for decides what a bare number is (`CheckoutFieldExtractor`), addresses and
///   times are never quantities (`QuantityFilter`).
/// - `ModelReader` (with `LLM_PROVIDER`): a language model reads the message into the same
///   structure as JSON (`ReadingSchema`, validated field by field); any error or invalid
///   answer falls back to the offline reader. The model only understands: prices, stock and
///   every decision stay with the dialogue logic (Rasa CALM's split).
///
/// Below the confidence threshold, and with nothing else to act on, the agent asks a short
/// clarifying question instead of guessing.
public enum Understanding {
    /// The example bank's directory when none is configured.
    public static let defaultDataDirectory = "data/entendimiento"
    /// The most product requests one message may make; the rest are refused with a note
    /// (one message must not fan out into hundreds of searches).
    public static let maxItemsPerMessage = 10
    /// The most characters of a message the readers look at (longer messages are cut).
    public static let maxMessageCharacters = 2_000
}
