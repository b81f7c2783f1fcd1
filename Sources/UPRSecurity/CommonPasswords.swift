/// About two hundred of the passwords that lead every published list of leaked passwords, lower case, written from
/// general knowledge of those lists, plus a few words anyone guessing at this service would try first.
///
/// `PasswordPolicy` also strips added digits and symbols and undoes look-alike substitutions before looking here,
/// so "Password2024!" and "p@ssw0rd" are found through "password"; the list need not hold every variant.
enum CommonPasswords {
    static let all: Set<String> = [
        // Digit runs and repeats.
        "123456", "1234567", "12345678", "123456789", "1234567890", "12345678910", "12345", "1234", "123123",
        "123123123", "123321", "654321", "7654321", "987654321", "0987654321", "111111", "11111111", "1111111111",
        "000000", "00000000", "0000000000", "222222", "555555", "666666", "777777", "7777777", "888888", "88888888",
        "999999", "121212", "112233", "11223344", "102030", "123654", "147258", "147258369", "159753", "159357",
        "12341234", "1234512345", "5201314", "20102010", "19841984",
        // Keyboard walks.
        "qwerty", "qwertyui", "qwertyuiop", "qwerty123", "qwertyqwerty", "qwe123", "123qwe", "qweasd", "qweasdzxc",
        "123qweasd", "qazwsx", "1qaz2wsx", "1qazxsw2", "zaq12wsx", "zaq1zaq1", "1q2w3e", "1q2w3e4r", "1q2w3e4r5t",
        "q1w2e3r4", "q1w2e3r4t5", "1234qwer", "asdfgh", "asdfghjkl", "asdasd", "asd123", "asdfasdf", "zxcvbn",
        "zxcvbnm", "azerty", "qwertz", "abc123", "abcd1234", "abc12345", "123abc", "abcdef", "abcdefg", "abcdefgh",
        "a123456", "123456a", "123456q", "a123456789", "123456789a", "aaaaaa",
        // The word itself and the usual disguises.
        "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword",
        "pa$$word", "pass", "passwort", "motdepasse", "contrasena", "parola", "mypassword", "yourpassword",
        "nopassword", "newpassword", "changeme", "secret", "default", "unknown", "letmein", "welcome", "login",
        "admin", "administrator", "root", "test", "guest", "access", "master", "hello", "whatever", "trustno1",
        // Words and names.
        "iloveyou", "iloveu", "loveyou", "loveme", "mylove", "lovely", "love", "princess", "sunshine", "dragon",
        "monkey", "shadow", "superman", "batman", "spiderman", "starwars", "pokemon", "football", "baseball",
        "soccer", "basketball", "hockey", "liverpool", "chelsea", "arsenal", "barcelona", "jordan", "jordan23",
        "michael", "jennifer", "jessica", "ashley", "daniel", "thomas", "robert", "matthew", "andrew", "joshua",
        "george", "charlie", "samantha", "michelle", "nicole", "justin", "hunter", "killer", "tigger", "buster",
        "maggie", "pepper", "ginger", "cookie", "snoopy", "banana", "orange", "cheese", "chocolate", "flower",
        "butterfly", "purple", "angel", "angels", "babygirl", "hottie", "freedom", "mustang", "ferrari", "computer",
        "internet", "ninja", "solo", "party", "blink182", "biteme", "fuckyou", "forever", "family", "blessed",
        "jesus", "friends", "summer", "winter", "spring", "autumn", "january", "september", "october", "november",
        "december", "monday", "friday", "qwerty1", "iloveyou1", "princess1", "sunshine1", "football1", "monkey1",
        "charlie1", "shadow1", "myspace1", "letmein1", "welcome1", "hello123", "admin123", "test123", "love123",
        // This service: its name, its subject, its demo country.
        "uprtracker", "upr", "humanrights", "unitednations", "mongolia", "mongol", "ulaanbaatar",
    ]
}
