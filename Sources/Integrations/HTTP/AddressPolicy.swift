import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Which IP addresses an outgoing call may connect to. Channel callbacks are URLs an admin
/// types, so a callback must not reach the machine's own services or the private network
/// (SSRF, issue 16): only public addresses, plus the networks an operator lists
/// (`CALLBACK_ALLOWED_NETWORKS`, e.g. `10.0.0.0/8, 192.168.1.20, ::1/128`). The transport
/// checks the address it actually connects to (after DNS), so a name that resolves to a
/// private address is refused as well as a literal one.
public struct AddressPolicy: Sendable, Equatable {
    /// An IPv4 or IPv6 network: the first `prefix` bits of `bytes`.
    public struct Network: Sendable, Equatable, CustomStringConvertible {
        public var bytes: [UInt8]
        public var prefix: Int

        public init?(_ text: String) {
            let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
            guard let first = parts.first, let bytes = AddressPolicy.parse(first) else { return nil }
            let maximum = bytes.count * 8
            if parts.count == 2 {
                guard parts[1].utf8.count <= 3, let prefix = Int(parts[1]), (0...maximum).contains(prefix) else {
                    return nil
                }
                self.prefix = prefix
            } else {
                self.prefix = maximum
            }
            self.bytes = bytes
        }

        init(_ bytes: [UInt8], _ prefix: Int) {
            self.bytes = bytes
            self.prefix = prefix
        }

        public func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            var bits = prefix
            for index in bytes.indices where bits > 0 {
                let mask: UInt8 = bits >= 8 ? 0xFF : ~(0xFF >> UInt8(bits))
                if address[index] & mask != bytes[index] & mask { return false }
                bits -= 8
            }
            return true
        }

        public var description: String { "\(AddressPolicy.format(bytes))/\(prefix)" }
    }

    /// Networks allowed although they are not public.
    public var allowed: [Network]
    /// Any address at all (the default of every transport but the callbacks').
    public var allowsAll: Bool

    public static let anything = AddressPolicy(allowed: [], allowsAll: true)
    public static let publicOnly = AddressPolicy(allowed: [], allowsAll: false)

    public init(allowed: [Network], allowsAll: Bool = false) {
        self.allowed = allowed
        self.allowsAll = allowsAll
    }

    /// A comma-separated list of networks and addresses; nil when an item is not one.
    public init?(parsing list: String) {
        var networks: [Network] = []
        for item in list.split(separator: ",") {
            let text = item.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            guard let network = Network(text) else { return nil }
            networks.append(network)
        }
        self.init(allowed: networks)
    }

    /// Whether a connection to `address` (4 or 16 bytes) may be made.
    public func permits(_ address: [UInt8]) -> Bool {
        allowsAll || Self.isPublic(address) || allowed.contains { $0.contains(address) }
    }

    /// Whether `host` (a URL's host: an IP literal, bracketed for IPv6, or a name) is refused
    /// already by its text: a private literal address or a `localhost` name. Names are
    /// otherwise checked at connect time, once resolved.
    public func refusesHost(_ host: String) -> Bool {
        if allowsAll { return false }
        var text = host.lowercased()
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if let address = Self.parse(text) { return !permits(address) }
        let name = text.hasSuffix(".") ? String(text.dropLast()) : text
        let local = name == "localhost" || name.hasSuffix(".localhost")
        return local && !permits([127, 0, 0, 1])
    }

    /// Not loopback, private, link-local, shared (CGNAT), multicast, reserved or for
    /// documentation; IPv4 inside IPv6 (mapped, NAT64) is judged as IPv4.
    public static func isPublic(_ address: [UInt8]) -> Bool {
        if address.count == 16 {
            if address[0..<10].allSatisfy({ $0 == 0 }), address[10] == 0xFF, address[11] == 0xFF {
                return isPublic(Array(address[12..<16]))  // ::ffff:a.b.c.d
            }
            if Network([0x00, 0x64, 0xFF, 0x9B] + [UInt8](repeating: 0, count: 12), 96).contains(address) {
                return isPublic(Array(address[12..<16]))  // 64:ff9b::a.b.c.d
            }
            return !nonPublicV6.contains { $0.contains(address) }
        }
        guard address.count == 4 else { return false }
        return !nonPublicV4.contains { $0.contains(address) }
    }

    static let nonPublicV4: [Network] = [
        ([0, 0, 0, 0], 8), ([10, 0, 0, 0], 8), ([100, 64, 0, 0], 10), ([127, 0, 0, 0], 8), ([169, 254, 0, 0], 16),
        ([172, 16, 0, 0], 12), ([192, 0, 0, 0], 24), ([192, 0, 2, 0], 24), ([192, 88, 99, 0], 24),
        ([192, 168, 0, 0], 16), ([198, 18, 0, 0], 15), ([198, 51, 100, 0], 24), ([203, 0, 113, 0], 24),
        ([224, 0, 0, 0], 4), ([240, 0, 0, 0], 4),
    ].map { Network($0.0, $0.1) }

    static let nonPublicV6: [Network] = [
        ("::", 128), ("::1", 128), ("::", 96), ("100::", 64), ("2001::", 23), ("2001:db8::", 32), ("2002::", 16),
        ("fc00::", 7), ("fe80::", 10), ("fec0::", 10), ("ff00::", 8),
    ].map { Network(parse($0.0)!, $0.1) }

    /// The bytes of an IPv4 or IPv6 literal.
    public static func parse(_ text: String) -> [UInt8]? {
        guard text.utf8.count <= 64 else { return nil }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }

    static func format(_ bytes: [UInt8]) -> String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: bytes.count, by: 2).map {
            String(Int(bytes[$0]) << 8 | Int(bytes[$0 + 1]), radix: 16)
        }
        .joined(separator: ":")
    }
}
