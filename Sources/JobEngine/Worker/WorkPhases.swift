/// Where one process's jobs of a queue are: doing CPU work, waiting for a CPU slot, in an
/// outside call, waiting for a provider's permit (part of `outside`).
public struct WorkPhases: Sendable, Equatable, Codable {
    public var cpuBusy = 0
    public var waitingForCPU = 0
    public var outside = 0
    public var waitingForPermit = 0

    public init(cpuBusy: Int = 0, waitingForCPU: Int = 0, outside: Int = 0, waitingForPermit: Int = 0) {
        self.cpuBusy = cpuBusy
        self.waitingForCPU = waitingForCPU
        self.outside = outside
        self.waitingForPermit = waitingForPermit
    }

    /// As the heartbeat stores it: "cpu,esperando_cpu,fuera,esperando_permiso".
    var field: String { "\(cpuBusy),\(waitingForCPU),\(outside),\(waitingForPermit)" }

    init?(field: String) {
        let parts = field.split(separator: ",").compactMap { Int($0) }
        guard parts.count == 4 else { return nil }
        self.init(cpuBusy: parts[0], waitingForCPU: parts[1], outside: parts[2], waitingForPermit: parts[3])
    }

    static func + (a: WorkPhases, b: WorkPhases) -> WorkPhases {
        WorkPhases(
            cpuBusy: a.cpuBusy + b.cpuBusy, waitingForCPU: a.waitingForCPU + b.waitingForCPU,
            outside: a.outside + b.outside, waitingForPermit: a.waitingForPermit + b.waitingForPermit)
    }
}

extension WorkPhases {
    enum CodingKeys: String, CodingKey {
        case cpuBusy = "en_cpu"
        case waitingForCPU = "esperando_cpu"
        case outside = "en_llamadas_externas"
        case waitingForPermit = "esperando_permiso"
    }
}

extension WorkPhases {
    /// The worker heartbeat's field with a queue's phases.
    static func heartbeatField(_ queue: String) -> String { "fases:\(queue)" }
}
