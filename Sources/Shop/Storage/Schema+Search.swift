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

    /// `catalogo_version`: a counter the triggers bump in the same transaction as any change of
    /// a product's texts or active flag (not of its stock: orders leave it alone), so what every
    /// chat turn reads of the catalog is kept in memory per version (`CatalogReadCache`), as
    /// PostgreSQL's `pg4-version-catalogo` does.
    static func createCatalogVersion(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE catalogo_version (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    version INTEGER NOT NULL
                );
                INSERT INTO catalogo_version (id, version) VALUES (1, 0);
                CREATE TRIGGER productos_version_insertar AFTER INSERT ON productos BEGIN
                    UPDATE catalogo_version SET version = version + 1 WHERE id = 1;
                END;
                CREATE TRIGGER productos_version_borrar AFTER DELETE ON productos BEGIN
                    UPDATE catalogo_version SET version = version + 1 WHERE id = 1;
                END;
                CREATE TRIGGER productos_version_textos
                AFTER UPDATE OF nombre, descripcion, categoria, activo ON productos BEGIN
                    UPDATE catalogo_version SET version = version + 1 WHERE id = 1;
                END;
                """)
    }

    /// Product vectors by index. An index holds the vectors of one model and size; at most one
    /// is active (searched); a re-index builds another (`construyendo`) and swaps in one
    /// transaction. Each write bumps the index's `generacion` and stamps the rows it wrote,
    /// so readers in other processes load only what changed. A NULL vector marks a deleted
    /// product (readers drop it). `huella` identifies the text the vector was made from.
    static func createVectorIndexes(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE indices_vectores (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    modelo TEXT NOT NULL CHECK (length(modelo) BETWEEN 1 AND 200),
                    dimension INTEGER NOT NULL CHECK (dimension BETWEEN 1 AND 8192),
                    estado TEXT NOT NULL CHECK (estado IN ('construyendo', 'activo', 'retirado')),
                    generacion INTEGER NOT NULL DEFAULT 0 CHECK (generacion >= 0),
                    trabajo TEXT,
                    total INTEGER NOT NULL DEFAULT 0,
                    creado DATETIME NOT NULL,
                    activado DATETIME
                );
                CREATE UNIQUE INDEX indices_vectores_un_activo ON indices_vectores (estado) WHERE estado = 'activo';
                CREATE UNIQUE INDEX indices_vectores_trabajo ON indices_vectores (trabajo) WHERE trabajo IS NOT NULL;
                CREATE TABLE vectores_productos (
                    indice_id INTEGER NOT NULL REFERENCES indices_vectores (id) ON DELETE CASCADE,
                    producto_id INTEGER NOT NULL,
                    huella TEXT NOT NULL,
                    vector BLOB,
                    generacion INTEGER NOT NULL,
                    PRIMARY KEY (indice_id, producto_id)
                ) WITHOUT ROWID;
                CREATE INDEX vectores_productos_generacion ON vectores_productos (indice_id, generacion);
                """)
    }
}
