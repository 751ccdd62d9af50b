import Foundation
import Testing

@testable import Shop

/// `vendedor-enqueuer user create --role admin|operador --name NAME --password-stdin`, the
/// exact form scripts use, run as a process with the password on standard input, then
/// `user disable` / `user enable`, on each engine `DATABASE_URL` can name.
@Suite("Console: vendedor-enqueuer user create, disable, enable")
struct UserCommandTests {
    func run(_ shell: String, in directory: URL, databaseURL: String) async throws -> (
        status: Int32?, output: String
    ) {
        let output = directory.appendingPathComponent("salida-\(UUID().uuidString.prefix(6)).txt").path
        let process = try ChildProcess(
            path: "/bin/sh", arguments: ["-c", shell],
            environment: [
                "DATABASE_URL": databaseURL,
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            ], outputPath: output)
        let status = await process.waitForExit(timeout: .seconds(60))
        return (status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
    }

    @Test(arguments: TestEngine.allCases)
    func createsAUserWhosePasswordCameOnStandardInputThenDisablesIt(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let database = test.store
            let directory = TestPaths.temporaryDirectory("usuarios")
            func run(_ shell: String) async throws -> (status: Int32?, output: String) {
                try await self.run(shell, in: directory, databaseURL: test.urlText)
            }
            let binary = TestPaths.binDir.appendingPathComponent("vendedor-enqueuer").path
            let create =
                "printf 'una clave larga\\n' | '\(binary)' user create --role admin --name gerente --password-stdin --bcrypt-cost 4"
            let first = try await run(create)
            #expect(first.status == 0, "\(first.output)")
            #expect(first.output.contains("Usuario gerente creado con rol admin"))
            #expect(!first.output.contains("una clave larga"))

            let user = try #require(try await database.staffUser(name: "GERENTE"))
            #expect(user.role == .admin)
            #expect(user.active)
            #expect(user.passwordHash.hasPrefix("$2"))
            #expect(PasswordHash.verify("una clave larga", hash: user.passwordHash))
            #expect(!PasswordHash.verify("una clave larga\n", hash: user.passwordHash))
            #expect(try await database.auditPage().entries.first?.action == "usuario.crear")

            let again = try await run(create)
            #expect(again.status == 1)
            #expect(again.output.contains("Ya existe el usuario gerente"))
            let short = try await run(
                "printf 'corta' | '\(binary)' user create --role operador --name luisa --password-stdin --bcrypt-cost 4"
            )
            #expect(short.status != 0)
            #expect(short.output.contains("La clave debe tener entre 8 y 72 bytes"))
            let noStdin = try await run("'\(binary)' user create --role operador --name luisa")
            #expect(noStdin.status != 0)
            let badRole = try await run(
                "printf 'una clave larga' | '\(binary)' user create --role canal --name luisa --password-stdin")
            #expect(badRole.status != 0)
            #expect(try await database.staffUser(name: "luisa") == nil)

            let disable = try await run("'\(binary)' user disable --name Gerente")
            #expect(disable.status == 0, "\(disable.output)")
            #expect(disable.output.contains("Usuario gerente desactivado"))
            #expect(try await database.staffUser(name: "gerente")?.active == false)
            #expect(try await database.auditPage().entries.first?.action == "usuario.desactivar")
            let unknown = try await run("'\(binary)' user disable --name nadie")
            #expect(unknown.status == 1)
            #expect(unknown.output.contains("nadie"))
            #expect(try await run("'\(binary)' user disable --name 'a b'").status != 0)
            #expect(try await run("'\(binary)' user enable --name gerente").status == 0)
            #expect(try await database.staffUser(name: "gerente")?.active == true)
        }
    }
}
