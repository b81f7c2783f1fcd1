/// The forms of a person who is not signed in: the sign-in form, the two-step code that follows it, and a new
/// password by reset link. Optional values the page does not have are left out of what the template sees.
struct AuthFormView: Encodable {
    var layout: Layout
    var csrf: String
    var heading: String
    var errors: [FieldError]
    var email: String?
    var returnTo: String?
    var message: String?
    var token: String?
    var hasErrors: Bool { !errors.isEmpty }

    enum CodingKeys: String, CodingKey {
        case layout, csrf, heading, errors, email, returnTo, message, token, hasErrors
    }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(layout, forKey: .layout)
        try container.encode(csrf, forKey: .csrf)
        try container.encode(heading, forKey: .heading)
        try container.encode(errors, forKey: .errors)
        try container.encodeIfPresent(email, forKey: .email)
        try container.encodeIfPresent(returnTo, forKey: .returnTo)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encodeIfPresent(token, forKey: .token)
        try container.encode(hasErrors, forKey: .hasErrors)
    }

    /// The sign-in form, with the address typed so far and where to go once signed in (a local path).
    static func signIn(_ context: PageContext, returnTo: String, email: String? = nil, errors: [FieldError] = [])
        -> AuthFormView
    {
        let heading = context.t("login.title")
        return AuthFormView(
            layout: Layout(context, title: heading), csrf: context.csrf, heading: heading, errors: errors,
            email: email, returnTo: returnTo, message: nil, token: nil)
    }

    /// The two-step code form. Its token is the waiting session's (`csrf`), not the signed-out person's of the
    /// page frame: the session is not signed in until the code is right.
    static func signInCode(_ context: PageContext, csrf: String, returnTo: String, errors: [FieldError] = [])
        -> AuthFormView
    {
        let heading = context.t("login.code.title")
        return AuthFormView(
            layout: Layout(context, title: heading), csrf: csrf, heading: heading, errors: errors, email: nil,
            returnTo: returnTo, message: nil, token: nil)
    }

    /// The new-password form of a reset link (`token` is the link's).
    static func passwordReset(_ context: PageContext, token: String, errors: [FieldError] = []) -> AuthFormView {
        let heading = context.t("reset.title")
        return AuthFormView(
            layout: Layout(context, title: heading), csrf: context.csrf, heading: heading, errors: errors,
            email: nil, returnTo: nil, message: nil, token: token)
    }
}
