import CCurl
import Foundation
import Support
import Synchronization

/// `HTTPTransport` over libcurl's multi interface: every call of the process is a transfer
/// on one event-loop thread (`CurlMultiLoop`), so a slow outside API with hundreds of calls
/// in flight costs no thread per call. At most `maxConcurrent` calls of this transport are
/// in flight; later ones wait their turn (in arrival order) without a thread. The wait for
/// the answer is an outside wait: a job gives its CPU slot back meanwhile (`OutsideWait`).
public final class CurlTransport: HTTPTransport {
    private static let globalInit: Bool = { vd_curl_global_init() == CURLE_OK }()

    private let gate: AsyncGate

    public init(maxConcurrent: Int = 1024) {
        gate = AsyncGate(limit: maxConcurrent)
        _ = Self.globalInit
    }

    public func send(_ request: OutboundRequest) async throws -> OutboundResponse {
        try await OutsideWait.around {
            await gate.enter()
            defer { gate.leave() }
            return try await withCheckedThrowingContinuation { continuation in
                do {
                    CurlMultiLoop.shared.submit(try Self.prepare(request) { continuation.resume(with: $0) })
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// An easy handle set up for `request`; the body is copied into curl (COPYPOSTFIELDS).
    private static func prepare(
        _ request: OutboundRequest, done: @escaping @Sendable (Result<OutboundResponse, any Error>) -> Void
    ) throws -> CurlMultiLoop.Transfer {
        guard let handle = curl_easy_init() else { throw HTTPTransportError.connection("curl_easy_init falló") }
        let sink = CurlSink(limit: request.maxResponseBytes)
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
        return max(1, Int(parts.seconds) * 1000 + Int(parts.attoseconds / 1_000_000_000_000_000))
    }
}

