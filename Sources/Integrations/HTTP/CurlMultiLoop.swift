import CCurl
import Foundation
import Support

#if canImport(Glibc)
    import Glibc
#endif

/// One thread that drives every libcurl transfer of the process through the multi interface
/// (`curl_multi_socket_action` over epoll): hundreds of calls in flight (a slow model) cost
/// sockets and handles, not threads. Requests are handed in from any thread and the loop is
/// woken through an eventfd; curl says which sockets to watch (socket callback) and when it
/// needs a timeout call (timer callback). A finished transfer resumes its caller.
final class CurlMultiLoop: @unchecked Sendable {
    static let shared = CurlMultiLoop()

    /// A transfer being set up or in flight, owned by the loop thread once added.
    final class Transfer {
        let handle: UnsafeMutableRawPointer
        var headers: UnsafeMutablePointer<curl_slist>?
        let sink: CurlSink
        let done: @Sendable (Result<OutboundResponse, any Error>) -> Void

        init(
            handle: UnsafeMutableRawPointer, headers: UnsafeMutablePointer<curl_slist>?, sink: CurlSink,
            done: @escaping @Sendable (Result<OutboundResponse, any Error>) -> Void
        ) {
            self.handle = handle
            self.headers = headers
            self.sink = sink
            self.done = done
        }
    }

    private let multi: UnsafeMutableRawPointer
    private let epoll: Int32
    private let wakeFD: Int32
    private let lock = NSLock()
    private var submitted: [Transfer] = []
    /// Loop thread only.
    private var active: [UnsafeMutableRawPointer: Transfer] = [:]
    private var timerDeadline: UInt64?

    private init() {
        multi = curl_multi_init()!
        epoll = vd_epoll_create()
        wakeFD = vd_eventfd()
        _ = vd_epoll_watch(epoll, wakeFD, 1, 0)
        let me = Unmanaged.passUnretained(self).toOpaque()
        _ = vd_curlm_set_socket_callback(
            multi,
            { _, socket, what, user, _ in
                Unmanaged<CurlMultiLoop>.fromOpaque(user!).takeUnretainedValue().watch(socket, what)
                return 0
            }, me)
        _ = vd_curlm_set_timer_callback(
            multi,
            { _, timeoutMs, user in
                let loop = Unmanaged<CurlMultiLoop>.fromOpaque(user!).takeUnretainedValue()
                loop.timerDeadline = timeoutMs < 0 ? nil : CurlMultiLoop.nowMs() + UInt64(timeoutMs)
                return 0
            }, me)
        // Idle connections kept for reuse (a model server is called again and again).
        _ = vd_curlm_setopt_long(multi, VD_CURLMOPT_MAXCONNECTS, 1024)
        NamedThread.start("vendedor-curl") { [self] in run() }
    }

    /// Hands a prepared transfer to the loop (any thread).
    func submit(_ transfer: Transfer) {
        lock.withLock { submitted.append(transfer) }
        vd_eventfd_signal(wakeFD)
    }

    private static func nowMs() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1000 + UInt64(time.tv_nsec) / 1_000_000
    }

    /// Socket callback: start, change or stop watching a socket.
    private func watch(_ socket: curl_socket_t, _ what: Int32) {
        if what == VD_CURL_POLL_REMOVE {
            _ = vd_epoll_forget(epoll, socket)
            return
        }
        let reads: Int32 = what == VD_CURL_POLL_IN || what == VD_CURL_POLL_INOUT ? 1 : 0
        let writes: Int32 = what == VD_CURL_POLL_OUT || what == VD_CURL_POLL_INOUT ? 1 : 0
        _ = vd_epoll_watch(epoll, socket, reads, writes)
    }

    private func run() {
        var fds = [Int32](repeating: 0, count: 256)
        var masks = [Int32](repeating: 0, count: 256)
        var running: Int32 = 0
        while true {
            var timeout: Int32 = 1000
            if let deadline = timerDeadline {
                let now = Self.nowMs()
                timeout = deadline <= now ? 0 : Int32(min(deadline - now, 1000))
            }
            let count = vd_epoll_wait_curl(epoll, &fds, &masks, 256, timeout)
            if count > 0 {
                for index in 0..<Int(count) {
                    if fds[index] == wakeFD {
                        vd_eventfd_drain(wakeFD)
                        addSubmitted()
                    } else {
                        _ = curl_multi_socket_action(multi, fds[index], masks[index], &running)
                    }
                }
            }
            if let deadline = timerDeadline, deadline <= Self.nowMs() {
                timerDeadline = nil
                _ = curl_multi_socket_action(multi, VD_CURL_SOCKET_TIMEOUT, 0, &running)
            }
            collectFinished()
        }
    }

    private func addSubmitted() {
        let batch = lock.withLock {
            defer { submitted.removeAll(keepingCapacity: true) }
            return submitted
        }
        for transfer in batch {
            active[transfer.handle] = transfer
            if curl_multi_add_handle(multi, transfer.handle) != CURLM_OK {
                active[transfer.handle] = nil
                finish(transfer, code: CURLE_FAILED_INIT)
            }
        }
    }

    private func collectFinished() {
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            var code = CURLE_OK
            guard let handle = vd_curl_msg_done(message, &code) else { continue }
            curl_multi_remove_handle(multi, handle)
            if let transfer = active.removeValue(forKey: handle) { finish(transfer, code: code) }
        }
    }

    private func finish(_ transfer: Transfer, code: CURLcode) {
        let result: Result<OutboundResponse, any Error>
        if transfer.sink.overflow {
            result = .failure(HTTPTransportError.responseTooLarge)
        } else if let refused = transfer.sink.refusedAddress, code != CURLE_OK {
            result = .failure(HTTPTransportError.addressRefused(refused))
        } else if code == CURLE_OPERATION_TIMEDOUT {
            result = .failure(HTTPTransportError.timeout)
        } else if code != CURLE_OK {
            result = .failure(HTTPTransportError.connection(String(cString: curl_easy_strerror(code))))
        } else {
            var status = 0
            _ = vd_curl_getinfo_long(transfer.handle, VD_CURLINFO_RESPONSE_CODE, &status)
            result = .success(
                OutboundResponse(status: status, headers: transfer.sink.headers, body: transfer.sink.body))
        }
        curl_slist_free_all(transfer.headers)
        curl_easy_cleanup(transfer.handle)
        transfer.done(result)
    }
}

/// Collects the body and headers curl hands to its callbacks.
final class CurlSink {
    var body: [UInt8] = []
    var headers: [String: String] = [:]
    var limit: Int
    var overflow = false
    /// The addresses a transfer may connect to, and the first one it refused.
    let addresses: AddressPolicy
    var refusedAddress: String?

    init(limit: Int, addresses: AddressPolicy = .anything) {
        self.limit = limit
        self.addresses = addresses
    }
}
