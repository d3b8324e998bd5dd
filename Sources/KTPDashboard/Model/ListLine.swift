import KTP

/// One line of the list: a row (an index into the row store) or, in the failed view, an error code's header.
enum ListLine: Equatable {
    case row(Int32)
    case group(ErrorCode?, count: Int)

    var rowIndex: Int32? {
        if case .row(let index) = self { index } else { nil }
    }
}
