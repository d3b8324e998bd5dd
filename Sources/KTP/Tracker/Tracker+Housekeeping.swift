extension Tracker {
    /// Purges photos past their retention now and every ``Configuration/photoPurgeInterval`` until cancelled.
    /// A purge cancelled with the tracker is not a failure: a command that ends stops it this way.
    func purgePhotosOnSchedule() async {
        while !Task.isCancelled {
            logger.debug("purging the photos past their retention")
            do {
                try await ledger.purgePhotos()
            } catch where error.code == .cancelled || Task.isCancelled {
                return
            } catch {
                logger.warning("photo purge failed: \(error)")
            }
            try? await Task.sleep(for: configuration.photoPurgeInterval)
        }
    }
}
