// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// The vector kernel is compiled for the widest SIMD of the machine that builds it (ops/run,
/// ops/test and ops/bench build where they run): AVX-512 (16 lanes), else AVX2 + FMA (8
/// lanes), else portable SIMD. VENDEDOR_PORTABLE_SIMD=1 forces the portable build. At run
/// time the kernel checks the CPU has what it was built for (`InnerProductKernel.isSupported`).
let vectorKernelSettings: [SwiftSetting] = {
    if ProcessInfo.processInfo.environment["VENDEDOR_PORTABLE_SIMD"] == "1" { return [] }
    #if arch(x86_64) && os(Linux)
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let line = info.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
        let flags = Set(line.split(separator: " ").map(String.init))
        if ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl", "avx2", "fma"].allSatisfy(flags.contains) {
            return [.unsafeFlags(["-Xcc", "-march=x86-64-v4"]), .define("VECTOR_FMA"), .define("VECTOR_WIDE")]
        }
        if ["avx2", "fma", "bmi2"].allSatisfy(flags.contains) {
            return [.unsafeFlags(["-Xcc", "-march=x86-64-v3"]), .define("VECTOR_FMA")]
        }
        return []
    #elseif arch(arm64)
        return [.define("VECTOR_FMA")]
    #else
        return []
    #endif
}()

let package = Package(
    name: "Vendedor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vendedor-enqueuer", targets: ["vendedor-enqueuer"]),
        .executable(name: "vendedor-workers", targets: ["vendedor-workers"]),
        .executable(name: "vendedor-bench", targets: ["vendedor-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3"),
    ],
    targets: [
        // C libraries.
        .systemLibrary(name: "CHiredis", pkgConfig: "hiredis", providers: [.apt(["libhiredis-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "VectorKernel", swiftSettings: vectorKernelSettings),

        // Layers, bottom up. Each may use only the ones listed as its dependencies.
        .target(
            name: "Support",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ]),
        .target(name: "SpanishText", dependencies: ["Support"]),
        .target(
            name: "JobEngine",
            dependencies: [
                "Support", "CHiredis",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(
            name: "Shop",
            dependencies: [
                "Support", "SpanishText",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]),
        .target(
            name: "Integrations",
            dependencies: [
                "Support", "CCurl",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(
            name: "Assistant",
            dependencies: [
                "Support", "SpanishText", "Shop", "Integrations", "VectorKernel",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "Pipeline",
            dependencies: [
                "Support", "JobEngine", "Shop", "Integrations",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ]),

        // The two processes, as libraries the executables and the tests build.
        .target(
            name: "FrontEnd",
            dependencies: [
                "Support", "SpanishText", "JobEngine", "Shop", "Integrations", "Pipeline",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The API document (OpenAPI 3.1), served at /openapi.json and rendered at /docs.
            resources: [.copy("Resources/openapi.json")]),
        .target(
            name: "Workers",
            dependencies: [
                "Support", "JobEngine", "Shop", "Integrations", "Assistant", "Pipeline",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ]),

        // Executables: a few lines each around the composition roots.
        .executableTarget(
            name: "vendedor-enqueuer",
            dependencies: [
                "FrontEnd", "Pipeline", "Shop", "Integrations", "Support", "JobEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "vendedor-workers",
            dependencies: [
                "Workers", "Pipeline", "JobEngine", "Shop", "Support",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "vendedor-bench",
            dependencies: [
                "Workers", "FrontEnd", "Assistant", "Pipeline", "JobEngine", "Shop", "Integrations", "Support",
                "SpanishText", "VectorKernel", "FakeServers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // Test support: fake outside APIs on loopback (tests and the slow-model benchmark), the
        // no-op handler that fails on request, and a worker binary with it.
        .target(
            name: "FakeServers",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            path: "Tests/FakeServers"),
        .target(
            name: "FaultInjection", dependencies: ["Workers", "JobEngine", "Pipeline"], path: "Tests/FaultInjection"),
        .executableTarget(
            name: "vendedor-fault-worker",
            dependencies: [
                "FaultInjection", "Workers", "JobEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tests/FaultWorker"),
        .testTarget(
            name: "VendedorTests",
            dependencies: [
                "Support", "SpanishText", "JobEngine", "Shop", "Integrations", "Assistant", "Pipeline", "FrontEnd",
                "Workers", "VectorKernel", "vendedor-bench", "FaultInjection", "FakeServers",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/VendedorTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)

/// `ops/fuzz` only (`VENDEDOR_FUZZ=1`, built with `-sanitize=fuzzer,address` into .build/fuzz):
/// libFuzzer targets for every reader of outside input (issue 16). Never part of the normal
/// build, whose products would otherwise have to link libFuzzer.
if ProcessInfo.processInfo.environment["VENDEDOR_FUZZ"] == "1" {
    package.products.append(.executable(name: "vendedor-fuzz", targets: ["vendedor-fuzz"]))
    package.targets.append(
        .executableTarget(
            name: "vendedor-fuzz",
            dependencies: ["Support", "SpanishText", "JobEngine", "Shop", "Assistant", "CHiredis"],
            path: "fuzz/Sources/vendedor-fuzz"))
}
