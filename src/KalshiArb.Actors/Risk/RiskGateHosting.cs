using Akka.Hosting;
using KalshiArb.Actors.Cluster;

namespace KalshiArb.Actors.Risk;

public static class RiskGateHosting
{
    /// <summary>The singleton manager's name (/user/risk-gate; its proxy /user/risk-gate-proxy).</summary>
    public const string Name = "risk-gate";

    /// <summary>
    /// The risk gate: one <see cref="RiskGateSupervisor"/> per cluster on the oldest member with the risk role; every member
    /// gets its proxy under the <see cref="RiskGateSupervisor"/> key. Passive: it only answers what it is asked.
    /// </summary>
    public static AkkaConfigurationBuilder WithRiskGate(this AkkaConfigurationBuilder akka, RiskGateSettings settings, IReadOnlyCollection<string> memberRoles) =>
        akka.WithRoleSingleton<RiskGateSupervisor>(Name, (_, _) => RiskGateSupervisor.Props(settings), ClusterRoles.Risk, memberRoles);
}
