import UPRLocalization

/// The texts of the mails about an account, in the person's language when it is known, else in English followed by
/// Mongolian (the site's two languages), so that nobody receives a mail they cannot read.
enum AccountMail {
    static func resetLink(
        purpose: PasswordReset.Purpose, name: String, email: String, link: String, language: Language?
    ) -> (subject: String, body: String) {
        let key = purpose == .welcome ? "mail.welcome" : "mail.reset"
        let arguments = ["name": name, "email": email, "link": link]
        let languages = language.map { [$0] } ?? [.en, .mn]
        let subject = languages.map { Translator($0)(key + ".subject") }.joined(separator: " / ")
        let bodies = languages.map {
            Translator($0)(key + ".body", arguments) + "\n\n" + Translator($0)("mail.signature")
        }
        return (subject, bodies.joined(separator: "\n\n" + String(repeating: "—", count: 20) + "\n\n"))
    }
}
