import JobEngine
import Shop

/// An export runs as a job of the `exportar` queue.
extension ExportJob: JobPayload {
    public static let kind = "exportar"
    public static let queue = "exportar"
}
