#!/usr/bin/env python3
"""Fills a state's exported annex 8.1 matrix (CSV) the way a working group would: for each recommendation, the goal,
the expected action of the government, SMART indicators, the same recommendation by other mechanisms and the
responsible government body, chosen by the recommendation's UPR Info issue and action category.

Usage: fill_matrix.py EXPORTED.csv UPRINFO_ROWS.csv OUT.csv
The texts follow the seed's annex and the treaty bodies' concluding observations on Azerbaijan (the benchmark's
state); the responsible bodies are Azerbaijan's ministries and state committees as `run.sh` creates them.
"""
import csv
import sys

# Issue -> (responsible body, goal, indicators, other international mechanism).
ISSUES = {
    "Rights of the Child": ("State Committee for Family, Women and Children Affairs",
        "Every child is protected by law and in practice from violence, neglect and exploitation, and children without "
        "parental care grow up in a family environment",
        "Number of children in residential institutions (31 December each year, by age and sex); number of children "
        "placed in foster and guardianship care per year; budget of community-based family support services",
        "CRC/C/AZE/CO/3-4 (Committee on the Rights of the Child)"),
    "Civil society": ("Ministry of Justice",
        "Non-governmental organisations register, receive funding and work without undue restrictions",
        "Share of NGO registration applications decided within the legal time limit; number of refusals and their "
        "grounds; number of grants received by NGOs from abroad and approved",
        "CCPR/C/AZE/CO/4 (Human Rights Committee); Special Rapporteur on human rights defenders"),
    "Human rights education and training": ("Ministry of Education",
        "Officials, teachers and pupils know human rights standards and apply them in their work",
        "Number of police, prosecutors, judges and teachers trained per year (by sex and institution); human rights "
        "in the school curriculum of grades 5-11 (yes/no); pre- and post-training test results",
        "UN World Programme for Human Rights Education, plan of action for the third phase"),
    "Women's rights": ("State Committee for Family, Women and Children Affairs",
        "Women and men are equal in law and in practice, and women are protected from gender-based violence",
        "Number of domestic violence cases reported, prosecuted and convicted per year; number of shelter places for "
        "victims; share of women in parliament, government and the judiciary",
        "CEDAW/C/AZE/CO/5 (Committee on the Elimination of Discrimination against Women)"),
    "Freedom of the press": ("Ministry of Justice",
        "Journalists work freely and safely; attacks on journalists are investigated and punished",
        "Number of journalists detained or prosecuted per year and the charges; number of attacks on journalists "
        "investigated, prosecuted and convicted; defamation decriminalised (yes/no)",
        "CCPR/C/AZE/CO/4; OSCE Representative on Freedom of the Media"),
    "International instruments": ("Ministry of Foreign Affairs",
        "Azerbaijan is party to the core international human rights instruments and their optional protocols",
        "Instrument signed (date) and ratified (date); reservations withdrawn; initial report submitted on time",
        "Treaty bodies' concluding observations on ratification"),
    "Detention": ("Ministry of Justice",
        "Conditions of detention meet the Nelson Mandela Rules and detainees have access to a lawyer and a doctor",
        "Occupancy rate of each penitentiary institution; number of complaints of detainees and their outcome; "
        "number of unannounced visits by the national preventive mechanism per year",
        "CAT/C/AZE/CO/4 (Committee against Torture); Subcommittee on Prevention of Torture"),
    "Freedom of association and peaceful assembly": ("Ministry of Internal Affairs",
        "People can associate and assemble peacefully without prior authorisation or undue restrictions",
        "Number of notified assemblies held, restricted and dispersed per year; number of participants detained and "
        "charged; law on freedom of assembly amended (yes/no)",
        "CCPR/C/AZE/CO/4; Special Rapporteur on freedom of peaceful assembly and of association"),
    "Freedom of opinion and expression": ("Ministry of Justice",
        "Everyone can express opinions, online and offline, without fear of prosecution",
        "Number of criminal cases for defamation or insult per year; number of websites blocked and the legal basis; "
        "position in the annual freedom of expression indices",
        "CCPR/C/AZE/CO/4; Special Rapporteur on freedom of opinion and expression"),
    "Justice": ("Ministry of Justice",
        "Courts are independent and impartial and everyone has access to a fair trial",
        "Number of judges appointed through competitive selection; average length of criminal and civil proceedings; "
        "share of judgments of the European Court of Human Rights executed",
        "CCPR/C/AZE/CO/4; Special Rapporteur on the independence of judges and lawyers"),
    "Special procedures": ("Ministry of Foreign Affairs",
        "The special procedures can visit Azerbaijan and their recommendations are followed up",
        "Standing invitation maintained (yes/no); number of visit requests accepted and visits held; share of "
        "communications answered within 60 days",
        "Human Rights Council special procedures"),
    "Freedom of religion and belief": ("State Committee on Religious Associations",
        "Religious communities register and worship freely, and conscientious objectors can do alternative service",
        "Number of religious communities registered and refused per year; law on alternative civilian service "
        "adopted (yes/no); number of persons fined for religious activities",
        "CCPR/C/AZE/CO/4; Special Rapporteur on freedom of religion or belief"),
    "Development": ("Ministry of Economy",
        "Economic growth reaches all regions and reduces inequality",
        "Poverty rate by region; public investment per inhabitant by region; Gini coefficient of household income",
        "E/C.12/AZE/CO/3 (Committee on Economic, Social and Cultural Rights)"),
    "Disabilities": ("Ministry of Labour and Social Protection of Population",
        "Persons with disabilities live independently and take part in education and employment on an equal basis",
        "Number of children with disabilities in mainstream schools; employment rate of persons with disabilities; "
        "share of public buildings made accessible",
        "CRPD/C/AZE/CO/1 (Committee on the Rights of Persons with Disabilities)"),
    "Enforced disappearances": ("Ministry of Foreign Affairs",
        "No one is subjected to enforced disappearance and families learn the fate of the missing",
        "Convention for the Protection of All Persons from Enforced Disappearance ratified (yes/no); number of cases "
        "clarified per year",
        "Working Group on Enforced or Involuntary Disappearances"),
    "Torture and other CID treatment": ("Prosecutor General's Office",
        "Torture and ill-treatment are prevented, every allegation is investigated and perpetrators are punished",
        "Number of complaints of torture received, investigated, prosecuted and convicted per year; number of "
        "victims compensated; forensic examinations carried out within 24 hours",
        "CAT/C/AZE/CO/4 (Committee against Torture)"),
    "Asylum-seekers - refugees": ("State Migration Service",
        "Asylum seekers have access to a fair procedure and refugees to their rights",
        "Number of asylum applications, decisions and recognitions per year; average length of the procedure",
        "UNHCR; CERD/C/AZE/CO/7-9"),
    "National plan of action": ("Ministry of Justice",
        "A national human rights action plan with measurable targets is adopted and monitored",
        "Action plan adopted (date); share of its measures implemented on time; annual progress report published",
        "Vienna Declaration and Programme of Action, paragraph 71"),
    "Poverty": ("Ministry of Labour and Social Protection of Population",
        "Poverty is reduced, especially in rural areas and among families with children",
        "Poverty rate (national line) by urban/rural area and household type; number of families receiving targeted "
        "social assistance; average amount of assistance",
        "E/C.12/AZE/CO/3"),
    "Corruption": ("Prosecutor General's Office",
        "Corruption is prevented and prosecuted, and public services are transparent",
        "Number of corruption cases prosecuted and convicted per year, by rank of the official; asset declarations "
        "published (yes/no); position in the Corruption Perceptions Index",
        "UN Convention against Corruption review mechanism; GRECO"),
    "Right to health": ("Ministry of Health",
        "Everyone has access to quality health care without informal payments",
        "Maternal and infant mortality rates; public health expenditure as a share of GDP; share of the population "
        "covered by compulsory health insurance",
        "E/C.12/AZE/CO/3"),
    "Right to education": ("Ministry of Education",
        "Every child completes quality general education, including children of internally displaced persons",
        "Net enrolment and completion rates by level, sex and region; number of schools renovated; pupils per teacher",
        "E/C.12/AZE/CO/3; CRC/C/AZE/CO/3-4"),
    "Internally displaced persons": ("State Committee for Affairs of Refugees and IDPs",
        "Internally displaced persons live in adequate housing and enjoy their rights on an equal basis",
        "Number of IDP families resettled in new housing per year; employment rate of IDPs; allowances paid",
        "Special Rapporteur on the human rights of internally displaced persons"),
    "Trafficking": ("Ministry of Internal Affairs",
        "Trafficking in persons is prevented, victims are protected and traffickers punished",
        "Number of victims identified and assisted per year (by sex and age); number of traffickers convicted",
        "CEDAW/C/AZE/CO/5; Special Rapporteur on trafficking in persons"),
    "Elections": ("Central Election Commission",
        "Elections are free and fair and meet the recommendations of international observers",
        "Share of OSCE/ODIHR recommendations implemented; number of complaints decided by election commissions and "
        "courts",
        "OSCE/ODIHR election observation reports; Venice Commission"),
}
DEFAULT = ("Ministry of Foreign Affairs",
    "The recommendation is implemented and its implementation is reported in the mid-term report",
    "Measures taken (description and date); mid-term report submitted (yes/no); assessment of civil society",
    "")

OMBUDSMAN = "Commissioner for Human Rights (Ombudsman), annual report"
OMBUDSMAN_ISSUES = {"Detention", "Torture and other CID treatment", "Rights of the Child", "Women's rights", "Disabilities"}

ACTIONS = {
    "1": "Request technical assistance from OHCHR and the UN country team on {topic}, agree a joint work plan and "
         "report on its results",
    "2": "Continue the measures under way on {topic}, with their own line in the annual state budget and a yearly "
         "progress report to the coordinating committee",
    "3": "Study the recommendation with the ministries concerned, the Ombudsman and civil society, and present the "
         "options to the Cabinet of Ministers within a year",
    "4": "Adopt a plan of measures on {topic} with responsible bodies, deadlines and budget, and report on it in the "
         "mid-term report",
    "5": "Carry out what the recommendation asks: {ask}",
}


def ask(text):
    """The recommendation's request, shortened to its first clause."""
    for stop in (";", ". "):
        if stop in text:
            text = text.split(stop)[0]
    text = text.strip().rstrip(".")
    return text[0].lower() + text[1:] if len(text) < 220 else text[0].lower() + text[1:217] + "…"


def main(exported, source, out):
    info = {}
    for row in csv.DictReader(open(source, encoding="utf-8", newline="")):
        info.setdefault(row["Text"].strip(), row)
    with open(exported, encoding="utf-8-sig", newline="") as f:
        records = list(csv.reader(f))
    header_at = next(i for i, r in enumerate(records) if r and r[0] == "Rec #")
    filled = 0
    for record in records[header_at + 1:]:
        row = info.get(record[2].strip())
        issue = row["Issue"].split(",")[0].strip() if row else ""
        body, goal, indicators, international = ISSUES.get(issue, DEFAULT)
        action = ACTIONS.get(row["Action"] if row else "4", ACTIONS["4"])
        record[4] = OMBUDSMAN if issue in OMBUDSMAN_ISSUES else ""
        record[5] = international
        record[6] = goal
        record[7] = action.format(topic=(issue or "the recommendation").lower(), ask=ask(record[2]))
        record[8] = indicators
        record[9] = body
        filled += 1
    with open(out, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(records)
    print(f"{filled} rows filled")


if __name__ == "__main__":
    main(*sys.argv[1:4])
