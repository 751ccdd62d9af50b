import Core
import Foundation
import Hummingbird

/// `/admin/canales/{sujeto}`: an HTTP channel's callback URL (the `sujeto` of its `canal`
/// token). `PUT {"callback_url", "rotar_secreto"?}` registers or changes it and answers the
/// channel's signing secret; `GET` shows it; `DELETE` removes it (replies are then read from
/// the jobs only).
struct CanalesController {
    let database: AppDatabase

    struct CallbackInput: Decodable {
        var callback_url: String
        var rotar_secreto: Bool?
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.put("canales/{sujeto}", use: put)
        group.get("canales/{sujeto}", use: get)
        group.delete("canales/{sujeto}", use: delete)
    }

    @Sendable func put(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await request.decodeJSON(CallbackInput.self)
        let sujeto = context.pathString("sujeto")
        let canal = try await database.perform {
            try $0.setChannelCallback(
                sujeto: sujeto, callbackURL: input.callback_url, rotateSecret: input.rotar_secreto ?? false)
        }
        return try APIJSON.response(canal)
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        let sujeto = context.pathString("sujeto")
        guard let canal = try await database.perform({ try $0.channelCallback(sujeto: sujeto) }) else {
            throw APIError.notFound("El canal \(sujeto) no tiene URL de retorno registrada.")
        }
        return try APIJSON.response(canal)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let sujeto = context.pathString("sujeto")
        guard try await database.perform({ try $0.deleteChannelCallback(sujeto: sujeto) }) else {
            throw APIError.notFound("El canal \(sujeto) no tiene URL de retorno registrada.")
        }
        return try APIJSON.response(Outcome(resultado: "eliminado"))
    }
}
