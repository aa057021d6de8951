using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Escalation.Analytics;
using Escalation.Nps;
using Escalation.Triage;

namespace Escalation.Api.Analytics;

/// <summary>
/// The weekly digest for management: the period's figures, and the free-text NPS comments grouped by topic with
/// their most frequent words (an erased comment is left out). Comments come from customers: every one is encoded for
/// HTML and quoted for CSV.
/// </summary>
internal sealed record Digest(AnalyticsReport Report, IReadOnlyList<Digest.TopicComments> Comments)
{
    private const int FrequentWords = 5;

    public sealed record TopicComments(Topic Topic, IReadOnlyList<(string Word, int Count)> FrequentWords, IReadOnlyList<NpsAnswer> Answers);

    public static Digest Of(AnalyticsReport report, IEnumerable<NpsAnswer> answers)
    {
        var comments = answers.Where(answer => !string.IsNullOrWhiteSpace(answer.Comment) && answer.Comment != Erasure.Mark)
            .GroupBy(answer => answer.Topic ?? Topic.Other)
            .OrderBy(group => group.Key)
            .Select(group => new TopicComments(
                group.Key,
                [.. group.SelectMany(answer => answer.Keywords ?? [])
                    .GroupBy(word => word)
                    .OrderByDescending(words => words.Count()).ThenBy(words => words.Key, StringComparer.Ordinal)
                    .Take(FrequentWords)
                    .Select(words => (words.Key, words.Count()))],
                [.. group]))
            .ToList();
        return new Digest(report, comments);
    }

    private IEnumerable<(string Name, string Value)> Figures()
    {
        var r = Report;
        yield return ("complaints", $"{r.Complaints}");
        yield return ("publicShare", Percent(r.PublicShare));
        yield return ("slaCompliance.firstResponse", Percent(r.SlaCompliance.FirstResponse));
        yield return ("slaCompliance.resolution", Percent(r.SlaCompliance.Resolution));
        yield return ("firstResponseSeconds.p50", Number(r.FirstResponseSeconds.P50));
        yield return ("firstResponseSeconds.p90", Number(r.FirstResponseSeconds.P90));
        yield return ("resolutionSeconds.p50", Number(r.ResolutionSeconds.P50));
        yield return ("resolutionSeconds.p90", Number(r.ResolutionSeconds.P90));
        yield return ("escalations.level1", $"{r.Escalations.Level1}");
        yield return ("escalations.level2", $"{r.Escalations.Level2}");
        yield return ("persistentDissatisfaction", $"{r.PersistentDissatisfaction}");
        yield return ("nps.score", Number(r.Nps.Score));
        yield return ("nps.answers", $"{r.Nps.Answers}");
        foreach (var topic in r.Topics)
        {
            yield return ($"topics.{Name(topic.Topic)}", $"{topic.Count} ({topic.Change:+0;-0;0} against {topic.PreviousCount})");
        }
    }

    public string ToCsv()
    {
        var csv = new StringBuilder("section,name,value,text\r\n");
        csv.Append(CultureInfo.InvariantCulture, $"period,from,{Report.From:O},\r\nperiod,to,{Report.To:O},\r\n");
        foreach (var (name, value) in Figures())
        {
            csv.Append(CultureInfo.InvariantCulture, $"figure,{Quote(name)},{Quote(value)},\r\n");
        }

        foreach (var topic in Comments)
        {
            csv.Append(CultureInfo.InvariantCulture, $"frequentWords,{Name(topic.Topic)},{Quote(string.Join(" ", topic.FrequentWords.Select(w => $"{w.Word}:{w.Count}")))},\r\n");
            foreach (var answer in topic.Answers)
            {
                csv.Append(CultureInfo.InvariantCulture, $"comment,{Name(topic.Topic)},{answer.Score},{Quote(answer.Comment!)}\r\n");
            }
        }

        return csv.ToString();
    }

    public string ToHtml()
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Escalation digest</title></head><body>");
        page.Append(CultureInfo.InvariantCulture, $"<h1>Weekly digest{(Report.Team is { } team ? $": {html.Encode(team)}" : "")}</h1>");
        page.Append(CultureInfo.InvariantCulture, $"<p>{Report.From:yyyy-MM-dd HH:mm} – {Report.To:yyyy-MM-dd HH:mm} UTC</p><table><tbody>");
        foreach (var (name, value) in Figures())
        {
            page.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{html.Encode(name)}</th><td>{html.Encode(value)}</td></tr>");
        }

        page.Append("</tbody></table><h2>Comments by topic</h2>");
        foreach (var topic in Comments)
        {
            page.Append(CultureInfo.InvariantCulture, $"<h3>{Name(topic.Topic)} ({topic.Answers.Count})</h3><p>Frequent words: {html.Encode(string.Join(", ", topic.FrequentWords.Select(w => $"{w.Word} ({w.Count})")))}</p><ul>");
            foreach (var answer in topic.Answers)
            {
                page.Append(CultureInfo.InvariantCulture, $"<li>{answer.Score}/10: {html.Encode(answer.Comment!)}</li>");
            }

            page.Append("</ul>");
        }

        return page.Append("</body></html>").ToString();
    }

    /// <summary>
    /// A quoted CSV cell. A cell a spreadsheet would read as a formula (starting with =, +, -, @, tab or CR, as a
    /// customer's comment may) gets a leading apostrophe, so that it stays text; plain numbers stay numbers.
    /// </summary>
    internal static string Quote(string value)
    {
        var inert = value is [ '=' or '+' or '-' or '@' or '\t' or '\r', ..] && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + value
            : value;
        return $"\"{inert.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    private static string Percent(double? share) => share is { } value ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "";

    private static string Number(double? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "";

    private static string Name(Topic topic) => Json.JsonSetup.ToCamelCase(topic.ToString());
}
