import GRDB

extension Schema {
    /// Files kept in the database (`BLOBS_BACKEND=database`, `BlobTable`): one row per file,
    /// its bytes in chunks of at most `BlobTable.chunkSize`.
    static func createBlobs(_ db: Database) throws {
        try db.create(table: "blobs") { t in
            t.primaryKey("clave", .text).notNull().check(sql: "length(clave) BETWEEN 1 AND 200")
            t.column("tamano", .integer).notNull().check(sql: "tamano >= 0")
            t.column("trozos", .integer).notNull().check(sql: "trozos >= 0")
            t.column("guardado", .datetime).notNull()
            t.column("expira", .datetime)
        }
        try db.create(index: "blobs_guardado", on: "blobs", columns: ["guardado"])
        try db.create(index: "blobs_expira", on: "blobs", columns: ["expira"])
        try db.create(table: "blob_trozos") { t in
            t.column("clave", .text).notNull().references("blobs", onDelete: .cascade)
            t.column("n", .integer).notNull().check(sql: "n >= 0")
            t.column("datos", .blob).notNull()
            t.primaryKey(["clave", "n"])
        }
    }
}
