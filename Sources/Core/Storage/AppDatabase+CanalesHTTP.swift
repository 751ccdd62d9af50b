import Crypto
import Foundation
import GRDB

// HTTP channels' callback URLs (where the delivery worker POSTs each reply).
extension AppDatabase {
    /// Registers or changes a channel's callback URL. The signing secret is generated the
    /// first time and kept on later changes, unless `rotateSecret`.
    @discardableResult
    public func setChannelCallback(sujeto: String, callbackURL: String, rotateSecret: Bool = false) throws -> CanalHTTP
    {
        let sujeto = try CanalHTTP.validSubject(sujeto)
        let url = try CanalHTTP.validCallbackURL(callbackURL)
        let fresh = Self.newSecret()
        return try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO canales_http (sujeto, callback_url, secreto, actualizado) VALUES (?, ?, ?, ?)
                    ON CONFLICT(sujeto) DO UPDATE SET
                        callback_url = excluded.callback_url,
                        secreto = CASE WHEN ? THEN excluded.secreto ELSE canales_http.secreto END,
                        actualizado = excluded.actualizado
                    """,
                arguments: [sujeto, url, fresh, Date(), rotateSecret])
            return try CanalHTTP.fetchOne(db, sql: "SELECT * FROM canales_http WHERE sujeto = ?", arguments: [sujeto])!
        }
    }

    /// The channel's callback settings, or nil when it has none.
    public func channelCallback(sujeto: String) throws -> CanalHTTP? {
        try pool.read { db in
            try CanalHTTP.fetchOne(db, sql: "SELECT * FROM canales_http WHERE sujeto = ?", arguments: [sujeto])
        }
    }

    /// Removes the channel's callback; false when it had none.
    @discardableResult
    public func deleteChannelCallback(sujeto: String) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM canales_http WHERE sujeto = ?", arguments: [sujeto])
            return db.changesCount > 0
        }
    }

    /// 32 random bytes as 64 hex digits.
    static func newSecret() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { bytes in bytes.map { String(format: "%02x", $0) }.joined() }
    }
}

extension CanalHTTP: FetchableRecord {
    public init(row: Row) throws {
        self.init(
            sujeto: row["sujeto"], callbackURL: row["callback_url"], secreto: row["secreto"],
            actualizado: row["actualizado"])
    }
}

extension Schema {
    static func createHTTPChannels(_ db: Database) throws {
        try db.create(table: "canales_http") { t in
            t.primaryKey("sujeto", .text).notNull().check(sql: "length(sujeto) BETWEEN 1 AND 200")
            t.column("callback_url", .text).notNull()
                .check(
                    sql:
                        "length(callback_url) <= 2000 AND (callback_url LIKE 'http://%' OR callback_url LIKE 'https://%')"
                )
            t.column("secreto", .text).notNull().check(sql: "length(secreto) >= 32")
            t.column("actualizado", .datetime).notNull()
        }
    }
}
