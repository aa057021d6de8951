namespace Escalation.Triage;

/// <summary>
/// Estonian, English, or unknown, from function words and letters. Estonian typed without diacritics is still
/// Estonian (words are compared without them); other languages (Finnish, German, Latvian, Russian …) are unknown.
/// </summary>
public static class LanguageDetector
{
    public const string Estonian = "et";
    public const string English = "en";
    public const string Unknown = "unknown";

    private static readonly Lexicon EstonianWords = new Lexicon().Add(1,
        "ja$", "ei$", "on$", "see$", "et$", "ma$", "mu$", "minu$", "mina$", "teie$", "te$", "oli$", "pole$", "kui$", "aga$", "siis$",
        "juba$", "ka$", "kas$", "mis$", "veel$", "nüüd$", "ning$", "oma$", "seda$", "sest$", "selle$", "mida$", "olen$", "oleme$",
        "olete$", "ole$", "tellimus", "tellisin$", "kätte$", "üldse$", "väga$", "palun$", "täna$", "eile$", "enam$", "ainult$",
        "kõik", "keegi$", "midagi$", "sain$", "saanud$", "kuid$", "nagu$", "miks$", "kuidas$", "teil$", "teile$", "meil$", "mul$",
        "tagasi$", "jälle$", "ikka$", "alles$", "ilma$", "pärast$", "eest$", "poolt$", "tuleb$", "peab$", "saab$", "saan$", "ostsin$",
        "nädala", "päeva$", "kuu$", "raha$", "pakk$", "kliendi", "teenindus", "vastust$", "vastanud$", "keegi$", "lihtsalt$", "isegi$",
        "kuigi$", "olin$", "oled$", "sellest$", "vaid$", "siiski$", "hoopis$", "ometi$", "mulle$", "minult$", "teilt$", "teid$", "neid$",
        "nad$", "kuna$", "või$", "nii$", "selline$", "sellise$", "mingi$", "mingit$", "kus$", "kes$", "millal$", "kuni$", "üle$",
        "peale$", "koos$", "poole$", "täiesti$", "jälle$", "siiani$", "ainuke$");

    private static readonly Lexicon EnglishWords = new Lexicon().Add(1,
        "the$", "and$", "is$", "was$", "my$", "i$", "to$", "of$", "it$", "not$", "for$", "you$", "your$", "this$", "have$", "has$",
        "with$", "no$", "never$", "a$", "an$", "in$", "at$", "been$", "were$", "are$", "but$", "me$", "we$", "they$", "what$", "why$",
        "still$", "after$", "again$", "please$", "just$", "very$", "from$", "would$", "will$", "can't$", "don't$", "didn't$", "i'm$",
        "it's$", "cannot$", "nobody$", "anyone$", "days$", "weeks$", "order$", "ordered$", "got$", "be$", "that$", "there$", "when$");

    private static readonly Lexicon OtherWords = new Lexicon().Add(1,
        // Finnish
        "että$", "mutta$", "tämä$", "minä$", "sinä$", "koska$", "kanssa$", "vielä$", "myös$", "hyvin$", "eikä$", "minun$", "teidän$",
        "meidän$", "tilaus", "paketti", "asiakaspalvelu", "ollut$", "vaikka$", "mitään$", "kukaan$", "viikko", "jo$", "ole$ vielä$",
        // German
        "und$", "nicht$", "ich$", "die$", "der$", "das$", "ist$", "mit$", "mein$", "meine$", "ein$", "eine$", "wurde$", "bestellung",
        "kein$", "noch$", "sehr$", "bitte$", "auf$", "für$", "seit$", "habe$",
        // Latvian, Lithuanian
        "un$", "ir$", "nav$", "es$", "mans$", "jūs$", "pasūtījum", "vēl$", "bet$", "jau$", "nėra$", "užsakym", "ir$");

    public static Verdict<string> Detect(string text) => Detect(TriageText.Of(text));

    /// <inheritdoc cref="Detect(string)"/>
    public static Verdict<string> Detect(TriageText triageText)
    {
        var (text, folded) = (triageText.Raw, triageText.Folded);
        var (estonian, estonianEvidence) = EstonianWords.Match(folded);
        var (english, englishEvidence) = EnglishWords.Match(folded);
        var (other, otherEvidence) = OtherWords.Match(folded);

        // Letters: õ is Estonian's own among these; Cyrillic, ß and Latvian long vowels are none of ours.
        if (text.Contains('õ', StringComparison.OrdinalIgnoreCase))
        {
            estonian += 3;
            estonianEvidence.Add("letter õ");
        }

        var foreignLetters = 0;
        foreach (var c in text)
        {
            foreignLetters += c is >= 'Ѐ' and <= 'ӿ' or 'ß' or 'ā' or 'ē' or 'ī' or 'ū' or 'ļ' or 'ņ' or 'ķ' or 'ģ' or 'ė' or 'ų' or 'į' ? 1 : 0;
        }

        if (foreignLetters > 0)
        {
            other += foreignLetters >= 3 ? 10 : 2;
            otherEvidence.Add("letters of another alphabet or language");
        }

        if (other > Math.Max(estonian, english) || Math.Max(estonian, english) < 1)
        {
            return new Verdict<string>(Unknown, otherEvidence.Count > 0 ? otherEvidence : ["no Estonian or English words"]);
        }

        return estonian >= english
            ? new Verdict<string>(Estonian, estonianEvidence)
            : new Verdict<string>(English, englishEvidence);
    }
}
