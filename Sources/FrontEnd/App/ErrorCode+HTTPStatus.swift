import HTTPTypes
import Shop

extension ErrorCode {
    /// The HTTP status of each code: invalid fields 422, malformed requests 400, unknown
    /// records 404, conflicts and refused state changes 409, gone links 410, limits 429. Exhaustive: a
    /// new code must choose its status here.
    var status: HTTPResponse.Status {
        switch self {
        case .validation, .productNotFound, .tooManyRows: .unprocessableContent
        case .badRequest: .badRequest
        case .notFound: .notFound
        case .conflict, .invalidTransition, .insufficientStock, .productInactive: .conflict
        case .unauthenticated, .tokenExpired: .unauthorized
        case .forbidden, .invalidLink, .originNotAllowed: .forbidden
        case .linkExpired, .fileGone: .gone
        case .methodNotAllowed: .methodNotAllowed
        case .bodyTooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .tooManyRequests: .tooManyRequests
        case .unavailable, .notReady, .overloaded: .serviceUnavailable
        case .configuration, .internalError: .internalServerError
        }
    }
}
