import Foundation
import Hummingbird
import JobEngine
import Logging
import NIOCore
import Shop
import Support

/// An error the caller gets as `{"error": {"codigo", "mensaje"}}` with its HTTP status.
struct APIError: HTTPResponseError {
    var status: HTTPResponse.Status
    var code: ErrorCode
    var message: String
    /// For validation errors: every invalid field with its own message.
    var fields: [ValidationError]?
    /// Seconds to wait before trying again (`Retry-After`), for 429 and 503.
    var retryAfter: Int?

    /// The status is the code's (`ErrorCode.status`).
    init(_ code: ErrorCode, _ message: String, fields: [ValidationError]? = nil, retryAfter: Int? = nil) {
        self.init(status: code.status, code, message, fields: fields)
        self.retryAfter = retryAfter
    }

    /// A framework error's own status with the code closest to it.
    init(status: HTTPResponse.Status, _ code: ErrorCode, _ message: String, fields: [ValidationError]? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields
    }

    static func badRequest(_ message: String) -> APIError { APIError(.badRequest, message) }
    static func validation(_ message: String) -> APIError { APIError(.validation, message) }
    static func notFound(_ message: String) -> APIError { APIError(.notFound, message) }

    private struct Body: Encodable {
        struct Detail: Encodable {
            var code: ErrorCode
            var message: String
            var fields: [ValidationError]?

            enum CodingKeys: String, CodingKey {
                case code = "codigo"
                case message = "mensaje"
                case fields = "campos"
            }
        }
        var error: Detail
    }

    var body: Data {
        (try? APIJSON.encoder.encode(Body(error: .init(code: code, message: message, fields: fields)))) ?? Data()
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        if let retryAfter {
            headers[.retryAfter] = String(retryAfter)
        } else if code == .overloaded {
            headers[.retryAfter] = "60"
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension APIError {
    /// Any error as the caller should see it: our own as is, framework errors translated,
    /// everything else a 5xx without internals.
    static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as HTTPError:
            return from(status: error.status)
        case let error as any CodedError:
            return from(coded: error)
        case let error as RedisError where error.isOutOfMemory:
            return APIError(
                .overloaded,
                "Estamos recibiendo más mensajes de los que podemos guardar; no quedó registrado. "
                    + "Intente de nuevo en un minuto.")
        case let error as RedisError where error.isTransient:
            return APIError(
                .unavailable,
                "El servicio no está disponible en este momento; intente de nuevo en unos segundos.")
        default:
            return APIError(.internalError, "Ocurrió un error interno; ya quedó registrado.")
        }
    }

    /// The shop's business errors, with their code's status.
    static func from(coded error: any CodedError) -> APIError {
        let fields: [ValidationError]? =
            switch error {
            case let errors as ValidationErrors: errors.errors
            case let single as ValidationError: [single]
            default: nil
            }
        return APIError(error.code, error.message, fields: fields)
    }

    static func from(status: HTTPResponse.Status) -> APIError {
        switch status.code {
        case 400: .badRequest("La solicitud no es válida.")
        case 401: APIError(.unauthenticated, "Falta el token o no es válido.")
        case 403: APIError(.forbidden, "Su rol no permite esta operación.")
        case 404: .notFound("No existe ese recurso.")
        case 405: APIError(.methodNotAllowed, "Ese método no está permitido en este recurso.")
        case 413: APIError(.bodyTooLarge, "El cuerpo de la solicitud es demasiado grande.")
        case 415: APIError(.unsupportedMediaType, "Tipo de contenido no soportado.")
        default:
            status.code < 500
                ? APIError(status: status, .badRequest, "La solicitud no es válida.")
                : APIError(status: status, .internalError, "Ocurrió un error interno; ya quedó registrado.")
        }
    }
}

extension APIError {
    /// A 503 of load (Redis full and refusing writes, every upload slot taken) lasts as long
    /// as the load and comes on every request: logged once per code every 10 s.
    static let loadLog = LogThrottle(interval: .seconds(10))

    /// Logs `error`, answered as this, when it is the server's (5xx); a 503 of load once per
    /// code every 10 s, saying how many more came since the line before.
    func log(_ error: any Error, _ what: String, to logger: Logger) {
        guard status.code >= 500 else { return }
        guard status == .serviceUnavailable else {
            logger.error("\(what): \(error)")
            return
        }
        guard let held = Self.loadLog.admit(code.rawValue) else { return }
        let more = held > 0 ? " (\(held) más iguales desde la línea anterior)" : ""
        logger.error("\(what): \(error)\(more)")
    }
}
