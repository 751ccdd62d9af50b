import Foundation
import PostgresNIO

// Company text and HTTP channels on PostgreSQL.
extension PostgresStore {
    static let companyColumns = "id, version, contenido, activo, creado"
    static let channelColumns = "sujeto, callback_url, secreto, actualizado"

    public func activeCompanyContext() async throws -> CompanyContext? {
        try await read { connection in
            try await connection.row(
                "SELECT \(unescaped: Self.companyColumns) FROM contexto_empresa WHERE activo", logger: logger
            ).map(CompanyContext.init(postgres:))
        }
    }

    @discardableResult
    public func replaceCompanyContext(_ content: String) async throws -> CompanyContext {
        let text = try CompanyContext.validContent(content)
        return try await transaction { try await Self.insertCompanyContext($0, text, logger: logger) }
    }

    /// The new active version. The table is locked against other writers first, so two
    /// replacements take consecutive versions.
    static func insertCompanyContext(_ connection: PostgresConnection, _ text: String, logger: Logger) async throws
        -> CompanyContext
    {
        try await connection.execute("LOCK TABLE contexto_empresa IN SHARE ROW EXCLUSIVE MODE", logger: logger)
        try await connection.execute("UPDATE contexto_empresa SET activo = FALSE WHERE activo", logger: logger)
        guard
            let row = try await connection.row(
                """
                INSERT INTO contexto_empresa (version, contenido, activo, creado)
                SELECT COALESCE(MAX(version), 0) + 1, \(text), TRUE, \(Date()) FROM contexto_empresa
                RETURNING \(unescaped: companyColumns)
                """, logger: logger)
        else { throw CorruptValue(description: "insert into contexto_empresa returned no row") }
        return try CompanyContext(postgres: row)
    }

    @discardableResult
    public func setChannelCallback(subject: String, callbackURL: String, rotateSecret: Bool) async throws
        -> HTTPChannel
    {
        let subject = try HTTPChannel.validSubject(subject)
        let url = try HTTPChannel.validCallbackURL(callbackURL)
        let fresh = HTTPChannel.newSecret()
        return try await transaction { connection in
            guard
                let row = try await connection.row(
                    """
                    INSERT INTO canales_http (sujeto, callback_url, secreto, actualizado)
                    VALUES (\(subject), \(url), \(fresh), \(Date()))
                    ON CONFLICT (sujeto) DO UPDATE SET
                        callback_url = excluded.callback_url,
                        secreto = CASE WHEN \(rotateSecret) THEN excluded.secreto ELSE canales_http.secreto END,
                        actualizado = excluded.actualizado
                    RETURNING \(unescaped: Self.channelColumns)
                    """, logger: logger)
            else { throw CorruptValue(description: "upsert into canales_http returned no row") }
            return try HTTPChannel(postgres: row)
        }
    }

    public func channelCallback(subject: String) async throws -> HTTPChannel? {
        try await read { connection in
            try await connection.row(
                "SELECT \(unescaped: Self.channelColumns) FROM canales_http WHERE sujeto = \(subject)", logger: logger
            ).map(HTTPChannel.init(postgres:))
        }
    }

    @discardableResult
    public func deleteChannelCallback(subject: String) async throws -> Bool {
        try await transaction { connection in
            !(try await connection.rows(
                "DELETE FROM canales_http WHERE sujeto = \(subject) RETURNING sujeto", logger: logger
            ).isEmpty)
        }
    }
}

extension CompanyContext {
    init(postgres row: PostgresRandomAccessRow) throws {
        self.init(
            id: try row.value("id"), version: try row.value("version"),
            content: try row.value("contenido"), active: try row.value("activo"), created: try row.value("creado"))
    }
}

extension HTTPChannel {
    init(postgres row: PostgresRandomAccessRow) throws {
        self.init(
            subject: try row.value("sujeto"), callbackURL: try row.value("callback_url"),
            secret: try row.value("secreto"), updated: try row.value("actualizado"))
    }
}
