import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FrontEnd
@testable import Integrations
@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Workers

/// Found by reading (issue 16): a channel's callback URL could point at loopback, the private
/// network or the cloud metadata address (SSRF). Now such URLs are refused at registration,
/// and the callbacks' transport checks the address it actually connects to (after DNS), so
/// a public-looking name that resolves to a private address is refused too; an operator may
/// allow networks with `CALLBACK_ALLOWED_NETWORKS`.
@Suite("Security: channel callbacks reach only public addresses")
struct CallbackAddressTests {
    static let refused = [
        "http://127.0.0.1:8001/x", "http://[::1]/x", "http://169.254.169.254/latest/meta-data", "http://10.0.0.5/x",
        "http://192.168.1.1/x", "http://172.16.3.4/x", "http://localhost:8080/x", "http://api.localhost/x",
        "http://[::ffff:127.0.0.1]/x", "http://0.0.0.0/x", "http://[fd00::1]/x", "http://[fe80::1]/x",
        "http://100.64.0.1/x",
    ]

    @Test func privateAndLocalCallbackURLsAreRefusedAtRegistration() async throws {
        try await SecurityHarness.run { h, client in
            for url in Self.refused {
                let body = try JSONSerialization.data(withJSONObject: ["callback_url": url])
                let response = try await client.execute(
                    uri: "/admin/canales/widget", method: .put, headers: h.headers(.admin, "jefe"),
                    body: ByteBuffer(bytes: body))
                #expect(response.status == .unprocessableContent, "\(url)")
                #expect(String(buffer: response.body).contains("callback_url"))
            }
            let body = try JSONSerialization.data(withJSONObject: ["callback_url": "https://tienda.example.com/r"])
            let fine = try await client.execute(
                uri: "/admin/canales/widget", method: .put, headers: h.headers(.admin, "jefe"),
                body: ByteBuffer(bytes: body))
            #expect(fine.status == .ok)
        }
        let allowed = try #require(AddressPolicy(parsing: "127.0.0.0/8, 10.0.0.5"))
        try await SecurityHarness.run(addresses: allowed) { h, client in
            for url in ["http://127.0.0.1:8001/x", "http://10.0.0.5/x", "http://localhost:9/x"] {
                let body = try JSONSerialization.data(withJSONObject: ["callback_url": url])
                let response = try await client.execute(
                    uri: "/admin/canales/widget", method: .put, headers: h.headers(.admin, "jefe"),
                    body: ByteBuffer(bytes: body))
                #expect(response.status == .ok, "allowed by the operator: \(url)")
            }
        }
    }

    @Test func theTransportChecksTheResolvedAddressWhenItConnects() async throws {
        try await FakeAPIServer.run({ server in
            server.route("POST", "/r") { _ in .json("{}") }
        }) { server in
            let port = try #require(URL(string: server.baseURL)?.port)
            let publicOnly = CurlTransport(addresses: .publicOnly)
            // A name, not a literal: only the resolved address tells it is this machine.
            for url in ["http://localhost:\(port)/r", "http://127.0.0.1:\(port)/r"] {
                await #expect(throws: HTTPTransportError.self) {
                    _ = try await publicOnly.send(OutboundRequest(method: "POST", url: url, body: []))
                }
                do {
                    _ = try await publicOnly.send(OutboundRequest(method: "POST", url: url, body: []))
                } catch let error as HTTPTransportError {
                    if case .addressRefused = error {} else { Issue.record("\(url): \(error)") }
                }
            }
            #expect(server.requests(matching: "/r").isEmpty, "nothing reached the private address")
            let allowed = CurlTransport(addresses: try #require(AddressPolicy(parsing: "127.0.0.1/32, ::1")))
            let response = try await allowed.send(
                OutboundRequest(method: "POST", url: "http://127.0.0.1:\(port)/r", body: []))
            #expect(response.status == 200)
        }
    }

    @Test func aDeliveryToAPrivateCallbackFailsWithoutBeingSent() async throws {
        try await TelegramHarness.run { harness in
            try await FakeAPIServer.run({ receiver in
                receiver.route("POST", "/retorno") { _ in .json("{}") }
            }) { receiver in
                // Stored directly (as before this fix, or by hand): the worker refuses it anyway.
                _ = try harness.database.setChannelCallback(
                    subject: "widget", callbackURL: receiver.baseURL + "/retorno")
                var delivery = harness.delivery()
                delivery.callback = ReplyCallback(transport: CurlTransport(addresses: CallbackConfig().addresses))
                let id = try await harness.fixture.jobs.enqueue(
                    DeliverReplyJob(chatId: "h:widget:x", channel: .http, text: "hola", owner: "widget")
                ).id
                let worker = try harness.worker(["entregas"], delivery: delivery)
                let status = try await harness.fixture.waitFor(id, state: .failed)
                await worker.stop()
                #expect(status?.error?.contains("no está permitida") == true, "\(String(describing: status?.error))")
                #expect(receiver.requests(matching: "/retorno").isEmpty)
            }
        }
    }

    @Test func publicAddressesAreTold() {
        for text in ["8.8.8.8", "2001:4860:4860::8888", "1.1.1.1"] {
            #expect(AddressPolicy.isPublic(AddressPolicy.parse(text)!), "\(text)")
        }
        for text in ["127.0.0.1", "::1", "10.1.2.3", "169.254.169.254", "::ffff:10.0.0.1", "64:ff9b::a00:1", "fc00::1"]
        {
            #expect(!AddressPolicy.isPublic(AddressPolicy.parse(text)!), "\(text)")
        }
        #expect(AddressPolicy(parsing: "10.0.0.0/33") == nil)
        #expect(AddressPolicy(parsing: "no es una red") == nil)
    }
}
