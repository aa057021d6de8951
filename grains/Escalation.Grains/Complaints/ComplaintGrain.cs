using Escalation.Caching;
using Escalation.Complaints;
using Escalation.Customers;
using Escalation.Directory;
using Escalation.Grains.Outbound;
using Escalation.Grains.Analytics;
using Escalation.Grains.Events;
using Escalation.Sla;
using Escalation.Teams;
using Escalation.Triage;
using Microsoft.Extensions.Options;

namespace Escalation.Grains.Complaints;

/// <summary>
/// One complaint: loads its state, lets the domain's <see cref="Complaint"/> decide, stores, then tells the team,
/// customer, analytics and consoles. It holds no timer and no reminder: it stores the instant it next has something to
/// do (<see cref="ComplaintState.WakeAt"/>), the storage keeps that in the complaint index, and the complaint's
/// deadline shard wakes it then (<see cref="Index.DeadlineShardGrain"/>). The domain raises each alert once.
/// </summary>
public sealed class ComplaintGrain(
    [PersistentState("complaint", StorageNames.Escalation)] IPersistentState<ComplaintState> state,
    IGrainRuntime runtime,
    GrainCache<ISlaPolicyGrain, SlaSettings> sla,
    AnalyticsBatcher analytics,
    EventBatcher events,
    GrainCache<IDirectoryGrain, IReadOnlyDictionary<string, ChannelRecord>> channels,
    OutboundDispatcher outbound,
    IOptions<EscalationOptions> options) : Grain, IComplaintGrain
{
    /// <summary>How soon a woken complaint's next wake-up must be for it to keep its activation.</summary>
    private static readonly TimeSpan KeepWokenFor = TimeSpan.FromSeconds(1);

    private Complaint? complaint;

    // The message being ingested here, so that a follow-up arriving meanwhile joins this complaint rather than opening another.
    private NewComplaint? ingesting;

    private Complaint C => complaint ??= new Complaint(this.GetPrimaryKey(), state.State, options.Value.AutoCloseAfter,
        options.Value.Retention.ClosedComplaintText, options.Value.OutboundGiveUpAfter);

    private TimelinePages Pages => field ??= new(GrainFactory, C.Id, state.State);

    private DateTimeOffset Now => runtime.TimeProvider.GetUtcNow();

    private ITeamGrain Team => GrainFactory.Grain<ITeamGrain>(state.State.Origin!.Team);

    public async ValueTask<DateTimeOffset?> Wake()
    {
        if (C.Exists)
        {
            await Commit(new ComplaintChanges());
        }

        // Unless its next wake-up is all but due, the activation goes now, as a new complaint's does: reading the state
        // again costs less than holding it. Woken complaints kept for their idle lifetime held the silo's heap at
        // gigabytes in a wave of escalations; kept until a warning's deadline seconds later, they outlived the young
        // collections and filled the old generation, whose collections stalled the silo.
        if (state.State.WakeAt is not { } next || next - Now > KeepWokenFor)
        {
            DeactivateOnIdle();
        }

        return state.State.WakeAt;
    }

    public async ValueTask<CreateResult> Create(NewComplaint message)
    {
        if (C.Exists)
        {
            return new CreateResult(Summary(), Duplicate: true);
        }

        var now = Now;
        var standing = await GrainFactory.Grain<ICustomerGrain>(message.Customer.Id)
            .RecordComplaint(C.Id, message.Customer, Complaint.WrittenAt(message.CreatedAt, now));
        var triage = ComplaintTriage.Of(message, standing);
        var assignment = await GrainFactory.Grain<ITeamGrain>(message.Team).AssignNewComplaint();
        var subject = new PolicySubject(message.Channel, message.Team, triage.Topic.Value, message.Public, triage.Standing.PersistentDissatisfaction);
        var terms = (await sla.Get()).Terms(triage.Priority, subject, assignment.Chain);
        var created = await Commit(C.Create(message, triage, terms, assignment.Agent, now));

        // Stored, indexed, its event queued: until someone opens it or its deadline shard wakes it, a new complaint has
        // nothing to do, so it does not wait in memory (IdleComplaintLifetime) with its text and timeline. Holding a
        // few minutes of new complaints made the silo's heap, and its background collections, grow with the rate of
        // ingestion.
        DeactivateOnIdle();
        return new CreateResult(created, Duplicate: false);
    }

    public async ValueTask<IngestResult> Ingest(NewComplaint message)
    {
        if (C.Exists || state.State.JoinedTo is not null)
        {
            return new IngestResult(state.State.JoinedTo?.ComplaintId ?? C.Id, Duplicate: true, Appended: state.State.JoinedTo is not null);
        }

        ingesting = message;
        try
        {
            if (await ComplaintThreads.Join(GrainFactory, message) is { } thread)
            {
                state.State.JoinedTo = thread;
                await state.WriteStateAsync();
                return new IngestResult(thread.ComplaintId, Duplicate: false, Appended: true);
            }

            return new IngestResult(C.Id, (await Create(message)).Duplicate, Appended: false);
        }
        finally
        {
            ingesting = null;
        }
    }

    public ValueTask<ComplaintThread?> Thread() => ValueTask.FromResult(
        state.State.JoinedTo
        ?? (C.Exists ? new ComplaintThread(C.Id, state.State.Origin!.Customer.Id)
            : ingesting is { InReplyTo: null } pending ? new ComplaintThread(C.Id, pending.Customer.Id)
            : null));

    public async ValueTask<ComplaintDetails?> GetDetails() => C.Exists ? new ComplaintDetails(Summary(), await Pages.All()) : null;

    public ValueTask<ComplaintSummary?> GetSummary() => ValueTask.FromResult(C.Exists ? Summary() : null);

    public ValueTask<ComplaintSummary> Assign(string agent, string actor) => Act(now => C.Assign(agent, actor, now));

    public async ValueTask<bool> AssignFromQueue(string agent)
    {
        if (!C.Exists || !state.State.IsOpen || state.State.Assignee is not null)
        {
            return false;
        }

        await Act(now => C.Assign(agent, Complaint.System, now));
        return true;
    }

    /// <summary>A response on a complaint of a channel with an outbound address is delivered there too.</summary>
    public async ValueTask<ComplaintSummary> Respond(string text, bool isPublic, string actor)
    {
        var delivered = C.Exists && (await channels.Get()).TryGetValue(state.State.Origin!.Channel, out var channel) && channel.OutboundUrl is not null;
        return await Act(now => C.Respond(text, isPublic, actor, now, delivered ? Guid.NewGuid() : null));
    }

    public async ValueTask Settle(DeliveryOutcome outcome) => await Act(now => C.Outbox.Settle(outcome, now));

    public ValueTask<ComplaintSummary> RetryDelivery(Guid deliveryId) => Act(now => C.Outbox.Retry(deliveryId, now));

    public ValueTask<ComplaintSummary> AddNote(string text, string actor) => Act(now => C.AddNote(text, actor, now));

    public ValueTask<ComplaintSummary> WaitForCustomer(string actor) => Act(now => C.WaitForCustomer(actor, now));

    public ValueTask<ComplaintSummary> ResumeAfterWait(string actor) => Act(now => C.Resume(actor, now));

    public ValueTask<ComplaintSummary> Resolve(string? note, string actor) => Act(now => C.Resolve(note, actor, now));

    public ValueTask<ComplaintSummary> Reopen(string actor) => Act(now => C.Reopen(actor, now));

    public ValueTask<ComplaintSummary> AcknowledgeEscalation(string actor) => Act(now => C.AcknowledgeEscalation(actor, now));

    public ValueTask<ComplaintSummary> AddCustomerMessage(CustomerMessage message) => Act(now => C.AddCustomerMessage(message, now));

    public async ValueTask ErasePersonalData(string actor, string pseudonym)
    {
        if (C.Exists)
        {
            await Act(now => C.Erase(actor, pseudonym, now));
            await ComplaintThreads.Pseudonymize(GrainFactory, state.State.Origin!.Channel, await Pages.All(), actor, pseudonym);
        }
        else if (state.State.JoinedTo is { } thread && thread.CustomerId != pseudonym)
        {
            state.State.JoinedTo = thread with { CustomerId = pseudonym };
            await state.WriteStateAsync();
        }
    }

    private ComplaintSummary Summary() => ComplaintSummary.Of(C.Id, state.State);

    /// <summary>Whose load the complaint counts in: its assignee's while it is open.</summary>
    private string? Holder() => state.State.IsOpen ? state.State.Assignee : null;

    /// <summary>Runs an action of the domain on a created complaint, tells the team and customer what they must know, and commits.</summary>
    private async ValueTask<ComplaintSummary> Act(Func<DateTimeOffset, ComplaintChanges> action)
    {
        if (!C.Exists)
        {
            throw new ComplaintNotFoundException(C.Id);
        }

        var heldBy = Holder();
        var changes = action(Now);
        var open = state.State.IsOpen;
        await Task.WhenAll(
            changes.Sync.HasFlag(ComplaintSync.Team) && heldBy != Holder() ? Team.MoveLoad(heldBy, Holder()).AsTask() : Task.CompletedTask,
            changes.Sync.HasFlag(ComplaintSync.Customer)
                ? GrainFactory.Grain<ICustomerGrain>(state.State.Origin!.Customer.Id).SetComplaintOpen(C.Id, open).AsTask()
                : Task.CompletedTask);
        return await Commit(changes);
    }

    /// <summary>
    /// Raises the alerts that are due (each escalation to the recipients its level names, as the team resolves them now;
    /// a move to another agent the team chooses), stores the state with its next wake-up, then records the facts and
    /// publishes the changes and alerts. If anything fails the activation is dropped, so that the next call starts again
    /// from what was stored.
    /// </summary>
    private async Task<ComplaintSummary> Commit(ComplaintChanges changes)
    {
        try
        {
            var now = Now;
            C.Tick(now, changes);
            for (var i = 0; i < changes.Alerts.Count; i++)
            {
                if (changes.Alerts[i] is { Level: > 0 } escalation)
                {
                    changes.Alerts[i] = escalation with { Recipients = await Team.Recipients(escalation.Step?.Notify ?? [], now) };
                    C.Notified(changes.Alerts[i], now);
                }
            }

            if (changes.Reassign is { } cause)
            {
                C.Reassign(await Team.Reassign(state.State.Assignee), cause, now, changes);
            }

            var wakeAt = C.NextAlertAt;
            if (wakeAt != state.State.WakeAt || changes.Changed)
            {
                // An erasure is complete once stored: the sealed pages first.
                if (changes.Erasure is { } erasure)
                {
                    await Pages.Erase(erasure);
                }

                await Pages.Seal();
                state.State.WakeAt = wakeAt;
                await state.WriteStateAsync();
            }

            outbound.Send(changes.Deliveries);
            var summary = Summary();
            ComplaintPublisher.Publish(analytics, events, summary, changes, now);
            return summary;
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
