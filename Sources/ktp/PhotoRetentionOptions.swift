import ArgumentParser
import KTP

/// `--keep-photos` and `--keep-succeeded-photos`: how long the ledger keeps photos for reprocessing.
struct PhotoRetentionOptions: ParsableArguments {
    @Option(
        help: """
            Keep a failed submission's photo this long for reprocessing (e.g. 7d, 12h). Photos are kept while \
            pending too; 0 keeps none at all.
            """)
    var keepPhotos = DurationArgument(PhotoRetention().failed)

    @Option(help: "Keep a successful submission's photo this long too. Default: delete it once the result is in.")
    var keepSucceededPhotos = DurationArgument(.zero)

    var retention: PhotoRetention {
        PhotoRetention(failed: keepPhotos.duration, succeeded: keepSucceededPhotos.duration)
    }
}
