/// English function words that carry no topic, left out of similarity vectors.
///
/// Negations ("no", "not", "nor") are kept on purpose: "abolish" and "not abolish" should not look alike.
/// `benchmarks/text/sklearn_baseline.py` reads the quoted words of this file, so keep it a plain list.
public enum StopWords {
    /// The stop-word list, already in normalised (lowercase, unaccented) form.
    public static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
        "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
        "did", "do", "does", "doing", "down", "during", "each", "either", "etc", "few", "for", "from", "further",
        "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
        "if", "in", "into", "is", "it", "its", "itself", "may", "me", "might", "more", "most", "must", "my",
        "myself", "of", "off", "on", "once", "only", "or", "other", "ought", "our", "ours", "ourselves", "out",
        "over", "own", "same", "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their",
        "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "thus", "to",
        "too", "under", "until", "up", "upon", "very", "via", "was", "we", "were", "what", "when", "where",
        "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "would", "you",
        "your", "yours", "yourself", "yourselves",
    ]
}
