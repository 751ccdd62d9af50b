import Support
import Synchronization

/// The CPU side of a queue whose outside waits do not hold a slot (`cpu_concurrency` below
/// `concurrency`): at most `capacity` of its jobs do CPU work at once; a job waiting on an
/// outside call (`OutsideWait.around`) gives its slot back and queues for one again after.
/// The counters say where a slow queue's jobs are (`GET /admin/colas`).
final class CPUSlots: OutsideWait.Hook {
    let slots: AsyncGate
    private let outside = Atomic<Int>(0)
    private let permitWaiters = Atomic<Int>(0)

    init(capacity: Int) {
        slots = AsyncGate(limit: capacity)
    }

    func leave() {
        outside.add(1, ordering: .relaxed)
        slots.leave()
    }

    func reenter() async {
        await slots.enter()
        outside.subtract(1, ordering: .relaxed)
    }

    func waitingForPermit(_ delta: Int) {
        permitWaiters.add(delta, ordering: .relaxed)
    }

    /// Runs a job's handler in a CPU slot, with this hook for its outside waits.
    func run<T: Sendable>(_ body: () async -> T) async -> T {
        await slots.enter()
        let result = await OutsideWait.$hook.withValue(self) { await body() }
        slots.leave()
        return result
    }

    /// True while a job waits for a CPU slot or a provider's permit: the queue then takes no
    /// more jobs, so a saturated provider or CPU leaves them in Redis, not in memory.
    var isBackedUp: Bool { slots.waiting > 0 || permitWaiters.load(ordering: .relaxed) > 0 }

    var phases: WorkPhases {
        WorkPhases(
            cpuBusy: slots.inUse, waitingForCPU: slots.waiting, outside: outside.load(ordering: .relaxed),
            waitingForPermit: permitWaiters.load(ordering: .relaxed))
    }
}
