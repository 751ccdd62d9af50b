import Foundation
import GRDB

// HTTP channels' callback URLs (where the delivery worker POSTs each reply).
extension AppDatabase {
    /// Registers or changes a channel's callback URL. The signing secret is generated the
    /// first time and kept on later changes, unless `rotateSecret`.
    @discardableResult
    public func setChannelCallback(subject: String, callbackURL: String, rotateSecret: Bool = false) throws
        -> HTTPChannel
    {
        let subject = try HTTPChannel.validSubject(subject)
        let url = try HTTPChannel.validCallbackURL(callbackURL)
        let fresh = HTTPChannel.newSecret()
        return try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO canales_http (sujeto, callback_url, secreto, actualizado) VALUES (?, ?, ?, ?)
                    ON CONFLICT(sujeto) DO UPDATE SET
                        callback_url = excluded.callback_url,
                        secreto = CASE WHEN ? THEN excluded.secreto ELSE canales_http.secreto END,
                        actualizado = excluded.actualizado
                    """,
                arguments: [subject, url, fresh, Date(), rotateSecret])
            return try HTTPChannel.fetchOne(
                db, sql: "SELECT * FROM canales_http WHERE sujeto = ?", arguments: [subject])!
        }
    }

    /// The channel's callback settings, or nil when it has none.
    public func channelCallback(subject: String) throws -> HTTPChannel? {
        try pool.read { db in
            try HTTPChannel.fetchOne(db, sql: "SELECT * FROM canales_http WHERE sujeto = ?", arguments: [subject])
        }
    }

    /// Removes the channel's callback; false when it had none.
    @discardableResult
    public func deleteChannelCallback(subject: String) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM canales_http WHERE sujeto = ?", arguments: [subject])
            return db.changesCount > 0
        }
    }
}

extension HTTPChannel: FetchableRecord {
    public init(row: Row) throws {
        self.init(
            subject: row["sujeto"], callbackURL: row["callback_url"], secret: row["secreto"],
            updated: row["actualizado"])
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
