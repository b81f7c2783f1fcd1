#!/usr/bin/env python3
"""Writes the UHRI fixtures of this folder: the same 40 records as OHCHR's Universal Human Rights Index exports them,
once as XLSX (mongolia-uhri.xlsx) and once as JSON (mongolia-uhri.json).

The UPR records are Mongolia's first review (session 9, report A/HRC/16/5): their paragraphs, texts, recommending
states and positions are the registry's own real rows (shared/data/mongolia/mongolia_cycle1_joined_para_action_issue.csv,
copied below so that the script needs nothing beside it). The treaty-body and special-procedure records are written
in the same layout with real-looking symbols; their texts are modelled on concluding observations and mission
reports, not copied from them. Themes, affected persons and SDG targets are assigned from the UPR Info issues.

The export's quirks are reproduced: a leading "- " on every value, one value per line in list cells, dates as Excel
serial numbers (General format, so a reader sees the number), the paragraph number at the start of Text, OHCHR's
"Reccomending" in two headings, HTML with character references in the JSON's Text.

Usage: python3 make_fixtures.py   (writes both files next to itself; the output is the same on every run)
"""
import datetime
import json
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

HEADINGS = [
    "Text", "Countries Concerned", "Reccomending Body", "Document Symbol", "Themes", "Affected Persons", "Sdgs",
    "Document Publication Date", "UPR Reccomending States", "UPR Position", "Type", "OHCHR Annotation Id",
    "UPR Session", "Regions Concerned", "Recommending Regions", "Date of publication on UHRI",
]

# Mongolia's first review, from mongolia_cycle1_joined_para_action_issue.csv: paragraph, text (as UPR Info gives
# it), recommending states (from the report's brackets), position, UPR Info issues.
UPR_ROWS = [
    ("84.1", "Ratify, at the earliest possible date, the International Convention for the Protection of All Persons from Enforced Disappearance", ["France"], "Supported", ["Enforced disappearances", "International instruments"]),
    ("84.2", "Favourably consider the possibility of the ratification of the Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment", ["Mexico"], "Supported", ["Detention", "International instruments", "Torture and other CID treatment"]),
    ("84.3", "Ratify the Optional Protocol to the Convention against Torture and other Cruel, Inhuman or Degrading Treatment or Punishment, and introduce effective mechanisms for monitoring the actions of law enforcement officials", ["New Zealand"], "Supported", ["Detention", "International instruments", "Torture and other CID treatment"]),
    ("84.4", "Ratify the Optional Protocol to the Convention against Torture, and the International Convention for the Protection of All Persons from Enforced Disappearance, and make the declaration provided for in article 22 of the Convention against Torture", ["Spain"], "Supported", ["Detention", "Enforced disappearances", "International instruments", "Torture and other CID treatment"]),
    ("84.7", "Ratify the Second Optional Protocol to the International Covenant on Civil and Political Rights", ["Brazil", "Spain"], "Supported", ["Death penalty", "International instruments"]),
    ("84.8", "Sign and ratify the Second Optional Protocol to the International Covenant on Civil and Political Rights, aiming at the abolition of the death penalty", ["Sweden", "Portugal"], "Supported", ["Death penalty", "International instruments"]),
    ("84.13", "Swiftly accede to the Second Optional Protocol of the International Covenant on Civil and Political Rights", ["Switzerland"], "Supported", ["Death penalty", "International instruments"]),
    ("84.15", "Continue harmonizing its domestic legislation in conformity with the Convention on the Rights of the Child, introduce legislation to prevent and end all forms of corporal punishment, and adopt effective measures for preventing children under the age of 18 from being involved in hazardous work", ["Italy"], "Supported", ["International instruments", "Rights of the Child", "Torture and other CID treatment"]),
    ("84.17", "Enact broad anti-discrimination legislation that explicitly prohibits discrimination based on sexual orientation and gender identity", ["Canada"], "Supported", ["Sexual Orientation and Gender Identity"]),
    ("84.23", "Adopt an anti-trafficking law to protect and assist victims of such criminal and clandestine activities", ["Indonesia"], "Supported", ["Trafficking"]),
    ("84.26", "Uphold its commitment to strengthen the national mechanism for the protection and promotion of children’s rights", ["Islamic Republic of Iran"], "Supported", ["Rights of the Child"]),
    ("84.28", "Successfully implement its plan of action for the period 2008-2012, which was adopted by the Government with a view to the implementation of the Convention on the Rights of Persons with Disabilities", ["Russian Federation"], "Supported", ["Disabilities", "International instruments"]),
    ("84.30", "Channel its efforts into implementing poverty-alleviation strategies, particularly in suburban and rural areas", ["Indonesia"], "Supported", ["Poverty"]),
    ("84.38", "Undertake special measures concerning employment, social welfare and protection of the rights of vulnerable groups, in particular women and persons with disabilities", ["Islamic Republic of Iran"], "Supported", ["Disabilities", "Women's rights"]),
    ("84.40", "Finalize and submit the treaty body periodic reports as a matter of priority", ["Australia"], "Supported", ["Treaty bodies"]),
    ("84.61", "Design and implement educational programmes for the gradual inclusion of students with disabilities in the education system", ["Slovenia"], "Supported", ["Disabilities", "Right to education"]),
    ("84.104", "Strengthen efforts to combat malnutrition and diseases such as tuberculosis", ["Bangladesh"], "Supported", ["Right to food", "Right to health"]),
    ("86.1", "Become party to the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families", ["Argentina"], "Noted", ["International instruments", "Labour", "Migrants"]),
    ("86.2", "Accede to the 1951 Convention relating to the Status of Refugees and the 1967 Protocol thereto", ["Norway"], "Noted", ["Asylum-seekers - refugees", "International instruments"]),
    ("86.3", "Mandate the Constitutional Court to act upon violations of the individual rights and freedoms guaranteed under the Constitution. This possibility should also help to remedy violations of the land and environmental rights of indigenous and herder peoples, including the right to safe drinking water", ["Hungary"], "Noted", ["Indigenous peoples", "Right to water"]),
]

REGION = {
    "France": "Western European and other States", "Mexico": "Latin American and Caribbean States",
    "New Zealand": "Western European and other States", "Spain": "Western European and other States",
    "Brazil": "Latin American and Caribbean States", "Sweden": "Western European and other States",
    "Portugal": "Western European and other States", "Switzerland": "Western European and other States",
    "Azerbaijan": "Eastern European States", "Netherlands": "Western European and other States",
    "Belarus": "Eastern European States", "Algeria": "African States", "Republic of Korea": "Asia-Pacific States",
    "Indonesia": "Asia-Pacific States", "Slovenia": "Eastern European States",
    "Australia": "Western European and other States", "Bangladesh": "Asia-Pacific States", "Egypt": "African States",
    "Czech Republic": "Eastern European States", "Italy": "Western European and other States",
    "Canada": "Western European and other States", "Islamic Republic of Iran": "Asia-Pacific States",
    "Russian Federation": "Eastern European States", "Argentina": "Latin American and Caribbean States",
    "Norway": "Western European and other States", "Hungary": "Eastern European States",
}

# OHCHR themes, groups of affected persons and SDG targets per UPR Info issue.
THEMES = {
    "Enforced disappearances": ["D32 Enforced disappearances"],
    "International instruments": ["A12 Acceptance of international norms"],
    "Detention": ["D26 Conditions of detention"],
    "Torture and other CID treatment": ["D25 Prohibition of torture and cruel, inhuman or degrading treatment"],
    "Death penalty": ["D23 Death penalty"],
    "Rights of the Child": ["F31 Children: definition; general principles; protection"],
    "Sexual Orientation and Gender Identity": ["G1 Members of minorities", "B31 Equality & non-discrimination"],
    "Trafficking": ["D27 Prohibition of slavery, trafficking"],
    "Disabilities": ["F4 Persons with disabilities"],
    "Poverty": ["E25 Human rights & poverty"],
    "Women's rights": ["F12 Discrimination against women"],
    "Treaty bodies": ["A41 Constitutional and legislative framework", "A24 Cooperation with treaty bodies"],
    "Right to education": ["E51 Right to education - General"],
    "Right to food": ["E22 Right to food"],
    "Right to health": ["E41 Right to health - General"],
    "Migrants": ["G4 Migrants"],
    "Justice": ["D51 Administration of justice & fair trial"],
    "Labour": ["E32 Right to just and favourable conditions of work"],
    "Asylum-seekers - refugees": ["G5 Refugees & asylum seekers"],
    "Indigenous peoples": ["G3 Indigenous peoples"],
    "Right to water": ["E43 Right to water and sanitation"],
}
PERSONS = {
    "Rights of the Child": "children", "Disabilities": "persons with disabilities", "Women's rights": "women",
    "Migrants": "migrants", "Sexual Orientation and Gender Identity":
    "lesbian, gay, bisexual, transgender and intersex persons", "Detention": "persons deprived of their liberty",
    "Poverty": "persons living in poverty", "Trafficking": "women", "Asylum-seekers - refugees":
    "refugees & asylum seekers", "Indigenous peoples": "indigenous peoples",
}
TARGETS = {
    "1.3": "Implement nationally appropriate social protection systems and measures for all, including floors",
    "2.2": "End all forms of malnutrition",
    "3.3": "Fight communicable diseases",
    "4.5": "Eliminate gender disparities in education and ensure equal access to all levels of education and vocational training for the vulnerable",
    "5.1": "End all forms of discrimination against all women and girls everywhere",
    "5.2": "Eliminate all forms of violence against all women and girls in the public and private spheres",
    "8.7": "Take immediate and effective measures to eradicate forced labour, end modern slavery and human trafficking",
    "10.2": "Empower and promote the social, economic and political inclusion of all",
    "10.3": "Ensure equal opportunity and reduce inequalities of outcome",
    "10.7": "Facilitate orderly, safe, regular and responsible migration and mobility of people",
    "16.1": "Significantly reduce all forms of violence and related death rates everywhere",
    "16.2": "End abuse, exploitation, trafficking and all forms of violence against and torture of children",
    "16.3": "Promote the rule of law at the national and international levels and ensure equal access to justice for all",
    "16.10": "Ensure public access to information and protect fundamental freedoms",
    "16.a": "Strengthen relevant national institutions, including through international cooperation",
    "16.b": "Promote and enforce non-discriminatory laws and policies for sustainable development",
    "17.18": "Enhance availability of reliable data",
}
SDGS = {
    "Enforced disappearances": ["16.3"], "Detention": ["16.3"], "Torture and other CID treatment": ["16.3", "16.a"],
    "Death penalty": ["16.1"], "Rights of the Child": ["16.2"], "Sexual Orientation and Gender Identity": ["10.3", "16.b"],
    "Trafficking": ["5.2", "8.7", "16.2"], "Disabilities": ["10.2"], "Poverty": ["1.3"], "Women's rights": ["5.1"],
    "Right to education": ["4.5"], "Right to food": ["2.2"], "Right to health": ["3.3"], "Migrants": ["10.7"],
    "Justice": ["16.3"], "Treaty bodies": ["17.18"], "Labour": ["8.7"], "Right to water": ["6.1"],
}

# Treaty bodies and special procedures: body, symbol, publication day, type, paragraph, text, themes, persons, SDGs.
R, C = "Recommendations", "Concerns/Observations"
OTHER_ROWS = [
    ("CEDAW", "CEDAW/C/MNG/CO/8-9", "2016-03-10", C, "12.", "The Committee notes with concern that the Law on Promotion of Gender Equality (2011) does not contain a comprehensive definition of discrimination against women that covers both direct and indirect discrimination in the public and private spheres.", ["F12 Discrimination against women"], ["women"], ["5.1"]),
    ("CEDAW", "CEDAW/C/MNG/CO/8-9", "2016-03-10", R, "13.", "The Committee recommends that the State party adopt a comprehensive definition of discrimination against women, in line with article 1 of the Convention, and ensure that the Law on Promotion of Gender Equality is effectively enforced.", ["F12 Discrimination against women", "A41 Constitutional and legislative framework"], ["women", "girls"], ["5.1", "16.b"]),
    ("CEDAW", "CEDAW/C/MNG/CO/8-9", "2016-03-10", R, "23.", "The Committee recommends that the State party criminalize domestic violence, including marital rape, and ensure that women victims of violence have access to shelters, legal aid and rehabilitation services throughout the country, including in rural areas.", ["D29 Domestic violence", "F13 Violence against women"], ["women", "persons living in rural areas"], ["5.2", "16.1"]),
    ("CAT", "CAT/C/MNG/CO/2", "2016-09-19", C, "9.", "The Committee is concerned that the definition of torture in the Criminal Code is not fully in line with article 1 of the Convention and that the penalties provided are not commensurate with the gravity of the crime.", ["D25 Prohibition of torture and cruel, inhuman or degrading treatment"], ["persons deprived of their liberty"], ["16.3"]),
    ("CAT", "CAT/C/MNG/CO/2", "2016-09-19", R, "10.", "The State party should adopt a definition of torture that covers all the elements contained in article 1 of the Convention and ensure that acts of torture are punishable by appropriate penalties which take into account their grave nature.", ["D25 Prohibition of torture and cruel, inhuman or degrading treatment", "A41 Constitutional and legislative framework"], ["persons deprived of their liberty"], ["16.3", "16.a"]),
    ("CAT", "CAT/C/MNG/CO/2", "2016-09-19", R, "16.", "The State party should establish a national preventive mechanism with sufficient financial and human resources to carry out its mandate independently and effectively, including unannounced visits to all places of deprivation of liberty.", ["D26 Conditions of detention", "A5 National Human Rights Institution"], ["persons deprived of their liberty"], ["16.a"]),
    ("SPT", "CAT/OP/MNG/1", "2019-05-02", R, "21.", "The Subcommittee recommends that the State party ensure that all persons deprived of their liberty are informed of their rights and have access to a lawyer and an independent doctor from the very outset of their deprivation of liberty.", ["D26 Conditions of detention", "D51 Administration of justice & fair trial"], ["persons deprived of their liberty"], ["16.3"]),
    ("CRC", "CRC/C/MNG/CO/5", "2017-07-12", R, "18.", "The Committee urges the State party to prohibit explicitly all forms of corporal punishment of children in all settings, including in the home, schools and alternative care.", ["F32 Children: protection against violence"], ["children"], ["16.2"]),
    ("CRC-OP-SC", "CRC/C/OPSC/MNG/CO/1", "2010-02-25", R, "25.", "The Committee recommends that the State party define and prohibit the sale of children, child prostitution and child pornography in its Criminal Code in full conformity with articles 2 and 3 of the Optional Protocol.", ["D27 Prohibition of slavery, trafficking", "F32 Children: protection against violence"], ["children"], ["8.7", "16.2"]),
    ("CCPR", "CCPR/C/MNG/CO/6", "2017-08-22", C, "21.", "The Committee is concerned about reports of torture and ill-treatment by law enforcement officials, in particular to extract confessions, and about the low number of prosecutions and convictions.", ["D25 Prohibition of torture and cruel, inhuman or degrading treatment", "D8 Impunity"], ["law enforcement / police officials"], ["16.3"]),
    ("CCPR", "CCPR/C/MNG/CO/6", "2017-08-22", R, "22.", "The State party should take vigorous measures to eradicate torture and ill-treatment, ensure that all allegations are promptly and thoroughly investigated by an independent body, and that perpetrators are prosecuted and, if convicted, punished.", ["D25 Prohibition of torture and cruel, inhuman or degrading treatment", "D8 Impunity"], ["persons deprived of their liberty"], ["16.3"]),
    ("CESCR", "E/C.12/MNG/CO/4", "2015-07-07", R, "14.", "The Committee recommends that the State party ensure that mining and other extractive activities do not harm the enjoyment of economic, social and cultural rights, in particular the rights to water and to health of herders and other communities in the areas concerned.", ["E1 Economic, social & cultural rights - general measures of implementation", "B51 Right to an effective remedy"], ["persons living in rural areas"], ["6.1", "12.2"]),
    ("CERD", "CERD/C/MNG/CO/23-24", "2019-09-25", R, "12.", "The Committee recommends that the State party collect and publish reliable statistics on the ethnic composition of the population, disaggregated by ethnic origin, language and sex.", ["B32 Racial discrimination", "A63 Human rights & data"], ["minorities"], ["17.18"]),
    ("CRPD", "CRPD/C/MNG/CO/1", "2015-05-13", R, "36.", "The Committee recommends that the State party adopt a strategy to ensure inclusive education for all children with disabilities in mainstream schools, with reasonable accommodation and trained teachers.", ["F4 Persons with disabilities", "E51 Right to education - General"], ["persons with disabilities", "children"], ["4.5"]),
    ("SR on torture", "E/CN.4/2006/6/Add.4", "2005-12-20", R, "", "The Government should ensure that persons sentenced to death are not held in isolation and shackled, and that their families are informed of the date of execution and given the body.", ["D23 Death penalty", "D26 Conditions of detention"], ["persons deprived of their liberty"], ["16.1", "16.3"]),
    ("SR on extreme poverty and human rights", "A/HRC/23/36/Add.1", "2013-04-30", R, "", "Ensure that the social welfare system reaches the poorest households, in particular herders and residents of the ger districts of Ulaanbaatar.", ["E25 Human rights & poverty", "E31 Right to social security"], ["persons living in poverty"], ["1.3"]),
    ("SR on the situation of human rights defenders", "A/HRC/37/51/Add.2", "2018-01-12", R, "", "Adopt the draft law on the legal status of human rights defenders, in consultation with civil society, and ensure that it complies with the Declaration on Human Rights Defenders.", ["H1 Human rights defenders"], ["human rights defenders"], ["16.10"]),
    ("SR on the situation of human rights defenders", "A/HRC/37/51/Add.2", "2018-01-12", C, "", "Environmental and land rights defenders, particularly herders opposing mining projects, face threats, stigmatization and criminal proceedings.", ["H1 Human rights defenders", "B8 Human rights & environment"], ["human rights defenders", "persons living in rural areas"], ["16.10"]),
    ("WG on business and human rights", "A/HRC/23/32/Add.1", "2013-04-02", R, "", "Require companies to carry out human rights due diligence, including environmental and social impact assessments with the participation of affected communities.", ["B6 Business & human rights"], ["persons living in rural areas"], ["12.6"]),
    ("IE on the enjoyment of all human rights by older persons", "A/HRC/42/43/Add.1", "2019-07-05", R, "", "Ensure that older persons in remote areas have access to health care, including long-term care, and to pensions sufficient for an adequate standard of living.", ["E41 Right to health - General", "E31 Right to social security"], ["older persons"], ["1.3", "3.8"]),
]
TARGETS.update({
    "6.1": "Achieve universal and equitable access to safe and affordable drinking water for all",
    "12.2": "Achieve the sustainable management and efficient use of natural resources",
    "12.6": "Encourage companies to adopt sustainable practices and integrate sustainability information into their reporting cycle",
    "3.8": "Achieve universal health coverage",
})

ASIA = "Asia-Pacific States"
UPR_REPORT = ("A/HRC/16/5", "2011-01-04", "9 Session")
INDEXED_ON = "2021-06-15"


def annotation_id(number):
    """A stable GUID per record, in the 8-4-4-4-12 form UHRI prints (upper case, as in its workbook)."""
    hexdigits = "%032x" % (0x6F1C2A9E0B4D4C7E9A3B5D7F00000000 + number * 0x1000193)
    return "-".join([hexdigits[0:8], hexdigits[8:12], hexdigits[12:16], hexdigits[16:20], hexdigits[20:32]]).upper()


def serial(day):
    return (datetime.date.fromisoformat(day) - datetime.date(1899, 12, 30)).days


def sdg_lines(codes):
    return ["%s - %s" % (code, TARGETS[code]) for code in codes]


def records():
    out = []
    for para, text, states, position, issues in UPR_ROWS:
        themes = [t for issue in issues for t in THEMES.get(issue, [])]
        persons = sorted({PERSONS.get(issue, "general") for issue in issues})
        sdgs = sorted({code for issue in issues for code in SDGS.get(issue, [])}, key=lambda c: TARGETS_ORDER.index(c))
        out.append({
            "text": "%s %s" % (para, text), "body": "UPR", "symbol": UPR_REPORT[0], "themes": themes,
            "persons": persons, "sdgs": sdgs, "published": UPR_REPORT[1], "states": states, "position": position,
            "type": R, "session": UPR_REPORT[2], "recommending_regions": sorted({REGION[s] for s in states}),
        })
    for body, symbol, published, kind, para, text, themes, persons, sdgs in OTHER_ROWS:
        out.append({
            "text": (para + " " + text) if para else text, "body": body, "symbol": symbol, "themes": themes,
            "persons": persons, "sdgs": sdgs, "published": published, "states": [], "position": "", "type": kind,
            "session": "", "recommending_regions": [],
        })
    for number, record in enumerate(out, start=1):
        record["id"] = annotation_id(number)
    return out


TARGETS_ORDER = sorted(TARGETS, key=lambda c: (int(c.split(".")[0]), c.split(".")[1].isalpha(), int(c.split(".")[1]) if c.split(".")[1].isdigit() else c))


def dash(values):
    """UHRI's list cell: one value per line, each marked "- "."""
    return "\n".join("- " + v for v in values)


def workbook_rows(recs):
    rows = [HEADINGS]
    for number, r in enumerate(recs, start=1):
        rows.append([
            "- " + r["text"], dash(["Mongolia"]), "- " + r["body"], "- " + r["symbol"], dash(r["themes"]),
            dash(r["persons"]), dash(sdg_lines(r["sdgs"])), serial(r["published"]), dash(r["states"]),
            # The marker is on some ids and not others in real exports.
            ("- " + r["position"]) if r["position"] else "", "- " + r["type"], ("- " if number % 2 else "") + r["id"],
            ("- " + r["session"]) if r["session"] else "", dash([ASIA]), dash(r["recommending_regions"]),
            serial(INDEXED_ON),
        ])
    return rows


def column_letters(index):
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def write_xlsx(path, rows):
    strings, string_index = [], {}

    def shared(text):
        if text not in string_index:
            string_index[text] = len(strings)
            strings.append(text)
        return string_index[text]

    sheet_rows = []
    for number, row in enumerate(rows, start=1):
        cells = []
        for column, value in enumerate(row):
            ref = "%s%d" % (column_letters(column), number)
            if value == "":
                continue
            if isinstance(value, int):
                cells.append('<c r="%s"><v>%d</v></c>' % (ref, value))
            else:
                cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, shared(value)))
        sheet_rows.append('<row r="%d">%s</row>' % (number, "".join(cells)))
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '</Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % rel,
        "xl/workbook.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets>'
            '</workbook>' % (main, rel),
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="%s/sharedStrings" Target="sharedStrings.xml"/>'
            '<Relationship Id="rId3" Type="%s/styles" Target="styles.xml"/></Relationships>' % (rel, rel, rel),
        "xl/styles.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<styleSheet xmlns="%s"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
            '<cellXfs count="1"><xf numFmtId="0" xfId="0"/></cellXfs></styleSheet>' % main,
        "xl/sharedStrings.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
            % (main, len(strings), len(strings),
               "".join('<si><t xml:space="preserve">%s</t></si>' % escape(s) for s in strings)),
        "xl/worksheets/sheet1.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="%s"><sheetData>%s</sheetData>'
            '</worksheet>' % (main, "".join(sheet_rows)),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))


def html(text):
    """The JSON's Text: a paragraph of HTML, with the references UHRI's editor writes."""
    body = escape(text).replace("\u2019", "&rsquo;")
    # A no-break space after the paragraph number, as in the index's HTML.
    first, _, rest = body.partition(" ")
    if first[:1].isdigit() and rest:
        body = first + "&nbsp;" + rest
    return "<p>" + body + "</p>"


def write_json(path, recs):
    out = []
    for r in recs:
        is_upr = r["body"] == "UPR"
        out.append({
            "AnnotationId": r["id"].lower(),
            "AnnotationType": r["type"],
            "Body": r["body"],
            "Countries": ["Mongolia"],
            "Symbol": r["symbol"],
            "Text": html(r["text"]),
            "Themes": r["themes"],
            "AffectedPersons": r["persons"],
            "Sdgs": sdg_lines(r["sdgs"]),
            "PublicationDate": r["published"] + "T00:00:00",
            "PublicationDateOnUhri": INDEXED_ON + "T00:00:00",
            "Regions": [ASIA],
            "UprCycle": "1st cycle" if is_upr else None,
            "UprSession": [r["session"]] if r["session"] else [],
            "UprPositions": [r["position"]] if r["position"] else [],
            "UprRecommendingCountry": r["states"],
            "UprRecommendingRegions": r["recommending_regions"],
        })
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        json.dump(out, handle, ensure_ascii=False, indent=1)
        handle.write("\n")


def main():
    recs = records()
    write_xlsx(os.path.join(HERE, "mongolia-uhri.xlsx"), workbook_rows(recs))
    write_json(os.path.join(HERE, "mongolia-uhri.json"), recs)
    print("%d records: %d UPR, %d others" % (len(recs), len(UPR_ROWS), len(OTHER_ROWS)))


if __name__ == "__main__":
    main()
