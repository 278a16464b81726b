using KalshiArb.Domain.Risk;

namespace KalshiArb.Node.Admin;

// Bodies of POST /admin/kill and /admin/resume and their answer.

/// <summary><paramref name="Mode"/>: "halt" or "reduce-only".</summary>
public sealed record AdminKillRequest(string? Mode, string? Reason);

public sealed record AdminResumeRequest(string? Reason);

/// <summary>The gate's <c>KillSwitchChanged</c> as the CLI sees it.</summary>
public sealed record AdminKillSwitchAnswer(KillSwitchState State, string Reason, IReadOnlyList<string> InFlightExecutionIds);

/// <summary>Any non-success answer carries one of these.</summary>
public sealed record AdminError(string Error);
