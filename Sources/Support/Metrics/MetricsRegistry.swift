import Synchronization

/// The process's metrics, rendered in the Prometheus text exposition format (0.0.4) by
/// `exposition()`. A small registry of our own instead of swift-metrics + swift-prometheus:
/// three kinds (counter, gauge, histogram), label names fixed per family, label values from
/// closed sets (queue names, route templates, enums), never a chat id or a user's text.
///
/// Families are made once (at first use of a `static let`); a series is a class behind a
/// lock, looked up once and kept by hot callers (`QueueMetrics`), so recording is one
/// uncontended lock and a few additions.
public final class MetricsRegistry: Sendable {
    /// The one registry of the process: what `/metrics` shows.
    public static let shared = MetricsRegistry()

    private let families = Mutex<[MetricFamily]>([])

    public init() {}

    public func counter(_ name: String, _ help: String, labels: [String] = []) -> MetricFamily {
        register(MetricFamily(name: name, help: help, kind: .counter, labelNames: labels, buckets: []))
    }

    public func gauge(_ name: String, _ help: String, labels: [String] = []) -> MetricFamily {
        register(MetricFamily(name: name, help: help, kind: .gauge, labelNames: labels, buckets: []))
    }

    public func histogram(
        _ name: String, _ help: String, labels: [String] = [], buckets: [Double] = MetricFamily.secondsBuckets
    ) -> MetricFamily {
        register(MetricFamily(name: name, help: help, kind: .histogram, labelNames: labels, buckets: buckets))
    }

    /// A family of the same name registered twice is the same family (the first one).
    private func register(_ family: MetricFamily) -> MetricFamily {
        families.withLock { all in
            if let existing = all.first(where: { $0.name == family.name }) { return existing }
            all.append(family)
            return family
        }
    }

    /// Every family, in the text format, then `extra` (families computed at the scrape, such
    /// as queue depths read from Redis); a name already shown is not repeated.
    public func exposition(adding extra: [MetricFamily] = []) -> String {
        let all = families.withLock { $0 } + extra
        var text = ""
        var seen = Set<String>()
        for family in all where seen.insert(family.name).inserted { family.render(into: &text) }
        return text
    }

    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"
}
