import Synchronization

/// One metric family: a name, a help text, a kind, fixed label names and its series.
public final class MetricFamily: Sendable {
    public enum Kind: String, Sendable {
        case counter, gauge, histogram
    }

    public let name: String
    public let help: String
    public let kind: Kind
    public let labelNames: [String]
    /// Upper bounds of the histogram buckets, ascending (`+Inf` is implicit).
    public let buckets: [Double]
    private let series = Mutex<[[String]: MetricSeries]>([:])

    /// From 1 ms to 2 min: queue waits, handler runs, HTTP requests and outside calls.
    public static let secondsBuckets: [Double] = [
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120,
    ]

    public init(name: String, help: String, kind: Kind, labelNames: [String], buckets: [Double]) {
        self.name = name
        self.help = help
        self.kind = kind
        self.labelNames = labelNames
        self.buckets = buckets.sorted()
    }

    /// The series for these label values (in `labelNames` order; missing ones are empty).
    public func labels(_ values: String...) -> MetricSeries { labels(values) }

    public func labels(_ values: [String]) -> MetricSeries {
        series.withLock { all in
            if let existing = all[values] { return existing }
            let made = MetricSeries(bounds: kind == .histogram ? buckets : [])
            all[values] = made
            return made
        }
    }

    /// A family whose series are set now (a collector's result).
    public static func snapshot(
        name: String, help: String, kind: Kind, labelNames: [String], values: [([String], Double)]
    ) -> MetricFamily {
        let family = MetricFamily(name: name, help: help, kind: kind, labelNames: labelNames, buckets: [])
        for (labels, value) in values { family.labels(labels).set(value) }
        return family
    }

    func render(into text: inout String) {
        text += "# HELP \(name) \(Self.escapeHelp(help))\n# TYPE \(name) \(kind.rawValue)\n"
        let all = series.withLock { $0 }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        for (values, one) in all {
            let pairs = zip(labelNames, values).map { "\($0)=\"\(Self.escapeLabel($1))\"" }
            let state = one.state
            switch kind {
            case .counter, .gauge:
                text += "\(name)\(Self.braced(pairs)) \(Self.format(state.value))\n"
            case .histogram:
                var cumulative: UInt64 = 0
                for (index, bound) in buckets.enumerated() {
                    cumulative += state.counts[index]
                    text += "\(name)_bucket\(Self.braced(pairs + ["le=\"\(Self.format(bound))\""])) \(cumulative)\n"
                }
                text += "\(name)_bucket\(Self.braced(pairs + ["le=\"+Inf\""])) \(state.count)\n"
                text += "\(name)_sum\(Self.braced(pairs)) \(Self.format(state.value))\n"
                text += "\(name)_count\(Self.braced(pairs)) \(state.count)\n"
            }
        }
    }

    private static func braced(_ pairs: [String]) -> String {
        pairs.isEmpty ? "" : "{" + pairs.joined(separator: ",") + "}"
    }

    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func escapeLabel(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    static func escapeHelp(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }
}

/// One labelled series: a counter's or gauge's value, or a histogram's buckets, sum and count.
public final class MetricSeries: Sendable {
    struct State: Sendable {
        var value: Double = 0
        var counts: [UInt64]
        var count: UInt64 = 0
    }

    private let mutex: Mutex<State>
    private let bounds: [Double]

    init(bounds: [Double]) {
        mutex = Mutex(State(counts: Array(repeating: 0, count: bounds.count)))
        self.bounds = bounds
    }

    var state: State { mutex.withLock { $0 } }

    /// Counters: adds `amount` (negative amounts are ignored: a counter only goes up).
    public func increment(by amount: Double = 1) {
        guard amount > 0 else { return }
        mutex.withLock { $0.value += amount }
    }

    /// Gauges.
    public func add(_ amount: Double) { mutex.withLock { $0.value += amount } }
    public func set(_ value: Double) { mutex.withLock { $0.value = value } }

    public var value: Double { mutex.withLock { $0.value } }
}

extension MetricSeries {
    /// Histograms: records one observation (values below zero count as zero).
    public func observe(_ value: Double) {
        let value = value.isFinite ? max(0, value) : 0
        var index = 0
        while index < bounds.count && value > bounds[index] { index += 1 }
        mutex.withLock { state in
            if index < state.counts.count { state.counts[index] += 1 }
            state.value += value
            state.count += 1
        }
    }
}
