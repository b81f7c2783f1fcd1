import Foundation
import UPRFileFormats

/// The zip reader as the workbook reader uses it: its faults worded for someone who saved the file in Excel.
extension ZipReader {
    /// Opens an XLSX package, with the default limits (a part is at most a few tens of megabytes).
    static func workbook(_ data: Data) throws(ReadProblem) -> ZipReader {
        do {
            return try ZipReader(data)
        } catch {
            if error.reason == .encrypted {
                throw ReadProblem(
                    "not a readable XLSX workbook: the workbook is encrypted; remove its password in Excel and try "
                        + "again")
            }
            throw ReadProblem("not a readable XLSX workbook: \(error.message)")
        }
    }

    /// The part's bytes, inflated and checked against its CRC-32.
    func part(_ path: String) throws(ReadProblem) -> [UInt8] {
        do {
            return try bytes(of: path)
        } catch {
            if error.reason == .damagedEntry {
                throw ReadProblem("the workbook is damaged or truncated (\(path) cannot be unpacked)")
            }
            throw ReadProblem("the workbook's part \(path) cannot be read: \(error.message)")
        }
    }
}
