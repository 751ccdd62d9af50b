import Foundation
import GRDB

// The console's users.
extension AppDatabase {
    /// Adds a user with an already hashed password; a name taken (in any case) is a conflict.
    public func createStaffUser(name: String, role: Role, passwordHash: String) throws -> StaffUser {
        let name = try StaffUserRules.new(name: name, role: role)
        return try pool.write { db in
            if try Self.fetchStaffUser(db, name: name) != nil { throw StaffUserRules.conflict(name) }
            let now = Date()
            try db.execute(
                sql: """
                    INSERT INTO usuarios (nombre, rol, clave_hash, activo, creado, actualizado)
                    VALUES (?, ?, ?, 1, ?, ?)
                    """,
                arguments: [name, role.rawValue, passwordHash, now, now])
            return try Self.fetchStaffUser(db, name: name)!
        }
    }

    /// The user with this name (any case), active or not.
    public func staffUser(name: String) throws -> StaffUser? {
        try pool.read { db in try Self.fetchStaffUser(db, name: name) }
    }

    public func staffUser(id: Int64) throws -> StaffUser? {
        try pool.read { db in try StaffUser.fetchOne(db, sql: "SELECT * FROM usuarios WHERE id = ?", arguments: [id]) }
    }

    /// Every user, by name.
    public func staffUsers() throws -> [StaffUser] {
        try pool.read { db in try StaffUser.fetchAll(db, sql: "SELECT * FROM usuarios ORDER BY nombre") }
    }

    /// Disables or re-enables a user.
    @discardableResult
    public func setStaffUserActive(name: String, active: Bool) throws -> StaffUser {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE usuarios SET activo = ?, actualizado = ? WHERE nombre = ? COLLATE NOCASE",
                arguments: [active, Date(), name])
            guard let user = try Self.fetchStaffUser(db, name: name) else { throw StaffUserRules.notFound(name) }
            return user
        }
    }

    public func staffUserCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM usuarios") ?? 0 }
    }

    static func fetchStaffUser(_ db: Database, name: String) throws -> StaffUser? {
        try StaffUser.fetchOne(db, sql: "SELECT * FROM usuarios WHERE nombre = ? COLLATE NOCASE", arguments: [name])
    }
}

extension StaffUser: FetchableRecord {
    public init(row: Row) throws {
        self.init(
            id: row["id"], name: row["nombre"], role: try StoredValue.decode(Role.self, row["rol"]),
            passwordHash: row["clave_hash"], active: row["activo"], created: row["creado"])
    }
}
