import Hummingbird
import KTPContract

/// Gives Hummingbird's own errors (an unknown path, a wrong method) the contract's error body:
/// every error of the API is JSON. The routes' own errors are answered by the routes.
struct ContractErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            let status = Int(error.status.code)
            let code: ErrorCode =
                switch status {
                case 401: .unauthorized
                case 500...: .internalServerError
                default: .invalidPayload
                }
            let message = status == 404 ? "no such path" : error.status.reasonPhrase.lowercased()
            return ExtractionAPI.json(ErrorBody(message: message, errorCode: code), status: status)
        }
    }
}
