import Crypto
import Foundation

/// HTTP channels' callback URLs (where the delivery worker POSTs each reply).
public protocol ChannelStore: Sendable {
    /// Registers or changes a channel's callback URL. The signing secret is generated the
    /// first time and kept on later changes, unless `rotateSecret`.
    @discardableResult
    func setChannelCallback(subject: String, callbackURL: String, rotateSecret: Bool) async throws -> HTTPChannel
    /// The channel's callback settings, or nil when it has none.
    func channelCallback(subject: String) async throws -> HTTPChannel?
    /// Removes the channel's callback; false when it had none.
    @discardableResult
    func deleteChannelCallback(subject: String) async throws -> Bool
}

extension HTTPChannel {
    /// A new signing secret: 32 random bytes as 64 hex digits.
    static func newSecret() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { bytes in bytes.map { String(format: "%02x", $0) }.joined() }
    }
}
