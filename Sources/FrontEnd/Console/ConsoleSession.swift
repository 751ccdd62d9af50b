import Shop

/// A signed-in staff member's session, as stored in Redis: who, with which role, the
/// synchronizer token every state-changing form and fetch must carry, and when it began.
struct ConsoleSession: Sendable, Equatable {
    /// The session's Redis key suffix: the SHA-256 of the cookie's token (the token itself is
    /// never stored, so a Redis dump gives no usable cookie).
    var key: String
    var userId: Int64
    var name: String
    var role: Role
    var csrfToken: String
    var createdMs: Int

    var identity: Identity { Identity(subject: name, role: role) }
}
