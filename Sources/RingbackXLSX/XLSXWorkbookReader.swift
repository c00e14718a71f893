/// The first worksheet of a workbook as a grid of text, however Excel, LibreOffice or Ringback saved it:
/// shared or inline strings, rich-text runs, numbers and booleans the office typed, cells and rows with or
/// without their `r` references, missing cells left empty.
struct XLSXWorkbookReader {
    let package: XLSXPackage

    /// Rows from the first row of the sheet on, each as long as its last cell with a value.
    func rows() throws(XLSXPartProblem) -> [[String]] {
        let (sheetPath, sharedPath) = try locateParts()
        let shared = try sharedPath.map { path throws(XLSXPartProblem) in try sharedStrings(path) } ?? []
        let sheet = try element(sheetPath)
        guard let data = sheet.child("sheetData") else { throw XLSXPartProblem("\(sheetPath) has no sheetData element") }
        var grid: [[String]] = []
        for row in data.all("row") {
            let number = try rowNumber(row, after: grid.count, in: sheetPath)
            while grid.count < number { grid.append([]) }
            var cells: [String] = []
            var column = 0
            for cell in row.all("c") {
                column = try columnNumber(cell, after: column, row: number, in: sheetPath)
                let value = try text(of: cell, shared: shared, in: sheetPath)
                guard !value.isEmpty else { continue }
                while cells.count < column { cells.append("") }
                cells[column - 1] = value
            }
            grid[number - 1] = cells
        }
        return grid
    }

    /// The first sheet's part and the shared strings' part, through the workbook and its relationships.
    private func locateParts() throws(XLSXPartProblem) -> (sheet: String, sharedStrings: String?) {
        let workbookPath = try officeDocumentPath()
        let workbook = try element(workbookPath)
        let relationships = try self.relationships(of: workbookPath)
        let sheets = workbook.child("sheets")?.all("sheet") ?? []
        guard let first = sheets.first else {
            throw XLSXPartProblem("\(workbookPath) lists no sheet")
        }
        // Ringback rewrites the workbook with its one sheet: a sheet the office added would be lost.
        guard sheets.count == 1 else {
            let names = sheets.dropFirst().map { "`\($0["name"] ?? "")`" }.joined(separator: ", ")
            throw XLSXPartProblem(
                "the workbook holds sheets besides `\(first["name"] ?? "")` (\(names)), which rewriting it would lose: move them to a workbook of your own")
        }
        guard let id = first["id"], let sheet = relationships.first(where: { $0.id == id }) else {
            throw XLSXPartProblem("\(workbookPath): the sheet \(first["name"] ?? "") has no part in its relationships")
        }
        let shared = relationships.first { $0.type.hasSuffix("/sharedStrings") }?.target
        return (sheet.target, shared)
    }

    /// `xl/workbook.xml`, or wherever the package's relationships put the workbook.
    private func officeDocumentPath() throws(XLSXPartProblem) -> String {
        if package.parts["_rels/.rels"] != nil,
            let main = try relationships(of: "").first(where: { $0.type.hasSuffix("/officeDocument") })
        {
            return main.target
        }
        guard package.parts["xl/workbook.xml"] != nil else {
            throw XLSXPartProblem("not a workbook: the archive holds no xl/workbook.xml (is it a .xlsx file?)")
        }
        return "xl/workbook.xml"
    }

    private struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    /// The relationships of the part at `path` (`""` for the package), targets as paths in the archive.
    private func relationships(of path: String) throws(XLSXPartProblem) -> [Relationship] {
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        let file = path.split(separator: "/").last.map(String.init) ?? ""
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard package.parts[relsPath] != nil else { return [] }
        return try element(relsPath).all("Relationship").compactMap { node in
            guard let id = node["Id"], let target = node["Target"], node["TargetMode"] != "External" else { return nil }
            return Relationship(id: id, type: node["Type"] ?? "", target: Self.resolve(target, from: folder))
        }
    }

    /// `worksheets/sheet1.xml` from `xl` → `xl/worksheets/sheet1.xml`; `/xl/…` is from the archive's root.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    private func sharedStrings(_ path: String) throws(XLSXPartProblem) -> [String] {
        try element(path).all("si").map(\.itemText)
    }

    private func element(_ path: String) throws(XLSXPartProblem) -> XLSXElement {
        guard let bytes = package.parts[path] else { throw XLSXPartProblem("the archive lacks the part \(path)") }
        switch XLSXElement.parse(bytes) {
        case .success(let element): return element
        case .failure(let problem): throw XLSXPartProblem("\(path): \(problem.message)")
        }
    }
}
