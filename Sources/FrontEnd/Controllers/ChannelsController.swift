import Foundation
import Hummingbird
import Integrations
import Shop

/// `/admin/canales/{sujeto}`: an HTTP channel's callback URL (the `sujeto` of its `canal`
/// token). `PUT {"callback_url", "rotar_secreto"?}` registers or changes it and answers the
/// channel's signing secret; `GET` shows it; `DELETE` removes it (replies are then read from
/// the jobs only).
struct ChannelsController {
    let store: any ShopStore
    /// Where a callback may point: a private or local literal address, or `localhost`, is
    /// refused here (the workers check every resolved address again when they connect).
    var addresses: AddressPolicy = .publicOnly

    struct CallbackInput: Decodable {
        var callbackUrl: String
        var rotateSecret: Bool?

        enum CodingKeys: String, CodingKey {
            case callbackUrl = "callback_url"
            case rotateSecret = "rotar_secreto"
        }
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.put("canales/{sujeto}", use: put)
        group.get("canales/{sujeto}", use: get)
        group.delete("canales/{sujeto}", use: delete)
    }

    @Sendable func put(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await request.decodeJSON(CallbackInput.self)
        let subject = context.pathString("sujeto")
        if let host = URLComponents(string: input.callbackUrl.trimmed)?.host, addresses.refusesHost(host) {
            throw APIError(
                .validation, "La URL de retorno apunta a una dirección privada o local.",
                fields: [
                    ValidationError(
                        field: "callback_url",
                        message:
                            "callback_url no puede apuntar a la máquina ni a la red privada (permítalo con "
                            + "CALLBACK_ALLOWED_NETWORKS).")
                ])
        }
        let channel = try await store.setChannelCallback(
            subject: subject, callbackURL: input.callbackUrl, rotateSecret: input.rotateSecret ?? false)
        return try APIJSON.response(channel)
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        let subject = context.pathString("sujeto")
        guard let channel = try await store.channelCallback(subject: subject) else {
            throw APIError.notFound("El canal \(subject) no tiene URL de retorno registrada.")
        }
        return try APIJSON.response(channel)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let subject = context.pathString("sujeto")
        guard try await store.deleteChannelCallback(subject: subject) else {
            throw APIError.notFound("El canal \(subject) no tiene URL de retorno registrada.")
        }
        return try APIJSON.response(Outcome(result: "eliminado"))
    }
}
