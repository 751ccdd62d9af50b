import Support

/// How long conversations are kept (issue 16), swept by the workers every
/// `RETENTION_SWEEP_INTERVAL_S` (3600): messages (`MESSAGES_RETENTION_DAYS`, 365) and, with
/// the personal data a checkout form holds, dialogue states and turn records
/// (`DIALOGUE_RETENTION_DAYS`, 30: a cart left that long starts anew). 0 keeps that kind for
/// ever.
public struct RetentionConfig: Sendable, Equatable {
    public var messagesDays = 365.0
    public var dialogueDays = 30.0
    public var sweepIntervalSeconds = 3_600.0

    public init(messagesDays: Double = 365, dialogueDays: Double = 30, sweepIntervalSeconds: Double = 3_600) {
        self.messagesDays = messagesDays
        self.dialogueDays = dialogueDays
        self.sweepIntervalSeconds = sweepIntervalSeconds
    }

    public init(environment env: Environment) throws(ConfigError) {
        func days(_ key: String, _ fallback: Double) throws(ConfigError) -> Double {
            let value = try env.double(key, default: fallback)
            guard value.isFinite, (0...36_500).contains(value) else {
                throw ConfigError(setting: key, problem: "debe ser un número de días entre 0 y 36500")
            }
            return value
        }
        let interval = try env.double("RETENTION_SWEEP_INTERVAL_S", default: 3_600)
        guard interval.isFinite, (1...604_800).contains(interval) else {
            throw ConfigError(setting: "RETENTION_SWEEP_INTERVAL_S", problem: "debe estar entre 1 y 604800 segundos")
        }
        self.init(
            messagesDays: try days("MESSAGES_RETENTION_DAYS", 365),
            dialogueDays: try days("DIALOGUE_RETENTION_DAYS", 30),
            sweepIntervalSeconds: interval)
    }
}
