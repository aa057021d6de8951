using System.Collections.Concurrent;
using System.Text;
using Escalation.Complaints;
using Escalation.Queues;

namespace Escalation.Grains.Index;

/// <summary>
/// The complaint index of the embedded default (one silo, nothing kept across a restart): per team the rows in list
/// order, per deadline shard the wake-ups in time order. Rows repeat few distinct strings (channels, teams, lists of
/// priority reasons); those are shared, so that a million open complaints cost their texts and little more.
/// </summary>
public sealed class InMemoryComplaintIndex(ComplaintProjection projection) : IComplaintIndex
{
    // Each team's rows in stripes by complaint id, each behind its own lock, so that the writes of one busy team do not
    // queue (and spin) on one lock; a page merges the stripes' pages as it merges teams'.
    private const int Stripes = 8;
    private readonly ConcurrentDictionary<string, TeamRows[]> teams = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, ShardWakes> shards = new();
    private readonly ConcurrentDictionary<string, string> strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> reasonLists = new(StringComparer.Ordinal);

    /// <summary>Records what a stored complaint state now says (called by the storage after each write).</summary>
    public void Apply(GrainId grainId, object state)
    {
        if (projection.Of(grainId, state) is not { } indexed)
        {
            return;
        }

        var stripes = teams.GetOrAdd(indexed.Row.Team, _ => [.. Enumerable.Range(0, Stripes).Select(_ => new TeamRows())]);
        var stripe = stripes[(uint)indexed.Row.Id.GetHashCode() % Stripes];
        var row = new IndexRow(indexed, stripe.Get(indexed.Row.Id), Shared, Shared);
        var before = stripe.Put(row);
        shards.GetOrAdd(row.Shard, _ => new ShardWakes()).Put(before, row);
    }

    public Task<ComplaintPage> Page(ComplaintQuery query)
    {
        var rows = (query.Teams is { } named ? named.Select(team => teams.GetValueOrDefault(team)).OfType<TeamRows[]>() : teams.Values).SelectMany(stripes => stripes);
        var search = query.Search is { Length: > 0 } q ? Encoding.UTF8.GetBytes(Folding.ForSearch(q)) : null;
        var matching = new List<IndexRow>();
        var total = 0;
        foreach (var stripe in rows)
        {
            var (page, count) = stripe.Page(query, search);
            matching.AddRange(page);
            total += count;
        }

        matching.Sort(RowPlace.ListOrder);
        ComplaintSummary[] served = [.. matching.Take(query.Limit).Select(row => row.Summary())];
        var next = matching.Count > query.Limit ? ComplaintCursor.Of(served[^1]) : null;
        return Task.FromResult(new ComplaintPage(served, total, next));
    }

    public Task<IReadOnlyList<DueWake>> Due(int shard, DateTimeOffset until, int max) =>
        Task.FromResult(shards.TryGetValue(shard, out var wakes) ? wakes.Due(until, max) : (IReadOnlyList<DueWake>)[]);

    public Task<IReadOnlyDictionary<string, int>> Loads(string team) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>((teams.GetValueOrDefault(team) ?? []).SelectMany(stripe => stripe.Loads())
            .GroupBy(load => load.Key).ToDictionary(loads => loads.Key, loads => loads.Sum(load => load.Value)));

    private string Shared(string text) => strings.GetOrAdd(text, text);

    private IReadOnlyList<string> Shared(IReadOnlyList<string> reasons) =>
        reasons.Count == 0 ? [] : reasonLists.GetOrAdd(string.Join('\n', reasons), _ => [.. reasons.Select(Shared)]);

    /// <summary>A stripe of a team's rows: open ones and done ones (resolved, closed), each in list order.</summary>
    private sealed class TeamRows
    {
        private readonly Lock gate = new();
        private readonly Dictionary<Guid, IndexRow> byId = [];
        private readonly SortedSet<RowPlace> open = new(RowPlace.ListOrder);
        private readonly SortedSet<RowPlace> done = new(RowPlace.ListOrder);

        // The open rows whose warning went out: with the rows due soon (a prefix of the open ones), the rows at risk.
        private readonly SortedSet<RowPlace> warned = new(RowPlace.ListOrder);

        public IndexRow? Get(Guid id)
        {
            lock (gate)
            {
                return byId.GetValueOrDefault(id);
            }
        }

        /// <summary>Puts a complaint's row in place of the one it had, and returns that one (null for a new complaint).</summary>
        public IndexRow? Put(IndexRow row)
        {
            lock (gate)
            {
                if (byId.Remove(row.Id, out var before))
                {
                    (before.Open ? open : done).Remove(before);
                    warned.Remove(before);
                }

                byId[row.Id] = row;
                (row.Open ? open : done).Add(row);
                if (row.Warned)
                {
                    warned.Add(row);
                }

                return before;
            }
        }

        /// <summary>The rows after the cursor that match (one more than the limit, to tell whether a page follows), and how many match in all.</summary>
        public (List<IndexRow> Page, int Total) Page(ComplaintQuery query, byte[]? search)
        {
            lock (gate)
            {
                var set = Candidates(query.Status is ComplaintStatus.Resolved or ComplaintStatus.Closed ? done : open, query);
                var filtered = query with { After = null, Limit = 0 };
                var unfiltered = query.Status is null && query.Assignee is null && query.Priority is null && query.Channel is null && query.Topic is null
                    && query.Escalated is null && query.DueBefore is null && query.AtRiskBefore is null && search is null;
                var total = unfiltered ? set.Count : set.Count(row => Matches((IndexRow)row, filtered, search));
                var after = query.After is { } cursor ? new RowPlace(RowKey.Of(cursor)) : null;
                IEnumerable<RowPlace> from = after is null ? set
                    : set.Max is { } last && RowPlace.ListOrder.Compare(after, last) < 0 ? set.GetViewBetween(after, last) : [];
                var page = from.Where(row => after is null || RowPlace.ListOrder.Compare(row, after) > 0)
                    .Cast<IndexRow>()
                    .Where(row => Matches(row, filtered, search))
                    .Take(query.Limit + 1)
                    .ToList();
                return (page, total);
            }
        }

        /// <summary>
        /// The rows a query can match, in list order: those due before <see cref="ComplaintQuery.DueBefore"/> are a
        /// prefix of the list; those at risk, that prefix and the warned ones. So neither reads the whole team.
        /// </summary>
        private SortedSet<RowPlace> Candidates(SortedSet<RowPlace> set, ComplaintQuery query)
        {
            static SortedSet<RowPlace> Before(SortedSet<RowPlace> rows, DateTimeOffset at) =>
                rows.GetViewBetween(new RowPlace(new RowKey(long.MinValue, long.MinValue, Guid.Empty)), new RowPlace(new RowKey(at.UtcTicks, long.MinValue, Guid.Empty)));

            return query switch
            {
                { DueBefore: { } due } => Before(set, due),
                { AtRiskBefore: { } risk } when set == open => new SortedSet<RowPlace>([.. Before(set, risk), .. warned], RowPlace.ListOrder),
                _ => set,
            };
        }

        public Dictionary<string, int> Loads()
        {
            lock (gate)
            {
                return open.Cast<IndexRow>().Select(row => row.Assignee).OfType<string>().GroupBy(assignee => assignee).ToDictionary(g => g.Key, g => g.Count());
            }
        }

        private static bool Matches(IndexRow row, ComplaintQuery query, byte[]? search) =>
            (query.Status is null || row.Status == query.Status)
            && (query.Assignee is null || query.Assignee.Matches(row.Assignee))
            && (query.Priority is null || row.Priority == query.Priority)
            && (query.Channel is null || row.Channel == query.Channel)
            && (query.Topic is null || row.Topic == query.Topic)
            && (query.Escalated is null || row.Escalated == query.Escalated)
            && (query.DueBefore is not { } due || row.DueBefore(due))
            && (query.AtRiskBefore is not { } risk || row.DueBefore(risk) || row.Warned)
            && (search is null || row.Search.IndexOf(search) >= 0);
    }

    /// <summary>A deadline shard's wake-ups in time order (a complaint's previous one is in its previous row).</summary>
    private sealed class ShardWakes
    {
        private readonly Lock gate = new();
        private readonly SortedSet<IndexRow> byTime = new(IndexRow.WakeOrder);

        public void Put(IndexRow? before, IndexRow row)
        {
            lock (gate)
            {
                if (before is { HasWake: true })
                {
                    byTime.Remove(before);
                }

                if (row.HasWake)
                {
                    byTime.Add(row);
                }
            }
        }

        public IReadOnlyList<DueWake> Due(DateTimeOffset until, int max)
        {
            lock (gate)
            {
                return [.. byTime.TakeWhile(row => row.WakeAt <= until.UtcTicks).Take(max).Select(row => new DueWake(row.Id, new DateTimeOffset(row.WakeAt, TimeSpan.Zero)))];
            }
        }
    }
}
