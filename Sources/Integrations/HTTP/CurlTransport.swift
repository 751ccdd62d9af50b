import CCurl
import Foundation
import Support
import Synchronization

/// `HTTPTransport` over libcurl. `curl_easy_perform` blocks, so each call runs on a
/// `BlockingPool` thread (never on Swift's cooperative pool, nor on GCD's, which on Linux is
/// the same), at most `maxConcurrent` at a time.
///
/// `addresses` decides which IP addresses a call may connect to: curl hands every socket it
/// opens to a callback that sees the resolved address (`CURLOPT_OPENSOCKETFUNCTION`), so a
/// refused address is never connected, whatever name led to it (channel callbacks: public
/// addresses only unless an operator allows a network). With a restricted policy no proxy
/// from the environment is used and only http and https are spoken.
public final class CurlTransport: HTTPTransport {
    private static let globalInit: Bool = { vd_curl_global_init() == CURLE_OK }()

    private let gate: DispatchSemaphore
    public let addresses: AddressPolicy

    public init(maxConcurrent: Int = 16, addresses: AddressPolicy = .anything) {
        gate = DispatchSemaphore(value: maxConcurrent)
        self.addresses = addresses
        _ = Self.globalInit
    }

    public func send(_ request: OutboundRequest) async throws -> OutboundResponse {
        try await withCheckedThrowingContinuation { continuation in
            BlockingPool.shared.submit { [gate, addresses] in
                gate.wait()
                defer { gate.signal() }
                continuation.resume(with: Result { try Self.perform(request, addresses: addresses) })
            }
        }
    }

    /// Collects the body and headers curl hands to its callbacks.
    private final class Sink {
        var body: [UInt8] = []
        var headers: [String: String] = [:]
        var limit: Int
        var overflow = false

        init(limit: Int) { self.limit = limit }
    }

    /// What the socket callback needs: the policy, and the first address it refused.
    private final class SocketGuard {
        let policy: AddressPolicy
        var refused: String?

        init(policy: AddressPolicy) { self.policy = policy }
    }

    private static func perform(_ request: OutboundRequest, addresses: AddressPolicy) throws -> OutboundResponse {
        guard let handle = curl_easy_init() else { throw HTTPTransportError.connection("curl_easy_init falló") }
        defer { curl_easy_cleanup(handle) }
        let sink = Sink(limit: request.maxResponseBytes)
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        var list: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(list) }
        for (name, value) in request.headers { list = curl_slist_append(list, "\(name): \(value)") }
        // An empty "Expect:" stops curl from waiting for "100 Continue" on larger bodies.
        list = curl_slist_append(list, "Expect:")

        _ = vd_curl_setopt_string(handle, VD_CURLOPT_URL, request.url)
        _ = vd_curl_setopt_long(handle, VD_CURLOPT_NOSIGNAL, 1)
        _ = vd_curl_setopt_long(handle, VD_CURLOPT_TIMEOUT_MS, Self.milliseconds(request.timeout))
        _ = vd_curl_setopt_long(handle, VD_CURLOPT_CONNECTTIMEOUT_MS, min(Self.milliseconds(request.timeout), 10_000))
        _ = vd_curl_setopt_slist(handle, VD_CURLOPT_HTTPHEADER, list)
        let socketGuard = SocketGuard(policy: addresses)
        if !addresses.allowsAll {
            _ = vd_curl_setopt_string(handle, VD_CURLOPT_PROTOCOLS_STR, "http,https")
            _ = vd_curl_setopt_string(handle, VD_CURLOPT_NOPROXY, "*")
            _ = vd_curl_setopt_pointer(
                handle, VD_CURLOPT_OPENSOCKETDATA, Unmanaged.passUnretained(socketGuard).toOpaque())
            _ = vd_curl_setopt_opensocket(handle) { user, _, address in
                guard let user, let address else { return VD_CURL_SOCKET_BAD }
                let socketGuard = Unmanaged<SocketGuard>.fromOpaque(user).takeUnretainedValue()
                var bytes = [UInt8](repeating: 0, count: 16)
                let count = Int(bytes.withUnsafeMutableBufferPointer { vd_curl_sockaddr_ip(address, $0.baseAddress) })
                let ip = Array(bytes.prefix(count))
                guard count > 0, socketGuard.policy.permits(ip) else {
                    if socketGuard.refused == nil { socketGuard.refused = count > 0 ? AddressPolicy.format(ip) : "?" }
                    return VD_CURL_SOCKET_BAD
                }
                return vd_curl_open_socket(address)
            }
        }
        _ = vd_curl_setopt_pointer(handle, VD_CURLOPT_WRITEDATA, sinkPointer)
        _ = vd_curl_setopt_write(
            handle, VD_CURLOPT_WRITEFUNCTION,
            { data, size, count, user in
                let sink = Unmanaged<Sink>.fromOpaque(user!).takeUnretainedValue()
                let length = size * count
                if sink.body.count + length > sink.limit {
                    sink.overflow = true
                    return 0
                }
                data.map { sink.body.append(contentsOf: UnsafeRawBufferPointer(start: $0, count: length)) }
                return length
            })
        _ = vd_curl_setopt_pointer(handle, VD_CURLOPT_HEADERDATA, sinkPointer)
        _ = vd_curl_setopt_write(
            handle, VD_CURLOPT_HEADERFUNCTION,
            { data, size, count, user in
                let sink = Unmanaged<Sink>.fromOpaque(user!).takeUnretainedValue()
                let length = size * count
                if let data {
                    let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
                    if line.hasPrefix("HTTP/") {
                        sink.headers.removeAll()  // a new response (after a redirect or 100)
                    } else if let colon = line.firstIndex(of: ":") {
                        let name = line[..<colon].lowercased()
                        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
                        sink.headers[name] = value
                    }
                }
                return length
            })
        switch request.method {
        case "GET": _ = vd_curl_setopt_long(handle, VD_CURLOPT_HTTPGET, 1)
        case "POST": _ = vd_curl_setopt_long(handle, VD_CURLOPT_POST, 1)
        default: _ = vd_curl_setopt_string(handle, VD_CURLOPT_CUSTOMREQUEST, request.method)
        }
        let body = request.body ?? (request.method == "POST" ? [] : nil)
        let code: CURLcode =
            body.map { bytes in
                bytes.withUnsafeBufferPointer { buffer in
                    _ = vd_curl_setopt_off(handle, VD_CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(buffer.count))
                    _ = vd_curl_setopt_pointer(
                        handle, VD_CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress))
                    return curl_easy_perform(handle)
                }
            } ?? curl_easy_perform(handle)

        if sink.overflow { throw HTTPTransportError.responseTooLarge }
        if let refused = socketGuard.refused, code != CURLE_OK {
            throw HTTPTransportError.addressRefused(refused)
        }
        guard code == CURLE_OK else {
            if code == CURLE_OPERATION_TIMEDOUT { throw HTTPTransportError.timeout }
            throw HTTPTransportError.connection(String(cString: curl_easy_strerror(code)))
        }
        var status = 0
        _ = vd_curl_getinfo_long(handle, VD_CURLINFO_RESPONSE_CODE, &status)
        return OutboundResponse(status: status, headers: sink.headers, body: sink.body)
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let parts = duration.components
        let seconds = min(max(parts.seconds, 0), 1 << 31)
        return max(1, Int(seconds) * 1000 + Int(parts.attoseconds / 1_000_000_000_000_000))
    }
}
