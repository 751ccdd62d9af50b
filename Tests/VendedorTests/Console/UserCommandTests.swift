import Foundation
import Testing

@testable import Shop

/// `vendedor-enqueuer user create --role admin|operador --name NAME --password-stdin`, the
/// exact form scripts use, run as a process with the password on standard input.
@Suite("Console: vendedor-enqueuer user create")
struct UserCommandTests {
    func run(_ shell: String, in directory: URL) async throws -> (status: Int32?, output: String) {
        let output = directory.appendingPathComponent("salida-\(UUID().uuidString.prefix(6)).txt").path
        let process = try ChildProcess(
            path: "/bin/sh", arguments: ["-c", shell],
            environment: [
                "DATABASE_URL": "sqlite:///" + directory.appendingPathComponent("app.db").path,
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            ], outputPath: output)
        let status = await process.waitForExit(timeout: .seconds(60))
        return (status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
    }

    @Test func createsAUserWhosePasswordCameOnStandardInput() async throws {
        let directory = TestPaths.temporaryDirectory("usuarios")
        let binary = TestPaths.binDir.appendingPathComponent("vendedor-enqueuer").path
        let create =
            "printf 'una clave larga\\n' | '\(binary)' user create --role admin --name gerente --password-stdin --bcrypt-cost 4"
        let first = try await run(create, in: directory)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("Usuario gerente creado con rol admin"))
        #expect(!first.output.contains("una clave larga"))

        let database = try AppDatabase.open(path: directory.appendingPathComponent("app.db").path)
        let user = try #require(try database.staffUser(name: "GERENTE"))
        #expect(user.role == .admin)
        #expect(user.passwordHash.hasPrefix("$2"))
        #expect(PasswordHash.verify("una clave larga", hash: user.passwordHash))
        #expect(!PasswordHash.verify("una clave larga\n", hash: user.passwordHash))
        #expect(try database.auditPage().entries.first?.action == "usuario.crear")

        let again = try await run(create, in: directory)
        #expect(again.status == 1)
        #expect(again.output.contains("Ya existe el usuario gerente"))
        let short = try await run(
            "printf 'corta' | '\(binary)' user create --role operador --name luisa --password-stdin --bcrypt-cost 4",
            in: directory)
        #expect(short.status != 0)
        #expect(short.output.contains("La clave debe tener entre 8 y 72 bytes"))
        let noStdin = try await run("'\(binary)' user create --role operador --name luisa", in: directory)
        #expect(noStdin.status != 0)
        let badRole = try await run(
            "printf 'una clave larga' | '\(binary)' user create --role canal --name luisa --password-stdin",
            in: directory)
        #expect(badRole.status != 0)
        #expect(try database.staffUser(name: "luisa") == nil)
    }
}
