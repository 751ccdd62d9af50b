import Foundation

/// Starts a thread of its own whose name the OS shows (`/proc/<pid>/task/*/comm`, `top -H`,
/// perf). Foundation's `Thread.name` does not reach the OS thread on Linux: threads started
/// from the cooperative pool showed up as "…root.default-qos", which hid them in profiles.
package enum NamedThread {
    package static func start(_ name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            // Linux keeps at most 15 bytes of a thread's name; /proc/thread-self/comm sets it
            // for the calling thread (pthread_setname_np is not exported to Swift here).
            let short = String(decoding: name.utf8.prefix(15), as: UTF8.self)
            try? short.write(toFile: "/proc/thread-self/comm", atomically: false, encoding: .utf8)
            body()
        }
        thread.name = name
        thread.start()
    }
}
