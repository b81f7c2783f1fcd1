#!/usr/bin/env python3
"""Writes the inputs of the UHRI import benchmark (issue 13, "Performance") from the registry's real texts.

Every record is a real recommendation of the UPR Info export of sessions 1-16
(shared/data/upr-info/recommendations-sessions-01-16.csv: its text, recommending states, response, action, issues
and session), repeated with the state under review varied until there are N records (default 267,548, the size of
UHRI's full export). Writes three files into $UHRI_BENCH_DIR (default /tmp/uhri-bench), never into the repository:

- uhri-export.json: N records in the layout of UHRI's JSON export, exactly as the committed fixture
  Tests/UPRImportTests/Fixtures/uhri/mongolia-uhri.json writes it (the same 17 members, one-space indentation, Text
  as HTML with the paragraph number first and a no-break space after it, lower-case GUIDs, ISO dates, `9 Session`,
  `1st cycle`, `Supported`/`Noted`). Mostly UPR (about 70%), then treaty bodies (CEDAW, CAT, CRC, CCPR, CESCR,
  CERD, CRPD, chosen by the recommendation's issues, symbols such as `CEDAW/C/MON/CO/3`; a third of them
  concerns/observations) and special procedures (`SR on torture`, `WG on Arbitrary Detention`, …; no paragraph
  numbers, as in the fixture). Written one record at a time: one JSON array.
- uhri-export.xlsx: the first X records (default 30,000) in UHRI's 16-column workbook layout (the fixture's
  headings with OHCHR's "Reccomending" typo, `- ` before every value and before every other annotation id,
  upper-case GUIDs, one value per line in list cells, dates as Excel serial numbers in General format, shared
  strings), written by the fixture's own writer (make_fixtures.write_xlsx; openpyxl would write inline strings,
  which neither UHRI nor the fixture does). `--check` reads it back with openpyxl when that is installed.
- uprinfo-export.csv: the same N recommendations as UPR Info exports them (its real header; one row per
  recommending state, copied from the real rows with only the state under review changed), for the comparison.
  Treaty-body and special-procedure records appear there as the UPR recommendation their text was taken from.

Keys: a UPR record is unique by state + session + paragraph, a treaty body's by state + symbol + paragraph, a
special procedure's by state + symbol + text; and every record by state + session + text (the UPR Info grouping, in
its loose form), so the three files hold the same number of records. Annotation ids are uuid5 of the record's place.
The output is the same on every run (no clock, no randomness). Needs only Python 3's standard library.

Usage: python3 benchmarks/uhri/make_export.py [--records N] [--xlsx-rows X] [--out DIR] [--data CSV] [--check]
"""
import argparse
import csv
import datetime
import hashlib
import html
import json
import os
import re
import sys
import uuid
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "Tests", "UPRImportTests", "Fixtures", "uhri")
sys.path.insert(0, FIXTURES)
import make_fixtures as fixtures  # noqa: E402  (the fixture's own workbook writer: one layout for both)
DEFAULT_DATA = os.path.join(HERE, "..", "..", "..", "shared", "data", "upr-info", "recommendations-sessions-01-16.csv")
NAMESPACE = uuid.UUID("3d7c1f4e-8a52-4b0e-9d61-5c2b7e90a113")

HEADINGS = [
    "Text", "Countries Concerned", "Reccomending Body", "Document Symbol", "Themes", "Affected Persons", "Sdgs",
    "Document Publication Date", "UPR Reccomending States", "UPR Position", "Type", "OHCHR Annotation Id",
    "UPR Session", "Regions Concerned", "Recommending Regions", "Date of publication on UHRI",
]
R, C = "Recommendations", "Concerns/Observations"

REGION = {
    "Asia": "Asia-Pacific States", "Africa": "African States", "GRULAC": "Latin American and Caribbean States",
    "WEOG": "Western European and other States", "EEG": "Eastern European States",
}

# OHCHR themes (the headings of the thematic lists in shared/data/ohchr-thematic-lists), affected persons and SDG
# targets per UPR Info issue.
THEMES = {
    "Asylum-seekers - refugees": ["G5 Refugees & asylum seekers"],
    "CP rights - general": ["D1 Civil & political rights - general measures of implementation"],
    "Civil society": ["A61 Cooperation with civil society"],
    "Corruption": ["B52 Corruption"],
    "Counter-terrorism": ["D22 Human rights & counter-terrorism"],
    "Death penalty": ["D23 Death penalty"],
    "Detention": ["D26 Conditions of detention"],
    "Development": ["A3 Inter-State cooperation & development assistance"],
    "Disabilities": ["F41 Persons with disabilities: definition, general principles"],
    "ESC rights - general": ["E1 Economic, social & cultural rights - general measures of implementation"],
    "Elections": ["D7 Right to participation in public affairs and right to vote"],
    "Enforced disappearances": ["D32 Enforced disappearances"],
    "Environment": ["B8 Human rights & environment"],
    "Extrajudicial executions": ["D21 Right to life"],
    "Freedom of association and peaceful assembly": ["D44 Right to peaceful assembly", "D45 Freedom of association"],
    "Freedom of movement": ["D41 Freedom of movement"],
    "Freedom of opinion and expression": ["D43 Freedom of opinion and expression"],
    "Freedom of religion and belief": ["D42 Freedom of thought, conscience and religion"],
    "Freedom of the press": ["D43 Freedom of opinion and expression"],
    "General": ["A42 Institutions & policies - General"],
    "HIV - Aids": ["E41 Right to health - General"],
    "Human rights defenders": ["H1 Human rights defenders"],
    "Human rights education and training": ["A51 Human rights education - general"],
    "Human rights violations by state agents": ["D25 Prohibition of torture and cruel, inhuman or degrading treatment"],
    "Impunity": ["B51 Right to an effective remedy"],
    "Indigenous peoples": ["G3 Indigenous peoples"],
    "Internally displaced persons": ["G6 Internally displaced persons"],
    "International humanitarian law": ["B7 International humanitarian law"],
    "International instruments": ["A12 Acceptance of international norms"],
    "Justice": ["D51 Administration of justice & fair trial"],
    "Labour": ["E31 Right to work", "E32 Right to just and favourable conditions of work"],
    "Migrants": ["G4 Migrants"],
    "Minorities": ["G1 Members of minorities"],
    "NHRI": ["A45 National Human Rights Institution (NHRI)"],
    "National plan of action": ["A43 Human rights policies"],
    "Other": ["A42 Institutions & policies - General"],
    "Poverty": ["E25 Human rights & poverty"],
    "Public security": ["D21 Right to life"],
    "Racial discrimination": ["B32 Racial discrimination"],
    "Right to education": ["E51 Right to education - General"],
    "Right to food": ["E22 Right to food"],
    "Right to health": ["E41 Right to health - General"],
    "Right to housing": ["E23 Right to adequate housing"],
    "Right to land": ["E21 Right to an adequate standard of living - general"],
    "Right to water": ["E26 Human Rights & drinking water and sanitation"],
    "Rights of the Child": ["F31 Children: definition; general principles; protection"],
    "Sexual Orientation and Gender Identity": ["G2 Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)"],
    "Special procedures": ["A24 Cooperation with special procedures"],
    "Technical assistance and cooperation": ["A3 Inter-State cooperation & development assistance"],
    "Torture and other CID treatment": ["D25 Prohibition of torture and cruel, inhuman or degrading treatment"],
    "Trafficking": ["D27 Prohibition of slavery, trafficking"],
    "Treaty bodies": ["A22 Cooperation with treaty bodies"],
    "UPR process": ["A27 Follow-up to Universal Periodic Review (UPR)"],
    "Women's rights": ["F12 Discrimination against women"],
}
PERSONS = {
    "Rights of the Child": "children", "Disabilities": "persons with disabilities", "Women's rights": "women",
    "Migrants": "migrants", "Sexual Orientation and Gender Identity":
    "lesbian, gay, bisexual, transgender and intersex persons", "Detention": "persons deprived of their liberty",
    "Poverty": "persons living in poverty", "Trafficking": "women", "Asylum-seekers - refugees":
    "refugees & asylum seekers", "Indigenous peoples": "indigenous peoples", "Minorities": "minorities",
    "Human rights defenders": "human rights defenders", "Internally displaced persons": "internally displaced persons",
    "Freedom of the press": "media", "HIV - Aids": "persons living with HIV/AIDS",
}
TARGETS = {
    "1.3": "Implement nationally appropriate social protection systems and measures for all, including floors",
    "1.4": "Equal rights to ownership, basic services, technology and economic resources",
    "2.1": "Universal access to safe and nutritious food",
    "2.2": "End all forms of malnutrition",
    "3.3": "Fight communicable diseases",
    "3.8": "Achieve universal health coverage",
    "4.1": "Free primary and secondary education",
    "4.5": "Eliminate gender disparities in education and ensure equal access to all levels of education and vocational training for the vulnerable",
    "4.7": "Education for sustainable development and global citizenship",
    "5.1": "End all forms of discrimination against all women and girls everywhere",
    "5.2": "Eliminate all forms of violence against all women and girls in the public and private spheres",
    "6.1": "Achieve universal and equitable access to safe and affordable drinking water for all",
    "8.5": "Full employment and decent work with equal pay",
    "8.7": "Take immediate and effective measures to eradicate forced labour, end modern slavery and human trafficking",
    "8.8": "Protect labour rights and promote safe working environments",
    "10.2": "Empower and promote the social, economic and political inclusion of all",
    "10.3": "Ensure equal opportunity and reduce inequalities of outcome",
    "10.7": "Facilitate orderly, safe, regular and responsible migration and mobility of people",
    "11.1": "Safe and affordable housing",
    "13.1": "Strengthen resilience and adaptive capacity to climate-related disasters",
    "16.1": "Significantly reduce all forms of violence and related death rates everywhere",
    "16.2": "End abuse, exploitation, trafficking and all forms of violence against and torture of children",
    "16.3": "Promote the rule of law at the national and international levels and ensure equal access to justice for all",
    "16.5": "Substantially reduce corruption and bribery in all their forms",
    "16.7": "Ensure responsive, inclusive and representative decision-making",
    "16.9": "Provide legal identity for all, including birth registration",
    "16.10": "Ensure public access to information and protect fundamental freedoms",
    "16.a": "Strengthen relevant national institutions, including through international cooperation",
    "16.b": "Promote and enforce non-discriminatory laws and policies for sustainable development",
    "17.9": "Enhance capacity building in developing countries",
    "17.18": "Enhance availability of reliable data",
}
SDGS = {
    "Enforced disappearances": ["16.3"], "Detention": ["16.3"], "Torture and other CID treatment": ["16.3", "16.a"],
    "Death penalty": ["16.1"], "Rights of the Child": ["16.2"], "Sexual Orientation and Gender Identity": ["10.3", "16.b"],
    "Trafficking": ["5.2", "8.7", "16.2"], "Disabilities": ["10.2"], "Poverty": ["1.3"], "Women's rights": ["5.1"],
    "Right to education": ["4.1", "4.5"], "Right to food": ["2.1", "2.2"], "Right to health": ["3.8"],
    "HIV - Aids": ["3.3"], "Migrants": ["10.7"], "Justice": ["16.3"], "Treaty bodies": ["17.18"],
    "Labour": ["8.5", "8.8"], "Right to water": ["6.1"], "Right to housing": ["11.1"], "Right to land": ["1.4"],
    "Corruption": ["16.5"], "Elections": ["16.7"], "Freedom of opinion and expression": ["16.10"],
    "Freedom of the press": ["16.10"], "Human rights defenders": ["16.10"], "NHRI": ["16.a"],
    "Racial discrimination": ["10.3", "16.b"], "Minorities": ["10.2"], "Environment": ["13.1"],
    "Human rights education and training": ["4.7"], "Technical assistance and cooperation": ["17.9"],
    "Development": ["17.9"], "Extrajudicial executions": ["16.1"], "Public security": ["16.1"],
    "Impunity": ["16.3"], "Indigenous peoples": ["10.2"],
}
TARGET_ORDER = sorted(TARGETS, key=lambda c: (int(c.split(".")[0]), c.split(".")[1].isalpha(),
                                              int(c.split(".")[1]) if c.split(".")[1].isdigit() else 0,
                                              c.split(".")[1]))

# Treaty bodies by issue (the first issue that names one decides), with their symbols' forms.
BODY_BY_ISSUE = [
    ("Women's rights", "CEDAW"), ("Rights of the Child", "CRC"), ("Torture and other CID treatment", "CAT"),
    ("Detention", "CAT"), ("Disabilities", "CRPD"), ("Racial discrimination", "CERD"), ("Minorities", "CERD"),
    ("ESC rights - general", "CESCR"), ("Right to health", "CESCR"), ("Right to education", "CESCR"),
    ("Right to food", "CESCR"), ("Right to housing", "CESCR"), ("Right to water", "CESCR"), ("Labour", "CESCR"),
    ("Poverty", "CESCR"),
]
SYMBOL = {
    "CEDAW": "CEDAW/C/{iso}/CO/{n}", "CRC": "CRC/C/{iso}/CO/{n}", "CAT": "CAT/C/{iso}/CO/{n}",
    "CRPD": "CRPD/C/{iso}/CO/{n}", "CERD": "CERD/C/{iso}/CO/{n}", "CESCR": "E/C.12/{iso}/CO/{n}",
    "CCPR": "CCPR/C/{iso}/CO/{n}",
}
MANDATE_BY_ISSUE = [
    ("Torture and other CID treatment", "SR on torture"),
    ("Human rights defenders", "SR on the situation of human rights defenders"),
    ("Freedom of opinion and expression", "SR on freedom of opinion and expression"),
    ("Freedom of the press", "SR on freedom of opinion and expression"),
    ("Poverty", "SR on extreme poverty and human rights"), ("Right to food", "SR on the right to food"),
    ("Right to housing", "SR on adequate housing"), ("Right to health", "SR on the right to health"),
    ("Right to education", "SR on the right to education"),
    ("Trafficking", "SR on trafficking in persons, especially women and children"),
    ("Migrants", "SR on the human rights of migrants"), ("Indigenous peoples", "SR on the rights of indigenous peoples"),
    ("Right to water", "SR on the human rights to safe drinking water and sanitation"),
    ("Enforced disappearances", "WG on Enforced or Involuntary Disappearances"),
    ("Detention", "WG on Arbitrary Detention"), ("Women's rights", "SR on violence against women"),
    ("Minorities", "SR on minority issues"), ("Extrajudicial executions", "SR on extrajudicial, summary or arbitrary executions"),
    ("Freedom of religion and belief", "SR on freedom of religion or belief"),
    ("Sexual Orientation and Gender Identity", "IE on sexual orientation and gender identity"),
    ("Justice", "SR on the independence of judges and lawyers"),
    ("Environment", "SR on human rights and the environment"),
]
DEFAULT_MANDATES = [
    "IE on human rights and international solidarity", "SR on the independence of judges and lawyers",
    "SR on the promotion of truth, justice, reparation and guarantees of non-recurrence",
    "WG on the issue of discrimination against women in law and in practice",
]


def loose(text):
    """The importer's loose text form (TextKey.looseForm), near enough to keep two records from meeting."""
    folded = " ".join(text.split()).lower().replace("\u2019", "'").replace("\u2018", "'")
    return folded.rstrip(" .;")


def digest_of(*parts):
    """A short fingerprint of a key, so that the sets of keys seen stay small."""
    return hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=12).digest()


def lower_first(text):
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def iso_code(state):
    letters = re.sub(r"[^A-Za-z]", "", state.replace("Republic of ", "").replace("The ", ""))
    return letters[:3].upper()


def session_month(session):
    """The (year, month) of a Working Group session: the first in April 2008, then one every four months."""
    months = 2008 * 12 + 3 + (session - 1) * 4
    return months // 12, months % 12 + 1


def day_after(year, month, day, extra):
    return (datetime.date(year, month, day) + datetime.timedelta(days=extra)).isoformat()


def serial(day):
    return (datetime.date.fromisoformat(day) - datetime.date(1899, 12, 30)).days


def cycle_name(session):
    return "1st cycle" if session <= 12 else "2nd cycle"


def html_text(text):
    """The JSON's Text as the fixture writes it: a paragraph of HTML with character references."""
    body = escape(text).replace("\u2019", "&rsquo;")
    first, _, rest = body.partition(" ")
    if first[:1].isdigit() and rest:
        body = first + "&nbsp;" + rest
    return "<p>" + body + "</p>"


def read_groups(path):
    """The export's recommendations: rows with the same state, session and text are one (UPR Info's grouping)."""
    groups, index = [], {}
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        col = {name: i for i, name in enumerate(header)}
        for row in reader:
            key = (row[col["To"]].strip(), row[col["Session"]].strip(), row[col["Text"]].strip())
            if key not in index:
                index[key] = len(groups)
                groups.append({"state": key[0], "session": int(key[1]), "text": key[2], "rows": []})
            groups[index[key]]["rows"].append(row)
    return header, col, groups


def pick(table, issues, default):
    for issue, value in table:
        if issue in issues:
            return value
    return default


class Generator:
    def __init__(self, data, count):
        self.header, self.col, self.groups = read_groups(data)
        col = self.col
        self.states = sorted({g["state"] for g in self.groups})
        self.state_info = {}
        for g in self.groups:
            row = g["rows"][0]
            self.state_info.setdefault(g["state"], (row[col["To-Rgrp"]], row[col["To-Org"]]))
        self.count = count

    def bases(self):
        """(variant, group, state under review) in file order, each key unique, until `count` of them."""
        position = {s: i for i, s in enumerate(self.states)}
        seen = set()
        made = 0
        variant = 0
        while made < self.count:
            for number, group in enumerate(self.groups):
                state = self.states[(position[group["state"]] + 37 * variant) % len(self.states)]
                key = digest_of(state, group["session"], loose(html.unescape(group["text"])))
                if key in seen:
                    continue
                seen.add(key)
                yield variant, number, group, state
                made += 1
                if made == self.count:
                    return
            variant += 1
            if variant > 60:
                sys.exit("cannot make %d distinct records from %d texts" % (self.count, len(self.groups)))

    def records(self):
        col = self.col
        paragraphs = {}
        # Loose text keys of the treaty-body and special-procedure records (state, symbol, kind, text): unique, so
        # that no two records of one report could be taken for one.
        text_keys = set()
        for variant, number, group, state in self.bases():
            rows = group["rows"]
            issues = []
            for row in rows:
                for issue in row[col["Issue"]].split(","):
                    issue = issue.strip()
                    if issue and issue not in issues:
                        issues.append(issue)
            text = html.unescape(" ".join(group["text"].split()))
            session = group["session"]
            recommending = []
            regions = set()
            for row in rows:
                name = html.unescape(row[col["From"]].strip())
                if name and name not in recommending:
                    recommending.append(name)
                if row[col["From-Rgrp"]] in REGION:
                    regions.add(REGION[row[col["From-Rgrp"]]])
            accepted = rows[0][col["Response"]].strip().lower() == "accepted"
            digest = int(hashlib.sha256(("%d|%d" % (variant, number)).encode()).hexdigest()[:8], 16)
            share = digest % 100
            state_index = self.states.index(state)
            year, month = session_month(session)
            themes = []
            for issue in issues:
                for theme in THEMES.get(issue, []):
                    if theme not in themes:
                        themes.append(theme)
            persons = sorted({PERSONS.get(issue, "general") for issue in issues}) or ["general"]
            sdgs = sorted({c for issue in issues for c in SDGS.get(issue, [])}, key=TARGET_ORDER.index)
            record = {
                "id": str(uuid.uuid5(NAMESPACE, "%d/%d" % (variant, number))), "state": state, "themes": themes,
                "persons": persons, "sdgs": sdgs, "base": (variant, number, group, state),
                "region": REGION.get(self.state_info[state][0], "Asia-Pacific States"),
            }
            if share < 70:
                # UPR: the Working Group report of the review, paragraph 9x.n (supported, then noted).
                section = (90 if accepted else 92) + state_index % 5
                key = (state, session, section)
                paragraphs[key] = paragraphs.get(key, 0) + 1
                published = day_after(year, month, 1, 60 + state_index % 25)
                record.update({
                    "body": "UPR", "symbol": "A/HRC/%d/%d" % (session + 7, 1 + state_index % 60),
                    "text": "%d.%d %s" % (section, paragraphs[key], text), "type": R, "session": session,
                    "position": "Supported" if accepted else "Noted", "recommending": recommending,
                    "recommending_regions": sorted(regions), "published": published,
                })
            elif share < 92:
                # A treaty body's concluding observations: a numbered paragraph, a third of them concerns.
                body = pick(BODY_BY_ISSUE, issues, "CCPR")
                concern = share >= 85
                if concern:
                    sentence = "The Committee is concerned that the State party has yet to %s" % lower_first(text)
                else:
                    sentence = "The Committee recommends that the State party %s" % lower_first(text)
                # The next report of the same body when the same words are already in this one.
                report = 1 + (session + variant) // 4
                while True:
                    symbol = SYMBOL[body].format(iso=iso_code(state), n=report)
                    text_key = digest_of(state, symbol, concern, loose(sentence))
                    if text_key not in text_keys:
                        break
                    report += 1
                text_keys.add(text_key)
                paragraphs[symbol, state] = paragraphs.get((symbol, state), 0) + 1
                record.update({
                    "body": body, "symbol": symbol, "text": "%d. %s" % (paragraphs[symbol, state] + 7, sentence),
                    "type": C if concern else R, "session": None, "position": "", "recommending": [],
                    "recommending_regions": [], "published": day_after(year, month, 1, 30 + variant * 20),
                })
            else:
                # A special procedure's mission report: its recommendations without paragraph numbers.
                mandate = pick(MANDATE_BY_ISSUE, issues, DEFAULT_MANDATES[digest // 100 % len(DEFAULT_MANDATES)])
                hrc = 7 + session + variant
                concern = share >= 98
                sentence = ("The Special Rapporteur is concerned that the Government has yet to %s" % lower_first(text)
                            if concern else text)
                # Another addendum when the same words are already in this one (the text is the key here).
                addendum = 1 + state_index % 3
                while True:
                    symbol = "A/HRC/%d/%d/Add.%d" % (hrc, 20 + len(mandate) % 40, addendum)
                    text_key = digest_of(state, symbol, concern, loose(sentence))
                    if text_key not in text_keys:
                        break
                    addendum += 1
                text_keys.add(text_key)
                record.update({
                    "body": mandate, "symbol": symbol,
                    "text": sentence, "type": C if concern else R, "session": None, "position": "",
                    "recommending": [], "recommending_regions": [], "published": day_after(year, month, 1, 90),
                })
            record["indexed"] = day_after(2019, 1, 1, (state_index * 7 + variant * 31) % 900)
            yield record

    # -- The three files ----------------------------------------------------------------------------------------

    def json_object(self, r):
        is_upr = r["body"] == "UPR"
        return {
            "AnnotationId": r["id"],
            "AnnotationType": r["type"],
            "Body": r["body"],
            "Countries": [r["state"]],
            "Symbol": r["symbol"],
            "Text": html_text(r["text"]),
            "Themes": r["themes"],
            "AffectedPersons": r["persons"],
            "Sdgs": ["%s - %s" % (c, TARGETS[c]) for c in r["sdgs"]],
            "PublicationDate": r["published"] + "T00:00:00",
            "PublicationDateOnUhri": r["indexed"] + "T00:00:00",
            "Regions": [r["region"]],
            "UprCycle": cycle_name(r["session"]) if is_upr else None,
            "UprSession": ["%d Session" % r["session"]] if r["session"] else [],
            "UprPositions": [r["position"]] if r["position"] else [],
            "UprRecommendingCountry": r["recommending"],
            "UprRecommendingRegions": r["recommending_regions"],
        }

    def workbook_row(self, number, r):
        def dash(values):
            return "\n".join("- " + v for v in values) or None
        return [
            "- " + r["text"], dash([r["state"]]), "- " + r["body"], "- " + r["symbol"], dash(r["themes"]),
            dash(r["persons"]), dash(["%s - %s" % (c, TARGETS[c]) for c in r["sdgs"]]), serial(r["published"]),
            dash(r["recommending"]), ("- " + r["position"]) if r["position"] else None, "- " + r["type"],
            ("- " if number % 2 else "") + r["id"].upper(),
            ("- %d Session" % r["session"]) if r["session"] else None, dash([r["region"]]),
            dash(r["recommending_regions"]), serial(r["indexed"]),
        ]

    def csv_rows(self, r):
        _, _, group, state = r["base"]
        region, organisations = self.state_info[state]
        col = self.col
        for row in group["rows"]:
            out = list(row)
            out[col["To"]], out[col["To-Rgrp"]], out[col["To-Org"]] = state, region, organisations
            yield out


def write_json_array(handle, objects):
    """One JSON array, written an element at a time, byte for byte as json.dump(list, indent=1) writes it."""
    handle.write("[")
    first = True
    for obj in objects:
        handle.write("\n " if first else ",\n ")
        first = False
        handle.write(json.dumps(obj, ensure_ascii=False, indent=1).replace("\n", "\n "))
    handle.write("\n]\n" if not first else "]\n")


def self_check():
    """The streamed writer gives the committed fixture's bytes from the fixture's own objects."""
    fixture = os.path.join(FIXTURES, "mongolia-uhri.json")
    with open(fixture, encoding="utf-8") as handle:
        expected = handle.read()
    import io
    buffer = io.StringIO()
    write_json_array(buffer, json.loads(expected))
    if buffer.getvalue() != expected:
        sys.exit("the streamed JSON writer no longer writes the fixture's layout")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=int(os.environ.get("UHRI_RECORDS", 267548)))
    parser.add_argument("--xlsx-rows", type=int, default=int(os.environ.get("UHRI_XLSX_ROWS", 30000)))
    parser.add_argument("--out", default=os.environ.get("UHRI_BENCH_DIR", "/tmp/uhri-bench"))
    parser.add_argument("--data", default=os.environ.get("UPR_DATA", DEFAULT_DATA))
    parser.add_argument("--check", action="store_true", help="read the workbook back with openpyxl")
    args = parser.parse_args()
    self_check()
    os.makedirs(args.out, exist_ok=True)
    generator = Generator(args.data, args.records)

    json_path = os.path.join(args.out, "uhri-export.json")
    csv_path = os.path.join(args.out, "uprinfo-export.csv")
    xlsx_path = os.path.join(args.out, "uhri-export.xlsx")
    sheet = [HEADINGS]
    counts = {"records": 0, "upr": 0, "treaty": 0, "special": 0, "concerns": 0, "csv_rows": 0, "xlsx_rows": 0}
    with open(json_path, "w", encoding="utf-8", newline="\n") as out_json, \
            open(csv_path, "w", encoding="utf-8", newline="") as out_csv:
        writer = csv.writer(out_csv, lineterminator="\n")
        writer.writerow(generator.header)

        def objects():
            for r in generator.records():
                counts["records"] += 1
                counts["upr" if r["body"] == "UPR" else "treaty" if r["body"] in SYMBOL else "special"] += 1
                counts["concerns"] += r["type"] == C
                for row in generator.csv_rows(r):
                    writer.writerow(row)
                    counts["csv_rows"] += 1
                if counts["xlsx_rows"] < args.xlsx_rows:
                    counts["xlsx_rows"] += 1
                    sheet.append(["" if v is None else v for v in generator.workbook_row(counts["xlsx_rows"], r)])
                yield generator.json_object(r)

        write_json_array(out_json, objects())
    fixtures.write_xlsx(xlsx_path, sheet)
    print(("%(records)d records (%(upr)d UPR, %(treaty)d treaty bodies, %(special)d special procedures; "
           "%(concerns)d concerns/observations); %(xlsx_rows)d workbook rows; %(csv_rows)d UPR Info rows") % counts)
    for path in (json_path, xlsx_path, csv_path):
        print("%s %d bytes" % (path, os.path.getsize(path)))
    if args.check:
        import openpyxl
        rows = list(openpyxl.load_workbook(xlsx_path, read_only=True).active.iter_rows(values_only=True))
        assert list(rows[0]) == HEADINGS and len(rows) == counts["xlsx_rows"] + 1, "the workbook does not read back"
        with open(json_path, encoding="utf-8") as handle:
            assert len(json.load(handle)) == counts["records"], "the JSON does not read back"
        print("checked: the workbook (openpyxl) and the JSON (json.load) read back")


if __name__ == "__main__":
    main()
