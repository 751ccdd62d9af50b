import GRDB

extension Schema {
    /// Full-text search over the active products: an FTS5 table whose rowid is the product id,
    /// folded like `TextFold` by the tokenizer (lower case, accents removed), kept in step with
    /// `productos` by triggers, so every writer (API, import, another SQLite tool) updates it in
    /// the same transaction. Inactive products are not indexed. `productos_busqueda_vocab`
    /// lists its words with the number of products each appears in.
    static func createProductSearch(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE productos_busqueda USING fts5(
                    nombre, descripcion, categoria,
                    tokenize = 'unicode61 remove_diacritics 2'
                );
                CREATE VIRTUAL TABLE productos_busqueda_vocab USING fts5vocab(productos_busqueda, 'row');
                CREATE TRIGGER productos_busqueda_insertar AFTER INSERT ON productos WHEN new.activo = 1 BEGIN
                    INSERT INTO productos_busqueda (rowid, nombre, descripcion, categoria)
                    VALUES (new.id, new.nombre, new.descripcion, new.categoria);
                END;
                CREATE TRIGGER productos_busqueda_borrar AFTER DELETE ON productos WHEN old.activo = 1 BEGIN
                    DELETE FROM productos_busqueda WHERE rowid = old.id;
                END;
                CREATE TRIGGER productos_busqueda_actualizar
                AFTER UPDATE OF nombre, descripcion, categoria, activo ON productos BEGIN
                    DELETE FROM productos_busqueda WHERE rowid = old.id;
                    INSERT INTO productos_busqueda (rowid, nombre, descripcion, categoria)
                    SELECT new.id, new.nombre, new.descripcion, new.categoria WHERE new.activo = 1;
                END;
                INSERT INTO productos_busqueda (rowid, nombre, descripcion, categoria)
                SELECT id, nombre, descripcion, categoria FROM productos WHERE activo = 1;
                """)
    }
}
