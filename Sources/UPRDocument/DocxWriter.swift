import Foundation
import UPRSpreadsheet

/// Writes a `WordDocument` as a WordprocessingML package (DOCX) that Word and LibreOffice open: the styles it uses
/// (title, three heading levels, quote, a bordered table with a repeated header row) are defined in the package,
/// so the document looks the same wherever it opens, and headings carry outline levels for the navigation pane.
public enum DocxWriter {
    public static func data(_ document: WordDocument) -> Data {
        let charts = document.blocks.compactMap { block -> WordChart? in
            if case .chart(let chart) = block { return chart }
            return nil
        }
        return OfficePackage.zip(
            [
                ("[Content_Types].xml", contentTypes(charts: charts.count)),
                ("_rels/.rels", packageRelationships),
                ("docProps/core.xml", coreProperties(document)),
                ("docProps/app.xml", appProperties),
                ("word/document.xml", body(document)),
                ("word/styles.xml", styles(document.language)),
                ("word/_rels/document.xml.rels", documentRelationships(charts: charts.count)),
            ] + charts.enumerated().map { ("word/charts/chart\($0.offset + 1).xml", DocxChartXML.part($0.element)) })
    }

    static func body(_ document: WordDocument) -> [UInt8] {
        var xml = XMLBuffer(capacity: 64 * 1024)
        xml.append(
            #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#
        )
        var charts = 0
        for block in document.blocks {
            switch block {
            case .title(let text): paragraph(&xml, style: "Title", runs: [WordDocument.Run(text)])
            case .heading(let level, let text):
                paragraph(&xml, style: "Heading\(min(max(level, 1), 3))", runs: [WordDocument.Run(text)])
            case .paragraph(let runs): paragraph(&xml, style: nil, runs: runs)
            case .quote(let text): paragraph(&xml, style: "Quote", runs: [WordDocument.Run(text)])
            case .table(let table): self.table(&xml, table)
            case .chart(let chart):
                charts += 1
                DocxChartXML.drawing(&xml, chart, number: charts)
            case .pageBreak: xml.append(#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#)
            }
        }
        // A4 portrait with 2 cm margins.
        xml.append(
            #"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>"#
        )
        xml.append("</w:body></w:document>")
        return xml.bytes
    }

    static func paragraph(_ xml: inout XMLBuffer, style: String?, runs: [WordDocument.Run]) {
        xml.append("<w:p>")
        if let style { xml.append(#"<w:pPr><w:pStyle w:val=""# + style + #""/></w:pPr>"#) }
        for run in runs { self.run(&xml, run) }
        xml.append("</w:p>")
    }

    /// A run; line breaks in the text become `<w:br/>`.
    static func run(_ xml: inout XMLBuffer, _ run: WordDocument.Run) {
        xml.append("<w:r>")
        if run.bold || run.italic {
            xml.append("<w:rPr>")
            if run.bold { xml.append("<w:b/>") }
            if run.italic { xml.append("<w:i/>") }
            xml.append("</w:rPr>")
        }
        let lines = CellText.sanitize(run.text).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 { xml.append("<w:br/>") }
            xml.append(#"<w:t xml:space="preserve">"#)
            xml.appendEscaped(String(line))
            xml.append("</w:t>")
        }
        xml.append("</w:r>")
    }

    /// A table across the text width (9638 twentieths of a point on A4 with 2 cm margins).
    static func table(_ xml: inout XMLBuffer, _ table: WordDocument.Table) {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        let weights = table.widths.count == columns ? table.widths : Array(repeating: 1, count: columns)
        let total = max(weights.reduce(0, +), 1)
        let widths = weights.map { 9638 * $0 / total }
        xml.append(
            #"<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>"#
        )
        for width in widths { xml.append(#"<w:gridCol w:w=""# + String(width) + #""/>"#) }
        xml.append("</w:tblGrid>")
        if !table.header.isEmpty {
            // The header row repeats on every page the table runs to.
            xml.append(#"<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"#)
            for index in 0..<columns {
                cell(&xml, index < table.header.count ? table.header[index] : "", width: widths[index], bold: true)
            }
            xml.append("</w:tr>")
        }
        for row in table.rows {
            xml.append("<w:tr>")
            for index in 0..<columns {
                cell(&xml, index < row.count ? row[index] : "", width: widths[index], bold: false)
            }
            xml.append("</w:tr>")
        }
        xml.append("</w:tbl>")
        // Word needs a paragraph between two tables, or it joins them.
        xml.append("<w:p/>")
    }

    static func cell(_ xml: inout XMLBuffer, _ text: String, width: Int, bold: Bool) {
        xml.append(#"<w:tc><w:tcPr><w:tcW w:w=""# + String(width) + #"" w:type="dxa"/>"#)
        if bold { xml.append(#"<w:shd w:val="clear" w:color="auto" w:fill="F3F2F1"/>"#) }
        xml.append("</w:tcPr>")
        paragraph(&xml, style: "TableText", runs: [WordDocument.Run(text, bold: bold)])
        xml.append("</w:tc>")
    }

    // MARK: - Package parts

    static func contentTypes(charts: Int) -> [UInt8] {
        var text = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
            """
        for number in stride(from: 1, through: charts, by: 1) {
            text +=
                #"<Override PartName="/word/charts/chart\#(number).xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>"#
        }
        return Array((text + "</Types>").utf8)
    }

    static let packageRelationships = Array(
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>
        """.utf8)

    static func documentRelationships(charts: Int) -> [UInt8] {
        var text = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
            """
        for number in stride(from: 1, through: charts, by: 1) {
            text +=
                #"<Relationship Id="rIdChart\#(number)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart\#(number).xml"/>"#
        }
        return Array((text + "</Relationships>").utf8)
    }

    static let appProperties = Array(
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>UPR Tracker</Application></Properties>
        """.utf8)

    static func coreProperties(_ document: WordDocument) -> [UInt8] {
        var xml = XMLBuffer()
        xml.append(
            #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">"#
        )
        xml.element("dc:title", CellText.sanitize(document.title))
        xml.element("dc:language", document.language)
        xml.element("dc:creator", "UPR Tracker")
        xml.append("</cp:coreProperties>")
        return xml.bytes
    }

    /// Styles in the spirit of the site: a plain sans-serif, clear heading sizes, tables with light borders.
    static func styles(_ language: String) -> [UInt8] {
        var xml = XMLBuffer()
        xml.append(
            #"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="21"/><w:lang w:val=""#
        )
        xml.appendEscaped(language)
        xml.append(
            #""/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
        )
        xml.append(#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>"#)
        xml.append(
            #"<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style>"#
        )
        for (level, size) in [(1, 32), (2, 27), (3, 23)] {
            xml.append(
                #"<w:style w:type="paragraph" w:styleId="Heading\#(level)"><w:name w:val="heading \#(level)"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="\#(level == 1 ? 360 : 240)" w:after="120"/><w:outlineLvl w:val="\#(level - 1)"/></w:pPr><w:rPr><w:b/><w:sz w:val="\#(size)"/></w:rPr></w:style>"#
            )
        }
        xml.append(
            #"<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:pPr><w:pBdr><w:left w:val="single" w:sz="24" w:space="8" w:color="B1B4B6"/></w:pBdr><w:ind w:left="284"/></w:pPr></w:style>"#
        )
        xml.append(
            #"<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="19"/></w:rPr></w:style>"#
        )
        xml.append(
            #"<w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:color="B1B4B6"/><w:left w:val="single" w:sz="4" w:color="B1B4B6"/><w:bottom w:val="single" w:sz="4" w:color="B1B4B6"/><w:right w:val="single" w:sz="4" w:color="B1B4B6"/><w:insideH w:val="single" w:sz="4" w:color="B1B4B6"/><w:insideV w:val="single" w:sz="4" w:color="B1B4B6"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
        )
        xml.append("</w:styles>")
        return xml.bytes
    }
}
