import CMalloc

/// glibc's allocator raises its mmap threshold to the size of each large block freed, so after the list's
/// arrays grow page by page while the ledger loads, later large arrays come from the heap and stay resident
/// once freed: about 10 MB of 100,000 rows. A fixed threshold keeps every large block mapped on its own, and
/// given back when freed.
public enum LargeAllocations {
    /// Blocks from this size up are mapped on their own.
    public static let threshold: Int32 = 128 * 1024

    /// Fixes the threshold for this process; call before loading the ledger.
    public static func returnToTheSystemWhenFreed() {
        _ = mallopt(M_MMAP_THRESHOLD, threshold)
    }
}
