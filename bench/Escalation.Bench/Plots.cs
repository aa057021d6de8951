using System.Globalization;
using System.Net;
using System.Text;

namespace Escalation.Bench;

/// <summary>
/// Plain SVG charts written beside a run's results (no dependencies): lines over time or size, and the distribution of
/// a set of values as a histogram. Each is 640 × 360 with labelled axes and five ticks a side.
/// </summary>
internal static class Plots
{
    public sealed record Series(string Name, IReadOnlyList<(double X, double Y)> Points);

    private const double Width = 640, Height = 360, Left = 70, Right = 20, Top = 40, Bottom = 50;
    private static readonly string[] Colours = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700"];
    private static readonly double[] Steps = [1, 2, 2.5, 5, 10];

    public static string Lines(string title, string xLabel, string yLabel, IReadOnlyList<Series> series)
    {
        var points = series.SelectMany(s => s.Points).ToList();
        var (xMax, yMax) = (Nice(points.Select(p => p.X).DefaultIfEmpty(1).Max()), Nice(points.Select(p => p.Y).DefaultIfEmpty(1).Max()));
        var svg = Frame(title, xLabel, yLabel, xMax, yMax);
        foreach (var (line, i) in series.Select((s, i) => (s, i)))
        {
            var colour = Colours[i % Colours.Length];
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', line.Points.Select(p => $"{F(X(p.X, xMax))},{F(Y(p.Y, yMax))}"))}\"/>");
            if (line.Points.Count <= 30)
            {
                foreach (var (x, y) in line.Points)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(x, xMax))}\" cy=\"{F(Y(y, yMax))}\" r=\"3\" fill=\"{colour}\"/>");
                }
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Width - Right - 4)}\" y=\"{F(Top + 16 + 16 * i)}\" text-anchor=\"end\" fill=\"{colour}\">{Escape(line.Name)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The values counted in 40 equal bins from 0 to the largest, with the p50 and p99 marked.</summary>
    public static string Histogram(string title, string xLabel, IReadOnlyList<double> values)
    {
        const int bins = 40;
        var xMax = Nice(values.DefaultIfEmpty(1).Max());
        var counts = new int[bins];
        foreach (var value in values)
        {
            counts[Math.Clamp((int)(Math.Max(0, value) / xMax * bins), 0, bins - 1)]++;
        }

        var yMax = Nice(counts.Max());
        var svg = Frame(title, xLabel, "complaints", xMax, yMax);
        for (var bin = 0; bin < bins; bin++)
        {
            var (x0, x1, y) = (X(xMax * bin / bins, xMax), X(xMax * (bin + 1) / bins, xMax), Y(counts[bin], yMax));
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x0)}\" y=\"{F(y)}\" width=\"{F(x1 - x0 - 1)}\" height=\"{F(Height - Bottom - y)}\" fill=\"{Colours[0]}\"/>");
        }

        var sorted = values.Order().ToList();
        foreach (var (name, fraction, colour) in new[] { ("p50", 0.5, Colours[2]), ("p99", 0.99, Colours[1]) })
        {
            var at = X(Scenarios.Percentile(sorted, fraction), xMax);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(at)}\" x2=\"{F(at)}\" y1=\"{F(Top)}\" y2=\"{F(Height - Bottom)}\" stroke=\"{colour}\" stroke-dasharray=\"4 3\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(at + 3)}\" y=\"{F(Top + 12)}\" fill=\"{colour}\">{name}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The chart's frame: title, axes with their labels and ticks from 0 to the given maxima.</summary>
    private static StringBuilder Frame(string title, string xLabel, string yLabel, double xMax, double yMax)
    {
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/><text x=\"{F(Width / 2)}\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">{Escape(title)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(Left)},{F(Top)} V{F(Height - Bottom)} H{F(Width - Right)}\" fill=\"none\" stroke=\"#444\"/>");
        for (var tick = 0; tick <= 5; tick++)
        {
            var (x, y) = (X(xMax * tick / 5, xMax), Y(yMax * tick / 5, yMax));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(Height - Bottom + 16)}\" text-anchor=\"middle\">{Tick(xMax * tick / 5)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Left - 6)}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{Tick(yMax * tick / 5)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(Left)}\" x2=\"{F(Width - Right)}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#eee\"/>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F((Left + Width - Right) / 2)}\" y=\"{F(Height - 12)}\" text-anchor=\"middle\">{Escape(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16 {F((Top + Height - Bottom) / 2)}) rotate(-90)\" text-anchor=\"middle\">{Escape(yLabel)}</text>");
        return svg;
    }

    private static double X(double value, double max) => Left + value / max * (Width - Left - Right);

    private static double Y(double value, double max) => Height - Bottom - value / max * (Height - Top - Bottom);

    /// <summary>The next of 1, 2, 2.5 or 5 times a power of ten at or above the value, so that the ticks are round.</summary>
    private static double Nice(double value)
    {
        if (value <= 0 || double.IsNaN(value))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return Steps.Select(step => step * power).First(candidate => candidate >= value);
    }

    private static string Tick(double value) => value.ToString(value >= 100 || value == Math.Floor(value) ? "#,0" : "0.##", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
