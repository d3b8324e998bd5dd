import Foundation
import KTP

/// Every submission summary the dashboard knows, with what the list needs precomputed:
/// the position of each id, a search key per row, counts per state and completions per minute.
/// Rows are only appended or replaced, so an index stays valid for the life of the store.
struct RowStore {
    private(set) var items: ContiguousArray<SubmissionSummary> = []
    private(set) var searchKeys = SearchKeys()
    private(set) var position: [Int64: Int32] = [:]
    private(set) var pendingCount = 0
    private(set) var completeCount = 0
    private(set) var failedCount = 0
    private(set) var throughput = ThroughputHistogram()

    enum Upsert {
        case inserted(Int32)
        case updated(Int32)
        /// The store already had this revision or a newer one.
        case ignored
    }

    var count: Int { items.count }

    subscript(index: Int32) -> SubmissionSummary { items[Int(index)] }

    func index(of id: Int64) -> Int32? { position[id] }

    func summary(id: Int64) -> SubmissionSummary? { position[id].map { items[Int($0)] } }

    init(_ rows: [SubmissionSummary] = []) {
        items.reserveCapacity(rows.count)
        searchKeys.reserveCapacity(rows.count)
        position.reserveCapacity(rows.count)
        for row in rows { upsert(row) }
    }

    @discardableResult
    mutating func upsert(_ row: SubmissionSummary) -> Upsert {
        if let index = position[row.id] {
            let old = items[Int(index)]
            guard row.revision >= old.revision else { return .ignored }
            account(old, sign: -1)
            items[Int(index)] = row
            searchKeys.replace(Int(index), with: row)
            account(row, sign: 1)
            return .updated(index)
        }
        let index = Int32(items.count)
        items.append(row)
        searchKeys.append(row)
        position[row.id] = index
        account(row, sign: 1)
        return .inserted(index)
    }

    func count(_ state: SubmissionState) -> Int {
        switch state {
        case .pending: pendingCount
        case .complete: completeCount
        case .failed: failedCount
        }
    }

    private mutating func account(_ row: SubmissionSummary, sign: Int) {
        switch row.state {
        case .pending: pendingCount += sign
        case .complete: completeCount += sign
        case .failed: failedCount += sign
        }
        if let completed = row.completedAt { throughput.add(completed, sign) }
    }
}
