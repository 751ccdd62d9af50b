import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FrontEnd
@testable import Shop

/// The console reads query strings, path ids and form numbers from staff browsers: each is
/// bounded like the API's (one shared paging parser), answers a 4xx, never traps and never
/// writes a half-read value.
@Suite("Security: the console's query strings, ids and numbers")
struct ConsoleHostileInputTests {
    @Test func everyPagedConsolePageAnswers400ToAnUnboundedNumber() async throws {
        try await CommerceHarness.run { h, client in
            try ConsoleClient.createUser(h, "jefa", .admin)
            var console = ConsoleClient(h, client)
            try await console.login("jefa")
            for route in [
                "/consola/conversaciones", "/consola/pedidos", "/consola/clientes", "/consola/catalogo",
                "/consola/auditoria",
            ] {
                for query in PagingBoundsTests.hostile {
                    let status = try await console.page(route + "?" + query).status
                    #expect(status == .badRequest, "\(route)?\(query): \(status)")
                }
                // The process is still answering.
                #expect(try await console.page(route).status == .ok, "\(route)")
            }
        }
    }

    @Test func anOversizedOrMalformedPriceIsRefusedAndNothingIsWritten() async throws {
        try await CommerceHarness.run { h, client in
            try ConsoleClient.createUser(h, "jefa", .admin)
            var console = ConsoleClient(h, client)
            try await console.login("jefa")
            let before = try #require(try h.database.product(id: 2))
            for price in [
                "99999999999999999999999", "-5", "1e9", "٣٤٥", "45.000,5", String(repeating: "9", count: 5000),
            ] {
                let status = try await console.post("/consola/catalogo/productos/2", [("precio", price)]).status
                #expect((400..<500).contains(status.code), "\(price.prefix(30)): \(status)")
            }
            #expect(try h.database.product(id: 2)?.price == before.price)
        }
    }

    @Test func oversizedAndUnknownIdsInConsolePathsAre4xx() async throws {
        try await CommerceHarness.run { h, client in
            try ConsoleClient.createUser(h, "ana", .operator)
            var console = ConsoleClient(h, client)
            try await console.login("ana")
            for uri in [
                "/consola/conversaciones/" + String(repeating: "x", count: 5000),
                "/consola/pedidos/9223372036854775807", "/consola/pedidos/-1", "/consola/pedidos/abc",
                "/consola/clientes/" + String(repeating: "1", count: 400),
                "/consola/trabajos/no-es-un-id", "/consola/blobs/..%2F..%2Fetc%2Fpasswd",
            ] {
                let status = try await console.page(uri).status
                #expect((400..<500).contains(status.code), "\(uri.prefix(60)): \(status)")
            }
        }
    }
}
