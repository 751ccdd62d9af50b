import HummingbirdBcrypt

/// Staff passwords as bcrypt hashes. Both calls take tens to hundreds of milliseconds on
/// purpose: run them off the cooperative pool (`BlockingPool`).
public enum PasswordHash {
    /// Cost 12 (~2^12 rounds) for stored passwords; tests pass a lower one.
    public static let defaultCost: UInt8 = 12

    public static func make(_ password: String, cost: UInt8 = defaultCost) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        guard hash.hasPrefix("$2") else { return false }
        return Bcrypt.verify(password, hash: hash)
    }

    /// A hash of a password nobody has: verifying against it costs the same as against a real
    /// one, so an unknown user name takes as long to refuse as a wrong password.
    public static let decoy = make("clave-que-nadie-tiene-\(UInt64.random(in: 0...UInt64.max))", cost: defaultCost)
}
