import Foundation
import Hummingbird
import Integrations
import JobEngine
import Logging
import Shop

/// The shop's staff console under `/consola`: server-rendered pages (es-CO) for
/// conversations, orders, the catalog, clients, exports, the panel and the audit log, a live
/// event stream, and the login. It reads the shop's records and Redis, and changes state only
/// through the same services and jobs as the API (`OperatorChat`, `CatalogEditor`,
/// `ExportRequester`, the order and client storage calls, the queue re-drive).
struct ConsoleController: Sendable {
    /// The shop's storage, on whichever engine `DATABASE_URL` names.
    let store: any ShopStore
    let jobs: JobClient
    let sessions: ConsoleSessionStore
    let throttle: LoginThrottle
    let config: ConsoleConfig
    let blobs: any BlobStore
    let uploads: any CatalogUploads
    let streams: StreamSlots

    init(
        store: any ShopStore, jobs: JobClient, config: ConsoleConfig = ConsoleConfig(),
        blobs: any BlobStore, uploads: any CatalogUploads
    ) {
        self.store = store
        self.jobs = jobs
        self.config = config
        self.sessions = ConsoleSessionStore(
            redis: jobs.redis, idleSeconds: config.sessionIdleSeconds, maxSeconds: config.sessionMaxSeconds)
        self.throttle = LoginThrottle(redis: jobs.redis)
        self.blobs = blobs
        self.uploads = uploads
        self.streams = StreamSlots(limit: 200)
    }

    /// Every console route lives under this prefix and is registered here, in `addRoutes`
    /// (HTML pages for people: outside the API document, which can leave them out by prefix).
    static let pathPrefix = "/consola"

    func addRoutes(to router: Router<AppRequestContext>) {
        let console = router.group(RouterPath(String(Self.pathPrefix.dropFirst()))).add(
            middleware: ConsoleErrorMiddleware())
        console.get(use: home)
        console.get("static/{archivo}", use: asset)
        console.get("login", use: loginPage)
        console.post("login", use: login)

        let staff = console.group().add(middleware: ConsoleAuthMiddleware(sessions: sessions, minimum: .operator))
        staff.post("salir", use: logout)
        staff.post("salir-todo", use: logoutEverywhere)
        staff.get("eventos", use: events)
        staff.get("trabajos/{id}", use: jobStatus)
        staff.get("blobs/{clave}", use: blob)
        staff.get("conversaciones", use: inbox)
        staff.get("conversaciones/{chat}", use: conversation)
        staff.get("conversaciones/{chat}/mensajes", use: conversationMessages)
        staff.post("conversaciones/{chat}/control", use: setControl)
        staff.post("conversaciones/{chat}/responder", use: reply)
        staff.get("pedidos", use: orders)
        staff.get("pedidos/{id}", use: order)
        staff.post("pedidos/{id}/estado", use: changeOrderState)
        staff.get("catalogo", use: catalog)
        staff.get("clientes", use: clients)
        staff.get("clientes/{cedula}", use: client)
        staff.post("clientes/{cedula}/activo", use: setClientActive)
        staff.get("exportes", use: exports)
        staff.post("exportes", use: requestExport)

        let admin = console.group().add(middleware: ConsoleAuthMiddleware(sessions: sessions, minimum: .admin))
        admin.post("catalogo/productos", use: createProduct)
        admin.post("catalogo/productos/{id}", use: updateProduct)
        admin.post("catalogo/importar", use: importCatalog)
        admin.post("catalogo/reindexar", use: reindex)
        admin.get("panel", use: panel)
        admin.post("panel/colas/{cola}/reintentar", use: redrive)
        admin.get("auditoria", use: auditLog)
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        ConsoleResponses.redirect("/consola/conversaciones")
    }

    @Sendable func asset(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let asset = ConsoleAssets.named(context.parameters.get("archivo") ?? "") else {
            throw APIError.notFound("No existe ese archivo.")
        }
        return ConsoleAssets.response(asset, request: request)
    }

    // MARK: Shared by the pages

    /// The session the auth middleware found (every staff route has one).
    func session(_ context: AppRequestContext) throws -> ConsoleSession {
        guard let session = context.consoleSession else {
            throw APIError(.unauthenticated, "La sesión terminó o no existe; vuelva a ingresar.")
        }
        return session
    }

    /// A full page in the console's frame.
    func page(
        _ context: AppRequestContext, title: String, section: ConsoleLayout.Section, flash: String? = nil,
        pageName: String? = nil, status: HTTPResponse.Status = .ok, content: HTML
    ) async throws -> Response {
        let latest = try await store.latestMessage()?.id ?? 0
        return ConsoleResponses.html(
            ConsoleLayout.page(
                title: title, section: section, session: try session(context), latestMessage: latest, flash: flash,
                pageName: pageName, content: content),
            status: status)
    }

    /// Writes who did what in the audit log. The action already happened, so a failure here
    /// is logged, not returned.
    func audit(_ context: AppRequestContext, _ action: String, _ detail: String) async {
        let entry = NewAuditEntry(
            user: context.consoleSession?.name ?? "?", action: action, detail: detail, address: context.remoteAddress)
        do {
            try await store.appendAudit(entry)
        } catch {
            context.logger.warning("No se pudo escribir en la auditoría (\(action)): \(error)")
        }
    }

    /// The request's form, bounded (the auth middleware already read it for the CSRF check).
    func form(_ request: Request) async throws -> FormData {
        var request = request
        return try await ConsoleAuthMiddleware.form(&request)
    }

    /// The confirmation named by `?aviso=` after a redirect (fixed texts only).
    func flash(_ request: Request) -> String? {
        request.query("aviso").flatMap { ConsoleFlash(rawValue: $0)?.message }
    }
}

/// Confirmations shown once after a form: the redirect names one, the page shows its text.
enum ConsoleFlash: String {
    case takenOver = "tomada", handedBack = "devuelta", replied = "respuesta", orderState = "estado"
    case productSaved = "producto", productCreated = "creado", redriven = "reintentado"
    case clientRetired = "retirado", clientReactivated = "reactivado"

    var message: String {
        switch self {
        case .takenOver: "Usted atiende este chat: la IA no responderá hasta que lo devuelva."
        case .handedBack: "El chat quedó otra vez a cargo de la IA."
        case .replied: "Respuesta enviada por el canal del chat."
        case .orderState: "El estado del pedido cambió."
        case .productSaved: "Producto guardado."
        case .productCreated: "Producto creado."
        case .redriven: "Trabajos devueltos a la cola."
        case .clientRetired: "Cliente retirado: se conserva con su historial y no se ofrece al comprar."
        case .clientReactivated: "Cliente reactivado."
        }
    }
}
