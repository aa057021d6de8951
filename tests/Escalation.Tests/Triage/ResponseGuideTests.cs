using Escalation.Triage;

namespace Escalation.Tests.Triage;

/// <summary>The answer pairs of the seed article on negative feedback (Trusted Shops' playbook), and the templates.</summary>
public sealed class ResponseGuideTests
{
    private static string[] Rules(string draft) => [.. ResponseGuide.Check(draft).Select(flag => flag.Rule)];

    [Theory]
    [InlineData("Me ei vastuta toote tööpõhimõtete eest, võtke ühendust tootjaga.", new[] { "deflection", "redirect", "noApology", "noNextStep" })]
    [InlineData("Täname Teid tagasiside eest. Vabandame, kuid me ei saa mõjutada transpordi teenuse osutajat ning ei oska kommenteerida viivituse põhjust.", new[] { "deflection", "noNextStep" })]
    [InlineData("Me ei vastuta tarneprobleemide eest. Vastuvõtmisel tuleb veenduda, et toode ei ole kahjustada saanud.", new[] { "deflection", "noApology", "noNextStep" })]
    [InlineData("Toote kirjeldus on olemas ning palume võtta aega sellega tutvumiseks, ennem kui toote tellite.", new[] { "deflection", "noApology", "noNextStep" })]
    [InlineData("Tänan Teie tagasiside eest. Kood kahjuks tõesti ei kehti enam, vabandust tänase kuupäeva eest kodulehel.", new[] { "noNextStep" })]
    [InlineData("We are not responsible for how the product works, contact the manufacturer.", new[] { "deflection", "redirect", "noApology", "noNextStep" })]
    [InlineData("We cannot influence the carrier and cannot comment on the delay.", new[] { "deflection", "noApology", "noNextStep" })]
    public void The_bad_answers_break_the_rules_they_break(string draft, string[] rules)
    {
        Assert.Equal(rules, Rules(draft));
    }

    [Theory]
    [InlineData("Vabandame, et selline asi juhtus. Me asendame antud toote ning palun võtke ühendust meie klienditeenindusega telefoninumbril 600 0000.")]
    [InlineData("Täname Teid tagasiside eest. Teie tellimus on saadetud meie poolt välja 2 nädalat tagasi ning vedaja lubas kauba Teile kiiremas korras ära tuua. Palume vabandust selle viivituse pärast ning saame pakkuda 30% soodustust enda järgmisest ostust.")]
    [InlineData("We are sorry this happened. We will replace the product; please call our customer service at 600 0000.")]
    [InlineData("Your order left us two weeks ago and the carrier promised to deliver it urgently. We apologise for the delay and offer 30% off your next purchase.")]
    public void The_good_answers_get_no_flags(string draft)
    {
        Assert.Empty(Rules(draft));
    }

    [Theory]
    [InlineData("Täname Teie kommentaari eest. Võtame Teiega niipea ühendust, kui oleme kõikidelt osapooltelt saanud antud probleemi kohta selgituse.")]
    [InlineData("Meie veebilehel tundub olevat asjakohane kirjeldus Teie valitud raamatule. Tundub, et see raamat ei vastanud Teie ootustele ning sellisel juhul oleme valmis selle tagasi võtma ning raha tagastama.")]
    public void The_better_answers_that_solve_it_without_apologising_are_told_to_apologise(string draft)
    {
        Assert.Equal(["noApology"], Rules(draft));
    }

    [Fact]
    public void Every_template_follows_the_playbook_in_both_languages()
    {
        var templates = ResponseGuide.TemplatesFor(null);
        Assert.Equal(Enum.GetValues<Topic>().Length * 2, templates.Count);
        foreach (var template in templates)
        {
            Assert.Empty(Rules(template.Text));
            Assert.Equal(template.Language, LanguageDetector.Detect(template.Text).Value);
        }

        Assert.Equal(["et", "en"], ResponseGuide.TemplatesFor(Topic.Delivery).Select(t => t.Language).Order().Reverse());
    }
}
