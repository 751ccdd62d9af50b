import Foundation
import Hummingbird
import NIOCore

/// `GET /openapi.json` (the API document as checked in) and `GET /docs` (the same, as a
/// readable page rendered by this process: no CDN, works offline). No token needed.
struct APIDocsController {
    let document: APIDocument
    private let page: ByteBuffer

    init(document: APIDocument = .shared) {
        self.document = document
        page = ByteBuffer(string: APIReferencePage.render(document))
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        let json = ByteBuffer(bytes: document.data)
        let page = page
        router.get("openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: json))
        }
        router.get("docs") { _, _ in
            Response(
                status: .ok,
                headers: [
                    .contentType: "text/html; charset=utf-8",
                    .init("Content-Security-Policy")!: "default-src 'none'; style-src 'unsafe-inline'",
                ],
                body: .init(byteBuffer: page))
        }
    }
}
