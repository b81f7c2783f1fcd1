import UPRSpreadsheet
import Vapor

/// The two formats every spreadsheet of the site comes in, and how a download of one is answered.
public enum SpreadsheetFormat: String, Sendable, Equatable, CaseIterable {
    case csv
    case xlsx

    /// CSV as UTF-8 (its byte order mark tells Excel too), XLSX as the Office Open XML workbook.
    var mediaType: HTTPMediaType {
        switch self {
        case .csv: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        case .xlsx: HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
    }

    /// `body` as an attachment named `name` with this format's extension.
    func download(_ body: Vapor.Response.Body, name: String) -> Vapor.Response {
        let response = Vapor.Response(status: .ok, body: body)
        response.headers.contentType = mediaType
        response.headers.contentDisposition = .init(.attachment, filename: name + "." + rawValue)
        return response
    }

    /// The table in this format as an attachment; `sheetName` names the XLSX's worksheet.
    func download(_ table: SheetTable, sheetName: String, name: String) -> Vapor.Response {
        switch self {
        case .csv: download(.init(string: table.csv()), name: name)
        case .xlsx: download(.init(data: table.xlsx(sheetName: sheetName)), name: name)
        }
    }
}
