import FluentKit

/// Every migration in the order it runs. Append only: a landed migration is never edited or reordered.
public enum StoreMigrations {
    public static let all: [any Migration] = [
        CreateStates(),
        CreateReviews(),
        CreateImports(),
        CreateRecommendations(),
        CreateRecommendingStates(),
        CreateResponseEvents(),
        CreateTaxonomyTerms(),
        CreateRecommendationTerms(),
        CreateProvenance(),
        CreateAuditLog(),
        CreateSearchIndex(),
        SeedTaxonomyTerms(),
        CreateOrganisations(),
        CreateWorkingGroups(),
        CreateAccounts(),
        CreatePlanEntries(),
        SeedWorkingGroups(),
        CreateMatrixUploads(),
        CreateRegistryVersion(),
        ExternalContentSearchIndex(),
        ShortenNaturalKeys(),
        CreateMailOutbox(),
        AddUserLanguage(),
        AddLabelReview(),
        CreateRecurrenceGroups(),
        CreateAssessments(),
        CreateIndicators(),
        CreateMeetings(),
        CreateNotifications(),
        CreateAgreements(),
        CreateCalendarTokens(),
        CreateComments(),
    ]
}
