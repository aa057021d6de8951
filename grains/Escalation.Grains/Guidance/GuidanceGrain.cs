using Escalation.Guidance;
using Escalation.Triage;
using Orleans.Concurrency;

namespace Escalation.Grains.Guidance;

[StatelessWorker]
public sealed class GuidanceGrain : Grain, IGuidanceGrain
{
    public ValueTask<DraftCheck> Check(string draft, Topic? topic) =>
        ValueTask.FromResult(new DraftCheck(
            [.. ResponseGuide.Check(draft).Select(flag => new DraftFlag(flag.Rule, flag.Message))],
            [.. ResponseGuide.TemplatesFor(topic).Select(template => new DraftTemplate(template.Topic, template.Language, template.Text))]));
}
