import Foundation
import Hummingbird
import Integrations
import Support

/// `POST /telegram/webhook`: Telegram's calls, authenticated by the secret header set with
/// `setWebhook` (compared in constant time; no bearer token). Answers 200 as soon as the
/// update's jobs are enqueued; a repeated update_id enqueues nothing and still gets 200 (so
/// Telegram stops retrying). Redis being down gives a 503, and Telegram delivers again later.
/// An authenticated body that cannot be read is logged and acknowledged: a retry would not
/// make it readable, and Telegram holds the chat's next updates until this one gets a 2xx.
struct TelegramController {
    let secret: String
    let intake: TelegramIntake

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("webhook", use: webhook)
    }

    @Sendable func webhook(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let given = request.headers[.init("X-Telegram-Bot-Api-Secret-Token")!] else {
            throw APIError(.unauthenticated, "Falta el encabezado X-Telegram-Bot-Api-Secret-Token.")
        }
        guard ConstantTime.equals(given, secret) else {
            throw APIError(.forbidden, "El secreto del webhook de Telegram no coincide.")
        }
        context.proceedWithBody(request)
        let update: Telegram.Update
        do {
            update = try await request.decodeJSON(Telegram.Update.self, limit: 1 << 20)
        } catch let error as APIError {
            context.logger.warning("Actualización de Telegram ilegible; se descarta: \(error.message)")
            return Self.acknowledged
        }
        try await intake.accept([update])
        return Self.acknowledged
    }

    static var acknowledged: Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: #"{"ok":true}"#)))
    }
}
