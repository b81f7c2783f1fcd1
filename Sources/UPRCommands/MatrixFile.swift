import Foundation
import SQLKit
import UPRDomain
import UPRLocalization
import UPRSpreadsheet
import UPRStore

/// The implementation-plan matrix on the command line: export a state's plan, import a filled one.
enum MatrixFile {
    static func export(state: String, xlsx: Bool, on sql: any SQLDatabase) async throws -> Data {
        let matrix = try await PlanMatrix.load(.state(state), includeDrafts: true, on: sql)
        // The command's file is in English, in the catalog's words (the site's export is in the reader's language).
        let english = Translator(.en)
        let document = MatrixTransfer.document(
            matrix, title: english("plan.title") + " – " + state, response: english.response)
        return xlsx ? ImplementationMatrix.xlsx(document) : Data(ImplementationMatrix.csv(document).utf8)
    }

    /// True when the bytes are a matrix (an XLSX workbook, or a CSV whose header has the annex's "Rec #").
    static func looksLikeMatrix(_ data: Data) -> Bool {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return data.range(of: Data("xl/workbook.xml".utf8)) != nil
        }
        let head = String(decoding: data.prefix(2048), as: UTF8.self)
        return head.contains("Rec #")
    }
}
