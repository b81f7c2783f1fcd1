/// OHCHR's groups of affected persons, as used in the thematic lists. Lists may use other spellings; importers keep
/// what the document says and this list seeds the taxonomy browser.
public enum AffectedPersons {
    public static let common: [String] = [
        "general", "children", "women", "girls", "persons with disabilities", "minorities", "indigenous peoples",
        "migrants", "refugees & asylum seekers", "internally displaced persons", "stateless persons",
        "persons deprived of their liberty", "lesbian, gay, bisexual, transgender and intersex persons",
        "human rights defenders", "journalists", "persons living in poverty", "persons living in rural areas",
        "older persons", "youth", "persons living with HIV/AIDS", "disappeared persons",
        "judges, lawyers and prosecutors",
        "law enforcement / police officials", "public officials", "civil society", "media",
    ]
}
