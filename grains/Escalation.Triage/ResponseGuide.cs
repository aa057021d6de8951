namespace Escalation.Triage;

/// <summary>A rule of the answering playbook that a draft breaks.</summary>
public sealed record ResponseFlag(string Rule, string Message);

/// <summary>A model answer for a topic in a language.</summary>
public sealed record ResponseTemplate(Topic Topic, string Language, string Text);

/// <summary>
/// Checks a draft answer against the playbook (take the criticism seriously, solve it, explain, contact the
/// customer, turn it round, apologise sincerely, and never deflect or send the customer elsewhere) and offers
/// per-topic templates that follow it.
/// </summary>
public static class ResponseGuide
{
    public const string Deflection = "deflection";
    public const string Redirect = "redirect";
    public const string NoApology = "noApology";
    public const string NoNextStep = "noNextStep";

    private static readonly Lexicon DeflectionWords = new Lexicon().Add(1,
        "not responsible", "no responsibility", "not our fault", "not our problem", "cannot influence", "can't influence",
        "cannot comment", "can't comment", "your own fault", "you should have", "should have read", "please read", "as stated",
        "is stated", "clearly stated", "take time to read", "beyond our control", "out of our hands", "you must check", "nothing we can do",
        "ei vastuta", "pole meie süü", "ei ole meie süü", "ei saa mõjutada", "ei oska kommenteerida", "teie süü", "oleksite pidanud",
        "tuleb veenduda", "palume võtta aega", "kirjeldus on olemas", "informatsioon olemas", "info on olemas", "meist ei sõltu",
        "me ei saa midagi teha");

    private static readonly Lexicon RedirectWords = new Lexicon().Add(1,
        "contact the manufacturer", "contact the carrier", "contact the courier", "contact your bank", "contact the post",
        "ask the manufacturer", "ask the courier", "turn to the", "go to the manufacturer", "manufacturer directly",
        "ühendust tootjaga", "tootja poole", "kulleri poole", "vedaja poole", "vedajaga", "kulleriga ühendust", "pöörduge panka",
        "pöörduge tootja", "pöörduge kulleri", "pöörduge postkontor", "ühendust pangaga");

    private static readonly Lexicon ApologyWords = new Lexicon().Add(1,
        "sorry", "apologis", "apologiz", "apolog", "we regret", "vabandame", "vabandust", "vabandan", "palume vabandust",
        "andestust", "meil on kahju", "on väga kahju", "kahetseme");

    private static readonly Lexicon NextStepWords = new Lexicon().Add(1,
        "we will", "we'll", "we are going to", "we have sent", "we have refunded", "we have arranged", "will replace", "will refund",
        "will send", "will call", "will contact", "within", "offer$", "offering", "by tomorrow", "today", "we offer", "we can offer", "please call us",
        "call our", "contact our", "asendame", "saadame", "võtame teiega", "võtame ühendust", "helistame", "tagastame", "kanname",
        "pakume", "pakkuda", "hüvitame", "parandame", "vahetame", "oleme valmis", "homme$", "täna$", "jooksul", "palun võtke ühendust meie",
        "meie klienditeeninduse", "korraldame", "tuleme$", "toome$");

    private static readonly ResponseTemplate[] Templates =
    [
        new(Topic.ProductQuality, "en", "Thank you for telling us, and we are sorry the product let you down. We will replace it or refund it, as you prefer: reply here or call our customer service and we will arrange the pick-up today. We are also checking the batch so it does not happen again."),
        new(Topic.ProductQuality, "et", "Aitäh, et andsite teada, ja vabandame, et toode Teid alt vedas. Asendame toote või tagastame raha, nagu eelistate: vastake siin või helistage meie klienditeenindusse ning korraldame järeletulemise juba täna. Kontrollime ka partii üle, et see ei korduks."),
        new(Topic.Service, "en", "Thank you for telling us, and we sincerely apologise for how you were treated: that is not the service we stand for. The team lead will call you today to hear what happened and to put it right, and we are going through the case with the team."),
        new(Topic.Service, "et", "Aitäh, et andsite teada, ja palume siiralt vabandust, kuidas Teid koheldi: see ei ole teenindus, mida pakkuda tahame. Meeskonnajuht helistab Teile täna, et kuulata, mis juhtus, ja asi korda teha, ning arutame juhtumi meeskonnaga läbi."),
        new(Topic.Delivery, "en", "We are sorry your order is late. It left our warehouse and we have asked the carrier to deliver it urgently; we will send you the tracking link today and follow it ourselves until it reaches you. For the wait we offer you 30% off your next order."),
        new(Topic.Delivery, "et", "Vabandame, et Teie tellimus hilineb. See on meie laost välja saadetud ja palusime vedajal see kiiresti kohale toimetada; saadame Teile täna jälgimislingi ja jälgime saadetist ise, kuni see Teieni jõuab. Ootamise eest pakume 30% soodustust järgmisest tellimusest."),
        new(Topic.EaseOfUse, "en", "Thank you for the report, and we are sorry the site made this hard. Our team is fixing it now; meanwhile we will complete the order for you: reply with a good time and we will call you. We will let you know as soon as the fix is live."),
        new(Topic.EaseOfUse, "et", "Aitäh teate eest ja vabandame, et see Teile raskusi tegi. Meie meeskond parandab vea; seni vormistame tellimuse ise Teie eest: kirjutage sobiv aeg ja helistame Teile. Anname teada kohe, kui parandus on töös."),
        new(Topic.Billing, "en", "We are sorry about the wrong charge, and thank you for pointing it out. We will refund the difference to your card within three working days and send you a corrected invoice today. If anything is still unclear, reply here and we will call you."),
        new(Topic.Billing, "et", "Vabandame vale summa pärast ja aitäh, et märkasite. Kanname vahe Teie kaardile tagasi kolme tööpäeva jooksul ja saadame täna parandatud arve. Kui midagi jääb segaseks, vastake siin ja helistame Teile."),
        new(Topic.Other, "en", "Thank you for your feedback, and we are sorry for the trouble. We take it seriously: we will look into it and contact you within two working days with what we are doing about it."),
        new(Topic.Other, "et", "Aitäh tagasiside eest ja vabandame ebameeldivuse pärast. Võtame seda tõsiselt: uurime asja ja võtame Teiega kahe tööpäeva jooksul ühendust, et öelda, mida ette võtame."),
    ];

    /// <summary>The rules the draft breaks; none for one that apologises, takes responsibility and names a next step.</summary>
    public static List<ResponseFlag> Check(string draft)
    {
        var folded = Text.Words(draft).Select(Text.Fold).ToList();
        var flags = new List<ResponseFlag>();
        if (DeflectionWords.Match(folded).Matches is { Count: > 0 } deflecting)
        {
            flags.Add(new(Deflection, $"Denies responsibility or blames others ('{deflecting[0]}'): take the criticism seriously and own the problem."));
        }

        if (RedirectWords.Match(folded).Matches is { Count: > 0 } redirecting)
        {
            flags.Add(new(Redirect, $"Sends the customer elsewhere ('{redirecting[0]}'): solve it for them and say exactly what happens next."));
        }

        if (ApologyWords.Match(folded).Score == 0)
        {
            flags.Add(new(NoApology, "No apology: apologise sincerely."));
        }

        if (NextStepWords.Match(folded).Score == 0)
        {
            flags.Add(new(NoNextStep, "No concrete next step: say what you will do and when."));
        }

        return flags;
    }

    /// <summary>Templates for the topic (all topics when null) in Estonian and English.</summary>
    public static List<ResponseTemplate> TemplatesFor(Topic? topic) => [.. Templates.Where(t => topic is null || t.Topic == topic)];
}
