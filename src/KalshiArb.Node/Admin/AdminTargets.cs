using Akka.Actor;
using KalshiArb.Domain.Risk;
using KalshiArb.Node.Hosting;

namespace KalshiArb.Node.Admin;

/// <summary>The actors the admin endpoint asks, and the limits it reports the risk state against.</summary>
public sealed record AdminTargets(IActorRef Feed, IActorRef OddsPoller, IActorRef Orders, IActorRef RiskGate, RiskLimits? Limits)
{
    /// <summary>When set, orders are gathered from every execution node of this system's cluster and the membership is reported.</summary>
    public ActorSystem? ClusterSystem { get; init; }

    /// <summary>The open-order watch's proxy, on an execution node.</summary>
    public IActorRef? OpenOrders { get; init; }

    /// <summary>The market shard region (asked for the dashboard's market lines); null: no markets section.</summary>
    public IActorRef? Markets { get; init; }

    /// <summary>This node's signal admission, asked for recent signals outside a cluster (in one, every market node's is).</summary>
    public IActorRef? Admission { get; init; }

    /// <summary>Last answers per status component, shared with the node's status line.</summary>
    public StatusMemory StatusMemory { get; init; } = new();

    /// <summary>The node's P&amp;L now, for the /metrics gauges (the last status refresh's figures); null gives no samples.</summary>
    public Func<AdminPnlStatus?> Pnl { get; init; } = static () => null;

    public static AdminTargets From(TradingNode node, RiskLimits limits) =>
        new(node.Markets.Feed, node.Markets.OddsPoller, node.Orders ?? ActorRefs.Nobody, node.RiskGate, limits)
        {
            ClusterSystem = node.System,
            OpenOrders = node.OpenOrders,
            Markets = node.Markets.Markets,
            Admission = node.Admission,
            StatusMemory = node.StatusMemory,
            Pnl = PnlTracker.Get(node.System).Read,
        };
}
