using Akka.Actor;
using KalshiArb.Domain.Risk;
using KalshiArb.Node.Hosting;

namespace KalshiArb.Node.Admin;

/// <summary>The actors the admin endpoint asks, and the limits it reports the risk state against.</summary>
public sealed record AdminTargets(IActorRef Feed, IActorRef OddsPoller, IActorRef Orders, IActorRef RiskGate, RiskLimits? Limits)
{
    public static AdminTargets From(SimTradingNode node, RiskLimits limits) =>
        new(node.Markets.Feed, node.Markets.OddsPoller, node.Orders, node.RiskGate, limits);
}
