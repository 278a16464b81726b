using Akka.Actor;
using Akka.Cluster;
using KalshiArb.Actors.Cluster;

namespace KalshiArb.Node.Hosting;

public sealed record ClusterMemberView(string Address, IReadOnlyList<string> Roles, string Status, bool Reachable);

/// <summary>The cluster as this node sees it.</summary>
public sealed record ClusterView(string Self, string? Leader, IReadOnlyList<ClusterMemberView> Members);

/// <summary>Orders of every execution node, merged; desks that did not answer in time are named.</summary>
public sealed record ClusterOrders(ExecutionStatus Status, IReadOnlyList<string> Unanswered);

/// <summary>Reads the membership and asks each execution node's order desk for its orders.</summary>
public static class ClusterStatus
{
    public static ClusterView Read(ActorSystem system)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var state = cluster.State;
        var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
        var members = state.Members
            .Select(m => new ClusterMemberView(m.Address.ToString(), m.Roles.Order(StringComparer.Ordinal).ToArray(), m.Status.ToString(),
                !unreachable.Contains(m.Address)))
            .OrderBy(m => m.Address, StringComparer.Ordinal)
            .ToArray();
        return new ClusterView(cluster.SelfAddress.ToString(), state.Leader?.ToString(), members);
    }

    public static async Task<ClusterOrders> GatherOrdersAsync(ActorSystem system, TimeSpan timeout, CancellationToken ct)
    {
        var desks = Akka.Cluster.Cluster.Get(system).State.Members
            .Where(m => m.Status == MemberStatus.Up && m.HasRole(ClusterRoles.Execution))
            .Select(m => (m.Address, Ask: MemberActor.On(system, m.Address, OrdersHosting.DeskName)
                .Ask<ExecutionStatus>(GetExecutionStatus.Instance, timeout, ct)))
            .ToArray();
        var open = new List<OrderStatusNotice>();
        var attention = new List<OrderStatusNotice>();
        var unanswered = new List<string>();
        var tracked = 0;
        var ended = new List<IReadOnlyDictionary<string, long>>();
        foreach (var (address, ask) in desks)
        {
            try
            {
                var s = await ask;
                open.AddRange(s.Open);
                attention.AddRange(s.NeedsAttention);
                tracked += s.TrackedCount;
                ended.Add(s.Ended);
            }
            catch (Exception ex) when (ex is AskTimeoutException or ActorNotFoundException)
            {
                unanswered.Add(address.ToString());
            }
        }
        // An order that just moved between nodes may be reported by both: keep one line per order.
        static OrderStatusNotice[] Distinct(List<OrderStatusNotice> l) =>
            l.GroupBy(n => n.ExecutionId, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(n => n.ExecutionId, StringComparer.Ordinal).ToArray();
        return new ClusterOrders(new ExecutionStatus(Distinct(open), Distinct(attention), tracked) { Ended = Sum(ended) }, unanswered);
    }

    /// <summary>Signals admitted and refused by every market node's admission, added up; null when none answered.</summary>
    public static async Task<AdmissionStatus?> GatherAdmissionsAsync(ActorSystem system, TimeSpan timeout, CancellationToken ct)
    {
        var asks = Akka.Cluster.Cluster.Get(system).State.Members
            .Where(m => m.Status == MemberStatus.Up && m.HasRole(ClusterRoles.Market))
            .Select(m => MemberActor.On(system, m.Address, OrdersHosting.AdmissionName)
                .Ask<AdmissionStatus>(GetAdmissionStatus.Instance, timeout, ct))
            .ToArray();
        var answers = new List<AdmissionStatus>();
        foreach (var ask in asks)
        {
            try
            {
                answers.Add(await ask);
            }
            catch (Exception ex) when (ex is AskTimeoutException or ActorNotFoundException)
            {
                // A node that does not answer leaves its counts out; the order desks' list names silent nodes.
            }
        }
        if (answers.Count == 0) return null;
        return new AdmissionStatus(answers.Sum(a => a.Admitted), answers.Sum(a => a.Placed), answers.Sum(a => a.Repeated),
            Sum(answers.Select(a => a.RefusedByReason)), Sum(answers.Select(a => a.NotPlacedByReason)), answers[0].KillSwitch);
    }

    private static Dictionary<string, long> Sum(IEnumerable<IReadOnlyDictionary<string, long>> counts)
    {
        var sum = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var c in counts)
        foreach (var (k, v) in c)
            sum[k] = sum.GetValueOrDefault(k) + v;
        return sum;
    }
}
