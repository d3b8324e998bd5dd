/// Where each part of the screen goes at a size. The reducer uses it too, for page sizes.
struct DashboardLayout: Equatable {
    static let minimumColumns = 80
    static let minimumRows = 24

    var title: Rect
    var summary: Rect
    var tabs: Rect
    var columnHeader: Rect
    var list: Rect
    /// The detail beside the list when split; empty otherwise.
    var splitDetail: Rect
    /// The detail when it fills the screen (Enter on a narrow terminal).
    var fullDetail: Rect
    var status: Rect
    var footer: Rect

    init(columns: Int, rows: Int, split: Bool) {
        let bodyTop = 4
        let bodyHeight = max(0, rows - bodyTop - 2)
        let detailWidth = split ? max(60, columns * 2 / 5) : 0
        let listWidth = split ? columns - detailWidth - 1 : columns
        title = Rect(x: 0, y: 0, width: columns, height: 1)
        summary = Rect(x: 0, y: 1, width: columns, height: 1)
        tabs = Rect(x: 0, y: 2, width: columns, height: 1)
        columnHeader = Rect(x: 0, y: 3, width: listWidth, height: 1)
        list = Rect(x: 0, y: bodyTop, width: listWidth, height: bodyHeight)
        splitDetail = Rect(x: columns - detailWidth, y: 3, width: detailWidth, height: bodyHeight + 1)
        fullDetail = Rect(x: 0, y: 2, width: columns, height: max(0, rows - 4))
        status = Rect(x: 0, y: rows - 2, width: columns, height: 1)
        footer = Rect(x: 0, y: rows - 1, width: columns, height: 1)
    }

    static func fits(columns: Int, rows: Int) -> Bool { columns >= minimumColumns && rows >= minimumRows }
}
