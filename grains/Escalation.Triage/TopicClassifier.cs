namespace Escalation.Triage;

/// <summary>
/// The topic of a complaint from weighted Estonian and English word lists, one per topic: the topic with the
/// highest total wins (on a tie, the first in the list: explicit "other" subjects such as parking or newsletters
/// first), and its matched words are the explanation. Nothing matched, or only weakly: other.
/// </summary>
public static class TopicClassifier
{
    private const double Threshold = 1;

    private static readonly (Topic Topic, Lexicon Words)[] Lexicons =
    [
        (Topic.Other, new Lexicon()
            .Add(2, "kaldtee", "ratastool", "wheelchair", "ramp$", "loyalty", "püsikliendiprogramm", "boonuspunkt", "lorries", "lorry", "unloading", "reklaamkiri", "reklaamkirju", "sms reklaam", "parking", "opening hours", "advert", "spam", "newsletter", "privacy", "personal data", "gdpr", "construction",
                "environment", "marketing", "smoking", "parkla", "parki", "lahtiolek", "reklaam", "uudiskiri", "privaatsus", "isikuandme",
                "ehitus", "keskkond", "turundus", "suitset", "prügi")
            .Add(1.5, "google maps", "kilesse", "kile$", "ventilatsioon", "naabermaja", "elanikud", "andmed", "partnerfirma", "proovikabiin", "fitting rooms", "points$", "punktid", "wake$", "äratab", "packaging", "music", "toilet", "pakend", "muusika", "tualett", "noise")
            .Add(1, "plastic", "plastik", "trash", "dog$", "koer")),
        (Topic.ProductQuality, new Lexicon()
            .Add(2, "warped", "putuk", "teise mudeli", "teises suuruses", "different model", "wrong model", "too short", "too small", "too big", "upside down", "best before", "allergic", "sünteetili", "dead on arrival", "flicker", "snapped", "smear", "waterproof", "pilled", "pilling", "veneer", "cushion", "lööve", "allergeen", "pragune", "ussike", "küljest ära", "puudusid", "puudu osad", "parts missing", "missing parts", "broken", "defect", "faulty", "stopped working", "quality", "fell apart", "falling apart", "torn$", "ripped", "spoiled",
                "rotten", "mould", "mold$", "moldy", "wrong size", "wrong colour", "wrong color", "wrong item", "wrong book", "wrong product",
                "wrong model", "counterfeit", "warranty", "malfunction", "overheat", "dead on arrival", "not as described", "shrank", "shrunk",
                "katki", "katkine", "purune", "rikkis", "riknen", "defekt", "praak", "lakkas tööta", "kvaliteet", "kvaliteedi", "lagune",
                "rebene", "roisk", "hallita", "hallitus", "vale suuru", "vale värv", "vale too", "vale raamat", "vale mudel", "võlts",
                "garantii", "kuumene", "ootustele", "kahanes", "vigane", "vigase", "ei vasta kirjeldusele")
            .Add(1.5, "surise", "puuduvad", "viltu", "ei sobi", "compatible", "kuumaks", "tulekahju", "vajus", "lohku", "sädele", "sadele", "squeal", "wobble", "crumbly", "peeled", "hives", "rash", "chipboard", "grinding", "missing", "müra", "noise", "lõhna", "louder", "printed", "dead$", "listing", "described", "went flat", "vaikis", "pettunud", "disappointed", "received an", "received a$", "came apart", "tuli roheline", "vale$", "broke$", "doesn't work", "does not work", "don't work", "hole$", "holes$", "stain", "scratch", "crack", "leak", "smell",
                "stink", "description", "fake$", "battery", "screen", "charger", "fridge", "washing machine", "blender", "vacuum", "seam",
                "fabric", "material", "repair", "junk", "faded", "peeling", "wobbly", "taste", "stale$", "puruks", "rikki", "ei tööta",
                "auk$", "augud", "plekk", "plekid", "kriim", "mõra", "leki", "lõhna", "haise", "säilivus", "kirjeldus", "aku$", "akut$",
                "ekraan", "laadija", "külmkapp", "jahutuskapp", "pesumasin", "tolmuimeja", "õmblus", "tõmblukk", "kangas", "materjal",
                "remont", "rämps", "maitse", "pleekis", "koorub", "logiseb", "kortsu")
            .Add(1, "kukub", "fit$", "kuum", "hot$", "fire$", "smoke", "suits$", "sinks", "fan$", "loud$", "shelf", "panel", "pins$", "model$", "mudeli", "karva", "received the", "sain kätte hoopis", "not working", "break$", "breaks$", "fault$", "poor$", "cheap", "rip$", "expired", "size$", "sizes$", "colour", "color$",
                "laptop", "shoes", "jacket", "zip", "sole$", "product", "guarantee", "replace", "useless", "garbage", "bread", "milk",
                "meat", "ei toimi", "odav", "aegunud", "suurus", "värv", "sülearvuti", "kingad", "jope", "tald", "toode", "toote",
                "asendus", "parandus", "kasutu", "leib", "piim", "liha", "tooted", "kaup")),
        (Topic.Service, new Lexicon()
            .Add(2, "klienditugi", "klienditoe", "customer care", "kliendihaldur", "account manager", "canned response", "call volume", "spoken to like", "condescending", "bad advice", "halb nõu", "ei viitsi", "nobody in the store", "nobody knew", "konsultant", "advisor", "adviser", "chatbot", "robot", "actual person", "real person", "päris inimese", "transferred", "waiter", "ettekandja", "walked off", "alandav", "humiliat", "tervitanud", "greet", "kehitas õlgu", "teenindus oli", "no one helped", "keegi ei aidanud", "rude", "impolite", "unfriendly", "attitude", "staff", "employee", "cashier", "no answer", "no reply", "no response",
                "ignored", "queue", "call back", "called back", "callback", "hung up", "shouted", "yelled", "unhelpful", "incompetent",
                "disrespect", "arrogant", "ebaviisaka", "ebasõbralik", "ülbe", "üleolev", "suhtumi", "teenindaja", "vastamata", "ignoreeri",
                "järjekor", "tagasi helista", "karju", "toru ära", "ebakompetent", "kassapidaja", "töötaja", "personal$", "personali",
                "lugupidamatu", "solva", "insult")
            .Add(1.5, "salesman", "tegeleb", "tegeleda", "technician", "email someone", "automated", "automaatvastus", "tüüpvastus", "department", "osakond", "pretensioon", "filed a complaint", "security guard", "customer service", "customer support", "assistant", "salesperson", "nobody answer", "no one answer", "hold$", "waited",
                "teenindus", "klienditeenindus", "müüja", "ei vasta", "vastust", "vastuse", "abitu", "ei võta vastu", "ei helista")
            .Add(1, "kaebus", "lubab", "complaint", "support", "answer", "reply", "replied", "respond", "waiting", "wait$", "promised", "manager", "agent", "seller", "ignore",
                "emails", "oota", "helista", "lubas", "lubati", "juhataja", "e-kirja", "kirjadele", "meilile", "kõne")
            .Add(0.5, "hours$", "minutes$", "minutit", "tundi$", "tund$")),
        (Topic.Delivery, new Lexicon()
            .Add(2, "never received", "fragile", "caved", "thawed", "sulanud", "toodi$", "tõid$", "turned up", "kohaletoimetamise aeg", "kokkulepitud aeg", "deliver", "shipping", "shipment", "shipped", "parcel", "package", "courier", "tracking", "transit", "crushed", "doorstep",
                "locker", "pickup point", "post office", "postal", "dpd$", "omniva", "itella", "smartpost", "dhl$", "fedex", "gls$",
                "venipak", "dispatch", "never arrived", "hasn't arrived", "has not arrived", "didn't arrive", "not arrived", "never showed",
                "tarne", "kohale", "pakk$", "paki", "pakki$", "pakis$", "pakist$", "pakile$", "saadetis", "kuller", "hilin", "viivitus",
                "muljut", "postkontor", "väljastuspunkt", "pakiautomaat", "automaati", "automaadi", "automaat$", "saatmis", "kätte toime")
            .Add(1.5, "van$", "handed to", "box$", "karp", "kasti$", "driver", "track$", "delay", "late$", "damaged", "dented", "porch", "address", "arrive", "saabu", "saadet", "autojuht",
                "jälgi", "kadu", "kahjusta", "vigasta", "vihm", "aadress", "postiga", "posti$", "transport", "vedaja", "veo")
            .Add(1, "lost$", "wet$", "rain", "fence", "neighbour", "neighbor", "kätte$", "jõud", "märg", "trepi", "naabri", "saatsite", "saadeti")
            .Add(0.5, "weeks$", "week$", "nädal", "ukse")),
        (Topic.EaseOfUse, new Lexicon()
            .Add(2, "mobiil id", "smart id", "lahter", "lahtri", "cookie banner", "profile settings", "profiiliseade", "baffling", "otsing", "search", "filter", "filtreeri", "ei laadi", "won't load", "wont load", "doesn't load", "pop up", "popup", "homepage", "avaleht", "kalender", "calendar", "times out", "aegub", "redirect", "suunab", "app$", "apps$", "website", "login", "log in", "sign in", "password", "checkout", "check out", "button", "crash",
                "instruction", "interface", "navigat", "browser", "confusing", "rakendus", "äpp$", "äpi$", "äppi$", "äpis$", "äpist$", "äppi$", "veebileh", "sisselogi",
                "sisse logi", "logida", "parool", "salasõna", "ostukorv", "nupp", "nuppu", "nupule", "jookseb kokku", "kokku jook", "hangu",
                "veateat", "juhend", "kasutusjuhend", "brauser", "e pood", "e poe", "tellimust vormistada", "vormista")
            .Add(1.5, "saadaval", "salvesta", "tõrge", "invalid", "field$", "tapped", "tap$", "seadetes", "menu layout", "sms code", "sms kood", "võimalust", "no option", "no way to", "slot$", "load$", "application", "site$", "webpage", "cart$", "basket", "form$", "register", "freez", "error", "bug$", "bugs$", "loading",
                "complicated", "manual$", "unclear", "menu", "verification", "reset", "install", "setup", "set up", "click", "android", "ios$",
                "kodulehe", "koduleht", "registreeri", "segane", "keeruline", "arusaamatu", "ebaselge", "menüü", "kinnituskood", "lähtesta",
                "installi", "seadista", "vajuta", "klikk", "laadimine", "laadib$", "kasutajakonto")
            .Add(1, "web$", "page$", "account", "slow$", "update", "user$", "users$", "mobile", "lehekül", "konto", "vorm", "aeglane",
                "uuendus", "versioon", "kasutaja", "mobiili", "ligi$", "võimatu")),
        (Topic.Billing, new Lexicon()
            .Add(2, "viivis", "late fee", "late payment", "billed for", "insurance", "tagasi kant", "vale summa", "wrong amount", "service fee", "teenustasu", "kuuarve", "hinnatõus", "price increase", "kinkekaart", "gift card", "võlanõue", "debt collect", "järelmaks", "intress", "interest rate", "instalment", "installment", "member discount", "maksnud", "nõusolek", "without consent", "auto renew", "automatically renewed", "uuenes automaatselt", "invoice", "charge$", "charged$", "charges$", "overcharged", "refund", "money back", "price", "prices", "discount", "promo",
                "coupon", "voucher", "subscription", "billed$", "billing", "bill$", "hidden fee", "charged twice", "double charged",
                "arve", "topelt", "kaks korda", "tagasimakse", "raha tagasi", "hind$", "hinna$", "hinnas$", "hinnaga$", "hinnad$", "hinnast$",
                "hinda$", "lisatasu", "allahindl", "soodus", "kupong", "kuutasu", "liitumistasu", "pangakaart", "ülekan", "käibemaks", "tšekk",
                "kviitung", "hüvit", "raha$", "rahad", "rahast$", "makse", "maksin", "makstud", "maksta$", "maksab$", "maksma")
            .Add(1.5, "payment", "paid$", "pay$", "paying$", "money", "fee$", "fees$", "cost", "costs", "expensive", "receipt", "bank", "vat$",
                "compensation", "card$", "transaction", "tasu", "kallis", "leping", "kaardilt", "kaardi$", "eurot", "euro$", "eur$", "sooduskood",
                "kampaania", "pakkumi", "tagasta")
            .Add(1, "add on", "unticked", "applied", "code$", "sale$", "offer", "renewed", "cancel", "euro", "kood", "tasuline")),
    ];

    /// <summary>How much the learned model's probability counts beside the word lists' scores.</summary>
    public const double LearnedWeight = 2;

    public static Verdict<Topic> Classify(string text) => Classify(TriageText.Of(text));

    /// <summary>
    /// Word-list scores plus <see cref="LearnedWeight"/> times the shipped model's probability, per topic; the highest
    /// wins, if it reaches the threshold.
    /// </summary>
    public static Verdict<Topic> Classify(TriageText triageText)
    {
        var (text, folded) = (triageText.Raw, triageText.Folded);
        var (probabilities, learned) = TopicModel.Shipped.Predict(triageText);
        var best = (Topic: Topic.Other, Score: 0.0, Evidence: new List<string>());
        foreach (var (topic, words) in Lexicons)
        {
            var (score, matches) = words.Match(folded);
            if (topic == Topic.Billing && text.Contains('€', StringComparison.Ordinal))
            {
                score += 1;
                matches.Add("€");
            }

            score += LearnedWeight * probabilities[topic];
            if (score > best.Score)
            {
                best = (topic, score, matches);
            }
        }

        if (best.Score < Threshold)
        {
            return new Verdict<Topic>(Topic.Other, ["no topic's words"]);
        }

        if (probabilities[best.Topic] >= 0.5 && learned.Count > 0)
        {
            best.Evidence.Add($"learned from examples: {string.Join(", ", learned)}");
        }

        return new Verdict<Topic>(best.Topic, best.Evidence);
    }
}
