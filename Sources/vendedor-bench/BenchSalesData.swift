import Foundation
import GRDB
import Shop

/// Synthetic sales for the export benchmark and the memory test: 40 products (names with
/// commas and quotes, so CSV quoting is exercised), 2,000 clients and `lines` order lines,
/// four per order, none cancelled, one order a minute from 2025-01-01. Generated inside
/// SQLite with recursive CTEs (seconds for a million lines, no memory in this process).
enum BenchSalesData {
    static func seed(_ database: AppDatabase, lines: Int) throws {
        let orders = (lines + 3) / 4
        try database.pool.write { db in
            try db.execute(
                sql: """
                    WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 40)
                    INSERT INTO productos (id, nombre, descripcion, precio, stock, activo, categoria, actualizado)
                    SELECT n, CASE n % 4 WHEN 0 THEN 'Guantes de vaqueta, talla ' || n
                                         WHEN 1 THEN 'Casco "dieléctrico" clase ' || n
                                         WHEN 2 THEN 'Extintor PQS ' || n || ' libras'
                                         ELSE 'Botas de seguridad ' || n END,
                           '', 1000 * (n + 10), 1000000, 1, 'General', '2025-01-01 00:00:00.000'
                    FROM seq
                    """)
            try db.execute(
                sql: """
                    WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 2000)
                    INSERT INTO clientes (cedula, nombre, telefono, correo, direccion, barrio, creado, actualizado)
                    SELECT CAST(10000000 + n AS TEXT), 'Cliente ' || n || ' Gómez', '300' || (1000000 + n),
                           'cliente' || n || '@example.com', 'Cra ' || n || ' # 1-23', 'Centro',
                           '2025-01-01 00:00:00.000', '2025-01-01 00:00:00.000'
                    FROM seq
                    """)
            try db.execute(
                sql: """
                    WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?)
                    INSERT INTO pedidos (id, idempotency_key, chat_id, cedula, estado, total, cliente_nombre,
                                         telefono, correo, direccion, barrio, creado, actualizado)
                    SELECT n, 'bench-' || n, 'tg:' || (n % 5000), CAST(10000001 + n % 2000 AS TEXT),
                           CASE n % 4 WHEN 0 THEN 'pendiente' WHEN 1 THEN 'procesando' WHEN 2 THEN 'enviado'
                                      ELSE 'entregado' END,
                           0, 'Cliente ' || (1 + n % 2000) || ' Gómez', '300' || (1000001 + n % 2000),
                           'cliente' || (1 + n % 2000) || '@example.com', 'Cra ' || (1 + n % 2000) || ' # 1-23',
                           'Centro',
                           strftime('%Y-%m-%d %H:%M:%f', 1735689600 + n * 60, 'unixepoch'),
                           strftime('%Y-%m-%d %H:%M:%f', 1735689600 + n * 60, 'unixepoch')
                    FROM seq
                    """, arguments: [orders])
            try db.execute(
                sql: """
                    WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?),
                         k(k) AS (VALUES (1), (2), (3), (4)),
                         lines AS (SELECT n, k, (n * 7 + k * 11) % 40 + 1 AS pid, 1 + (n + k) % 5 AS qty
                                   FROM seq, k WHERE (n - 1) * 4 + k <= ?)
                    INSERT INTO pedido_items (pedido_id, posicion, producto_id, nombre, cantidad, precio_unitario,
                                              subtotal)
                    SELECT n, k, pid, pr.nombre, qty, pr.precio, qty * pr.precio
                    FROM lines JOIN productos pr ON pr.id = pid ORDER BY n, k
                    """, arguments: [orders, lines])
            try db.execute(
                sql: "UPDATE pedidos SET total = (SELECT SUM(subtotal) FROM pedido_items WHERE pedido_id = pedidos.id)")
        }
    }
}
