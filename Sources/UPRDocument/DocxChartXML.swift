import UPRSpreadsheet

/// The parts of a DOCX chart: the chart part itself and the drawing that places it in the text.
enum DocxChartXML {
    /// 1 inch in English Metric Units.
    static let inch = 914_400

    /// An inline drawing of chart `number` (relationship `rIdChart<number>`), the text width and as tall as its bars.
    static func drawing(_ xml: inout XMLBuffer, _ chart: WordChart, number: Int) {
        let height = inch + chart.categories.count * inch * 3 / 10
        xml.append(
            #"<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="6120000" cy=""#)
        xml.append(height)
        xml.append(#""/><wp:docPr id=""#)
        xml.append(number)
        xml.append(#"" name="Chart "#)
        xml.append(number)
        xml.append(#"" descr=""#)
        xml.appendEscaped(CellText.sanitize(chart.description))
        xml.append(
            #""/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rIdChart"#
        )
        xml.append(number)
        xml.append(#""/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#)
    }

    /// The chart part: a percent-stacked horizontal bar chart with the values cached in the part, categories top
    /// to bottom in the given order, the legend below.
    static func part(_ chart: WordChart) -> [UInt8] {
        var xml = XMLBuffer()
        xml.append(
            #"<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1100" b="1"/></a:pPr><a:r><a:rPr lang="en-GB" sz="1100" b="1"/><a:t>"#
        )
        xml.appendEscaped(CellText.sanitize(chart.title))
        xml.append(
            #"</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="percentStacked"/><c:varyColors val="0"/>"#
        )
        let rows = chart.categories.count
        for (index, series) in chart.series.enumerated() {
            let column = String(UnicodeScalar(UInt8(66 + min(index, 24))))  // B, C, …
            xml.append(#"<c:ser><c:idx val=""#)
            xml.append(index)
            xml.append(#""/><c:order val=""#)
            xml.append(index)
            xml.append(
                #""/><c:tx><c:strRef><c:f>Sheet1!$"# + column
                    + #"$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>"#)
            xml.appendEscaped(CellText.sanitize(series.name))
            xml.append(#"</c:v></c:pt></c:strCache></c:strRef></c:tx><c:spPr><a:solidFill><a:srgbClr val=""#)
            xml.appendEscaped(series.color)
            xml.append(#""/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val="0"/>"#)
            xml.append(
                #"<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$"# + String(rows + 1) + #"</c:f><c:strCache><c:ptCount val=""#)
            xml.append(rows)
            xml.append(#""/>"#)
            for (position, category) in chart.categories.enumerated() {
                xml.append(#"<c:pt idx=""#)
                xml.append(position)
                xml.append(#""><c:v>"#)
                xml.appendEscaped(CellText.sanitize(category))
                xml.append("</c:v></c:pt>")
            }
            xml.append(
                #"</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Sheet1!$"# + column + "$2:$" + column + "$"
                    + String(rows + 1) + #"</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=""#)
            xml.append(rows)
            xml.append(#""/>"#)
            for (position, value) in series.values.prefix(rows).enumerated() {
                xml.append(#"<c:pt idx=""#)
                xml.append(position)
                xml.append(#""><c:v>"#)
                xml.append(value)
                xml.append("</c:v></c:pt>")
            }
            xml.append("</c:numCache></c:numRef></c:val></c:ser>")
        }
        xml.append(
            #"<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart><c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx><c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="0%" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>"#
        )
        return xml.bytes
    }
}
