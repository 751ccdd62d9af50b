import Hummingbird
import Integrations
import JobEngine
import Logging
import NIOCore
import ServiceLifecycle
import Shop

/// What the front end needs, built once by the executable and by the tests.
package struct FrontEndDependencies: Sendable {
    var jobs: JobClient
    var waiters: JobWaiters
    var signer: TokenSigner
    /// The shop's storage (SQLite or PostgreSQL, `DATABASE_URL`).
    var store: any ShopStore
    /// Where catalog uploads are written for the import workers (`UPLOADS_DIR`).
    var uploadsDirectory: String = "./var/uploads"
    /// Where customers' photos and audio are stored for the media workers (`BLOBS_DIR`).
    var blobsDirectory: String = "./var/blobs"
    /// Files in `blobsDirectory` and exports in `exportsDirectory`, or both in the database
    /// (`BLOBS_BACKEND`).
    package var blobsBackend: BlobBackend = .local
    /// Where the export workers write files and downloads are served from (`EXPORTS_DIR`).
    package var exportsDirectory: String = "./var/exports"
    package var readinessChecks: [@Sendable () async -> (String, Bool)] = []
    /// How catalog search answers now (`SearchMode`), for `/ready`'s body.
    package var searchMode: @Sendable () async -> SearchMode = { .wordsOnly }
    /// Browser origins allowed to call the API (`CORS_ORIGINS`); none by default.
    package var cors: CORSPolicy = .none
    /// The Telegram webhook or poller; nil when Telegram is off.
    package var telegram: TelegramFrontEnd?
    /// The staff console's settings (cookies, session life).
    package var console = ConsoleConfig()
    /// Rate limits, poll and upload caps (defaults in tests).
    package var limits = LimitsConfig()
    /// Where channel callbacks may point (`CALLBACK_ALLOWED_NETWORKS`).
    package var callbackAddresses: AddressPolicy = .publicOnly

    /// The blob store `blobsBackend` names.
    var blobs: any BlobStore {
        BlobConfig(directory: blobsDirectory, backend: blobsBackend).makeStore(table: store)
    }

    /// Where uploaded catalog files are saved for the import workers.
    var uploads: any CatalogUploads {
        BlobConfig(directory: blobsDirectory, backend: blobsBackend).makeUploads(
            uploadsDirectory: uploadsDirectory, table: store)
    }

    /// Where export downloads are read from.
    var exportShelf: any ExportShelf {
        BlobConfig(directory: blobsDirectory, backend: blobsBackend).makeExportShelf(
            exportsDirectory: exportsDirectory, table: store)
    }

    /// On SQLite (the tests' usual storage).
    package init(
        jobs: JobClient, waiters: JobWaiters, signer: TokenSigner, database: AppDatabase,
        uploadsDirectory: String = "./var/uploads", blobsDirectory: String = "./var/blobs",
        exportsDirectory: String = "./var/exports", readinessChecks: [@Sendable () async -> (String, Bool)] = [],
        telegram: TelegramFrontEnd? = nil
    ) {
        self.init(
            jobs: jobs, waiters: waiters, signer: signer, store: SQLiteStore(database),
            uploadsDirectory: uploadsDirectory, blobsDirectory: blobsDirectory, exportsDirectory: exportsDirectory,
            readinessChecks: readinessChecks, telegram: telegram)
    }

    package init(
        jobs: JobClient, waiters: JobWaiters, signer: TokenSigner, store: any ShopStore,
        uploadsDirectory: String = "./var/uploads", blobsDirectory: String = "./var/blobs",
        exportsDirectory: String = "./var/exports", readinessChecks: [@Sendable () async -> (String, Bool)] = [],
        telegram: TelegramFrontEnd? = nil
    ) {
        self.jobs = jobs
        self.waiters = waiters
        self.signer = signer
        self.store = store
        self.uploadsDirectory = uploadsDirectory
        self.blobsDirectory = blobsDirectory
        self.exportsDirectory = exportsDirectory
        self.readinessChecks = readinessChecks
        self.telegram = telegram
    }
}
