import Foundation
import Testing

@testable import Support

@Suite("NamedThread: the OS sees the thread's name")
struct NamedThreadTests {
    @Test func theKernelShowsTheNameCutTo15Bytes() async {
        let seen = await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            NamedThread.start("redis-vendedor-prueba") {
                let comm = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
                continuation.resume(returning: comm.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        #expect(seen == "redis-vendedor-")
    }
}
