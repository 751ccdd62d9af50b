import CCurl
import Foundation
import Support
import Synchronization

/// `HTTPTransport` over libcurl's multi interface: every call of the process is a transfer
/// on one event-loop thread (`CurlMultiLoop`), so a slow outside API with hundreds of calls
/// in flight costs no thread per call. At most `maxConcurrent` calls of this transport are
/// in flight; later ones wait their turn (in arrival order) without a thread. The wait for
/// the answer is an outside wait: a job gives its CPU slot back meanwhile (`OutsideWait`).
///
/// `addresses` decides which IP addresses a call may connect to: curl hands every socket it
/// opens to a callback that sees the resolved address (`CURLOPT_OPENSOCKETFUNCTION`), so a
/// refused address is never connected, whatever name led to it (channel callbacks: public
/// addresses only unless an operator allows a network). With a restricted policy no proxy
/// from the environment is used and only http and https are spoken.
public final class CurlTransport: HTTPTransport {
    private static let globalInit: Bool = { vd_curl_global_init() == CURLE_OK }()

    private let gate: AsyncGate
    public let addresses: AddressPolicy

    public init(maxConcurrent: Int = 1024, addresses: AddressPolicy = .anything) {
        gate = AsyncGate(limit: maxConcurrent)
        self.addresses = addresses
        _ = Self.globalInit
    }

    public func send(_ request: OutboundRequest) async throws -> OutboundResponse {
        try await OutsideWait.around {
            await gate.enter()
            defer { gate.leave() }
            return try await withCheckedThrowingContinuation { continuation in
                do {
                    CurlMultiLoop.shared.submit(
                        try Self.prepare(request, addresses: addresses) { continuation.resume(with: $0) })
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// An easy handle set up for `request`; the body is copied into curl (COPYPOSTFIELDS).
    private static func prepare(
        _ request: OutboundRequest, addresses: AddressPolicy,
        done: @escaping @Sendable (Result<OutboundResponse, any Error>) -> Void
    ) throws -> CurlMultiLoop.Transfer {
        guard let handle = curl_easy_init() else { throw HTTPTransportError.connection("curl_easy_init falló") }
        let sink = CurlSink(limit: request.maxResponseBytes, addresses: addresses)
        var list: UnsafeMutablePointer<curl_slist>?
        for (name, value) in request.headers { list = curl_slist_append(list, "\(name): \(value)") }
        // An empty "Expect:" stops curl from waiting for "100 Continue" on larger bodies.
        list = curl_slist_append(list, "Expect:")
        let transfer = CurlMultiLoop.Transfer(handle: handle, headers: list, sink: sink, done: done)
        // The sink lives as long as the transfer, which the loop keeps until it finishes.
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()

        _ = vd_curl_setopt_string(handle, VD_CURLOPT_URL, request.url)
        _ = vd_curl_setopt_long(handle, VD_CURLOPT_NOSIGNAL, 1)
        _ = vd_curl_setopt_long(handle, VD_CURLOPT_TIMEOUT_MS, Self.milliseconds(request.timeout))
        _ = vd_curl_setopt_long(handle, VD_CURLOPT_CONNECTTIMEOUT_MS, min(Self.milliseconds(request.timeout), 10_000))
        _ = vd_curl_setopt_slist(handle, VD_CURLOPT_HTTPHEADER, list)
        if !addresses.allowsAll {
            _ = vd_curl_setopt_string(handle, VD_CURLOPT_PROTOCOLS_STR, "http,https")
            _ = vd_curl_setopt_string(handle, VD_CURLOPT_NOPROXY, "*")
            _ = vd_curl_setopt_pointer(handle, VD_CURLOPT_OPENSOCKETDATA, sinkPointer)
            _ = vd_curl_setopt_opensocket(handle) { user, _, address in
                guard let user, let address else { return VD_CURL_SOCKET_BAD }
                let sink = Unmanaged<CurlSink>.fromOpaque(user).takeUnretainedValue()
                var bytes = [UInt8](repeating: 0, count: 16)
                let count = Int(bytes.withUnsafeMutableBufferPointer { vd_curl_sockaddr_ip(address, $0.baseAddress) })
                let ip = Array(bytes.prefix(count))
                guard count > 0, sink.addresses.permits(ip) else {
                    if sink.refusedAddress == nil { sink.refusedAddress = count > 0 ? AddressPolicy.format(ip) : "?" }
                    return VD_CURL_SOCKET_BAD
                }
                return vd_curl_open_socket(address)
            }
        }
        _ = vd_curl_setopt_pointer(handle, VD_CURLOPT_WRITEDATA, sinkPointer)
        _ = vd_curl_setopt_write(
            handle, VD_CURLOPT_WRITEFUNCTION,
            { data, size, count, user in
                let sink = Unmanaged<CurlSink>.fromOpaque(user!).takeUnretainedValue()
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
                let sink = Unmanaged<CurlSink>.fromOpaque(user!).takeUnretainedValue()
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
        if let body = request.body ?? (request.method == "POST" ? [] : nil) {
            _ = vd_curl_setopt_off(handle, VD_CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            body.withUnsafeBufferPointer { buffer in
                // COPYPOSTFIELDS copies POSTFIELDSIZE bytes (an empty body needs a valid pointer).
                let empty: [UInt8] = [0]
                empty.withUnsafeBufferPointer { zero in
                    _ = vd_curl_setopt_pointer(
                        handle, VD_CURLOPT_COPYPOSTFIELDS,
                        UnsafeMutableRawPointer(mutating: buffer.baseAddress ?? zero.baseAddress))
                }
            }
        }
        return transfer
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let parts = duration.components
        let seconds = min(max(parts.seconds, 0), 1 << 31)
        return max(1, Int(seconds) * 1000 + Int(parts.attoseconds / 1_000_000_000_000_000))
    }
}
