import Support

/// The outside calls' figures, recorded by `ProviderHTTP` for every try: by provider and
/// operation (both closed sets, derived from the API name and the URL's shape, never from
/// ids or tokens in it), latency, status class, 429s and retries.
enum OutboundMetrics {
    enum Provider: String, CaseIterable {
        case gemini, openai, telegram, embeddings, callback, other

        init(api: String) {
            switch api {
            case "gemini": self = .gemini
            case "openai": self = .openai
            case "telegram": self = .telegram
            case "callback": self = .callback
            default: self = api.contains("embeddings") ? .embeddings : .other
            }
        }
    }

    enum Operation: String {
        case generate, embed, transcribe, deliver, download, other
        case sendMessage, sendChatAction, getUpdates, getFile, setWebhook, deleteWebhook, getWebhookInfo

        init(provider: Provider, url: String) {
            let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
            if provider == .callback {
                self = .deliver
            } else if provider == .telegram {
                if path.contains("/file/bot") {
                    self = .download
                } else {
                    let method = path.split(separator: "/").last.map(String.init) ?? ""
                    self =
                        Operation(rawValue: method).flatMap { Self.telegramMethods.contains($0) ? $0 : nil } ?? .other
                }
            } else if path.hasSuffix(":generateContent") || path.hasSuffix("/chat/completions") {
                self = .generate
            } else if path.hasSuffix(":embedContent") || path.hasSuffix(":batchEmbedContents")
                || path.hasSuffix("/embeddings")
            {
                self = .embed
            } else if path.hasSuffix("/audio/transcriptions") {
                self = .transcribe
            } else {
                self = .other
            }
        }

        static let telegramMethods: Set<Operation> = [
            .sendMessage, .sendChatAction, .getUpdates, .getFile, .setWebhook, .deleteWebhook, .getWebhookInfo,
        ]
    }

    static let requests = MetricsRegistry.shared.counter(
        "vendedor_outbound_requests_total",
        "Tries of outside HTTP calls, by provider, operation and status class (error = timeout or connection failure).",
        labels: ["provider", "operation", "status_class"])
    static let duration = MetricsRegistry.shared.histogram(
        "vendedor_outbound_request_duration_seconds", "Time of one try of an outside HTTP call.",
        labels: ["provider", "operation"])
    static let rateLimited = MetricsRegistry.shared.counter(
        "vendedor_outbound_rate_limited_total", "Outside calls answered 429 (rate limit or quota).",
        labels: ["provider", "operation"])
    static let retries = MetricsRegistry.shared.counter(
        "vendedor_outbound_retries_total", "Tries repeated inside one outside call after a retryable failure.",
        labels: ["provider", "operation"])

    /// One try: `status` nil for a timeout or a connection failure.
    static func record(provider: Provider, operation: Operation, status: Int?, seconds: Double) {
        let labels = [provider.rawValue, operation.rawValue]
        duration.labels(labels).observe(seconds)
        let statusClass = status.map { "\(min(max($0 / 100, 1), 5))xx" } ?? "error"
        requests.labels(labels + [statusClass]).increment()
        if status == 429 { rateLimited.labels(labels).increment() }
    }

    static func recordRetry(provider: Provider, operation: Operation) {
        retries.labels(provider.rawValue, operation.rawValue).increment()
    }
}
