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

        var row = indexed.Row;
        indexed = indexed with
        {
            Row = row with
            {
                Channel = Shared(row.Channel),
                Team = Shared(row.Team),
                Language = Shared(row.Language),
                Assignee = row.Assignee is { } assignee ? Shared(assignee) : null,
                PriorityReasons = Shared(row.PriorityReasons),
                SlaPolicy = Shared(row.SlaPolicy),
            },
        };
        var stripes = teams.GetOrAdd(row.Team, _ => [.. Enumerable.Range(0, Stripes).Select(_ => new TeamRows())]);
        var before = stripes[(uint)row.Id.GetHashCode() % Stripes].Put(indexed);
        shards.GetOrAdd(indexed.Shard, _ => new ShardWakes()).Put(row.Id, before?.WakeAt, indexed.WakeAt);
    }

    public Task<ComplaintPage> Page(ComplaintQuery query)
    {
        var rows = (query.Teams is { } named ? named.Select(team => teams.GetValueOrDefault(team)).OfType<TeamRows[]>() : teams.Values).SelectMany(stripes => stripes);
        var search = query.Search is { Length: > 0 } q ? Encoding.UTF8.GetBytes(Folding.ForSearch(q)) : null;
        var matching = new List<ComplaintSummary>();
        var total = 0;
        foreach (var stripe in rows)
        {
            var (page, count) = stripe.Page(query, search);
            matching.AddRange(page);
            total += count;
        }

        matching.Sort((a, b) => RowKey.Of(a).CompareTo(RowKey.Of(b)));
        var next = matching.Count > query.Limit ? ComplaintCursor.Of(matching[query.Limit - 1]) : null;
        return Task.FromResult(new ComplaintPage([.. matching.Take(query.Limit)], total, next));
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
        private readonly Dictionary<Guid, IndexedComplaint> byId = [];
        private readonly Dictionary<RowKey, IndexedComplaint> byKey = [];
        private readonly SortedSet<RowKey> open = [];
        private readonly SortedSet<RowKey> done = [];

        // The open rows whose warning went out: with the rows due soon (a prefix of the open ones), the rows at risk.
        private readonly SortedSet<RowKey> warned = [];

        /// <summary>Puts a complaint's row in place of the one it had, and returns that one (null for a new complaint).</summary>
        public IndexedComplaint? Put(IndexedComplaint indexed)
        {
            lock (gate)
            {
                if (byId.Remove(indexed.Row.Id, out var before))
                {
                    var key = RowKey.Of(before.Row);
                    (before.Open ? open : done).Remove(key);
                    warned.Remove(key);
                    byKey.Remove(key);
                }

                var now = RowKey.Of(indexed.Row);
                byId[indexed.Row.Id] = indexed;
                byKey[now] = indexed;
                (indexed.Open ? open : done).Add(now);
                if (indexed.Warned)
                {
                    warned.Add(now);
                }

                return before;
            }
        }

        /// <summary>The rows after the cursor that match (one more than the limit, to tell whether a page follows), and how many match in all.</summary>
        public (List<ComplaintSummary> Page, int Total) Page(ComplaintQuery query, byte[]? search)
        {
            lock (gate)
            {
                var set = Candidates(query.Status is ComplaintStatus.Resolved or ComplaintStatus.Closed ? done : open, query);
                var filtered = query with { After = null, Limit = 0 };
                var unfiltered = query.Status is null && query.Assignee is null && query.Priority is null && query.Channel is null && query.Topic is null
                    && query.Escalated is null && query.DueBefore is null && query.AtRiskBefore is null && search is null;
                var total = unfiltered ? set.Count : set.Count(key => Matches(byKey[key], filtered, search));
                var after = query.After is { } cursor ? RowKey.Of(cursor) : (RowKey?)null;
                var from = after is not { } start ? set : set.Count > 0 && start.CompareTo(set.Max) < 0 ? set.GetViewBetween(start, set.Max) : [];
                var page = from.Where(key => after is null || key.CompareTo(after.Value) > 0)
                    .Select(key => byKey[key])
                    .Where(row => Matches(row, filtered, search))
                    .Take(query.Limit + 1)
                    .Select(row => row.Row)
                    .ToList();
                return (page, total);
            }
        }

        /// <summary>
        /// The rows a query can match, in list order: those due before <see cref="ComplaintQuery.DueBefore"/> are a
        /// prefix of the list; those at risk, that prefix and the warned ones. So neither reads the whole team.
        /// </summary>
        private SortedSet<RowKey> Candidates(SortedSet<RowKey> set, ComplaintQuery query)
        {
            static SortedSet<RowKey> Before(SortedSet<RowKey> rows, DateTimeOffset at) =>
                rows.GetViewBetween(new RowKey(long.MinValue, long.MinValue, Guid.Empty), new RowKey(at.UtcTicks, long.MinValue, Guid.Empty));

            return query switch
            {
                { DueBefore: { } due } => Before(set, due),
                { AtRiskBefore: { } risk } when set == open => [.. Before(set, risk), .. warned],
                _ => set,
            };
        }

        public Dictionary<string, int> Loads()
        {
            lock (gate)
            {
                return open.Select(key => byKey[key].Row.Assignee).OfType<string>().GroupBy(assignee => assignee).ToDictionary(g => g.Key, g => g.Count());
            }
        }

        private static bool Matches(IndexedComplaint indexed, ComplaintQuery query, byte[]? search)
        {
            var row = indexed.Row;
            return (query.Status is null || row.Status == query.Status)
                && (query.Assignee is null || query.Assignee.Matches(row.Assignee))
                && (query.Priority is null || row.Priority == query.Priority)
                && (query.Channel is null || row.Channel == query.Channel)
                && (query.Topic is null || row.Topic == query.Topic)
                && (query.Escalated is null || indexed.Escalated == query.Escalated)
                && (query.DueBefore is null || row.NextDueAt < query.DueBefore)
                && (query.AtRiskBefore is null || row.NextDueAt < query.AtRiskBefore || indexed.Warned)
                && (search is null || indexed.Search.AsSpan().IndexOf(search) >= 0);
        }
    }

    /// <summary>A deadline shard's wake-ups in time order (a complaint's previous one is in its previous row).</summary>
    private sealed class ShardWakes
    {
        private readonly Lock gate = new();
        private readonly SortedSet<DueWake> byTime = new(Comparer<DueWake>.Create((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Id.CompareTo(b.Id)));

        public void Put(Guid id, DateTimeOffset? before, DateTimeOffset? wakeAt)
        {
            lock (gate)
            {
                if (before is { } previous)
                {
                    byTime.Remove(new DueWake(id, previous));
                }

                if (wakeAt is { } at)
                {
                    byTime.Add(new DueWake(id, at));
                }
            }
        }

        public IReadOnlyList<DueWake> Due(DateTimeOffset until, int max)
        {
            lock (gate)
            {
                return [.. byTime.TakeWhile(wake => wake.At <= until).Take(max)];
            }
        }
    }
}
