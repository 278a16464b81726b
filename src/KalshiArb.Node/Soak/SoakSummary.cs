using System.Globalization;
using System.Text;
using KalshiArb.Node.Audit;

namespace KalshiArb.Node.Soak;

/// <summary>
/// What a soak found: orders and fills on both sides, faults by kind, recoveries and heal times, the audit and the
/// venue comparison. <see cref="Passed"/> needs the comparison to hold, every fault healed and a clean audit.
/// </summary>
public sealed record SoakSummary(
    int Seed,
    TimeSpan Duration,
    int Nodes,
    int JournalOrders,
    int VenueOrders,
    int JournalFills,
    int VenueFills,
    IReadOnlyList<KeyValuePair<string, int>> JournalStates,
    IReadOnlyList<FaultOutcome> Faults,
    AuditSummary Audit,
    VenueComparison Comparison)
{
    public const int ExitPassed = 0;
    public const int ExitFailed = 1;

    /// <summary>How many journaled orders ended in each state, e.g. Filled 80, RiskDenied 12 (unreadable: "unknown").</summary>
    public static IReadOnlyList<KeyValuePair<string, int>> CountStates(IEnumerable<JournaledExecution> journal) =>
        journal.GroupBy(j => j.FinalState?.ToString() ?? "unknown", StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, g.Count())).ToArray();

    public int Recoveries => Faults.Count(f => f.Recovered);

    public bool Passed => Comparison.Holds && Recoveries == Faults.Count && Audit.WithViolations == 0;

    public int ExitCode => Passed ? ExitPassed : ExitFailed;

    /// <summary>The last line: "lost 0, doubled 0, unapproved 0, late 0, positions equal" when all hold.</summary>
    public string VerdictLine => string.Create(CultureInfo.InvariantCulture,
        $"lost {Comparison.Lost.Count}, doubled {Comparison.Doubled.Count}, unapproved {Comparison.Unapproved.Count}, late {Comparison.Late.Count}, " +
        $"positions {(Comparison.PositionsEqual ? "equal" : "DIFFER")}");

    public string Render()
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine(inv, $"soak: seed {Seed}, {Duration:hh\\:mm\\:ss}, {(Nodes == 1 ? "single node" : $"{Nodes} nodes")}");
        s.AppendLine(inv, $"orders {JournalOrders} journaled, {VenueOrders} at the venue; fills {JournalFills} journaled, {VenueFills} at the venue");
        if (JournalStates.Count > 0) s.AppendLine(inv, $"journal ends: {string.Join(", ", JournalStates.Select(k => $"{k.Key} {k.Value}"))}");
        var byKind = Faults.GroupBy(f => f.Fault.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key.Name()} {g.Count()}");
        s.AppendLine(inv, $"faults {Faults.Count}: {string.Join(", ", byKind)}");
        var heals = Faults.Where(f => f.HealTime is not null).Select(f => f.HealTime!.Value).ToArray();
        var restarts = Faults.Where(f => f.Fault.Kind.StopsNode()).Select(f => f.HealTime).OfType<TimeSpan>().ToArray();
        s.AppendLine(inv, $"recoveries {Recoveries} of {Faults.Count}; heal {Range(heals)}; after a restart {Range(restarts)}");
        foreach (var f in Faults.Where(f => !f.Recovered || f.Note is not null))
            s.AppendLine(inv, $"  {f.Fault}: {(f.Recovered ? "" : "NOT HEALED ")}{f.Note}");
        var kinds = Audit.ByKind.Count == 0 ? "" : $" ({string.Join(", ", Audit.ByKind.Select(k => $"{k.Key} {k.Value}"))})";
        s.AppendLine(inv, $"audit: {Audit.Orders} orders, {Audit.Clean} clean, {Audit.WithViolations} with violations{kinds}");
        List("lost", Comparison.Lost, s);
        List("doubled", Comparison.Doubled, s);
        List("unapproved", Comparison.Unapproved, s);
        List("late", Comparison.Late, s);
        foreach (var p in Comparison.Positions) s.AppendLine(inv, $"position differs: {p}");
        List("fills differ", Comparison.FillDifferences, s);
        s.AppendLine(VerdictLine);
        return s.ToString();
    }

    private static void List(string what, IReadOnlyList<SoakFinding> findings, StringBuilder s)
    {
        foreach (var f in findings) s.Append(what).Append(": ").AppendLine(f.ToString());
    }

    private static string Range(IReadOnlyCollection<TimeSpan> times) => times.Count == 0
        ? "none measured"
        : string.Create(CultureInfo.InvariantCulture, $"min {times.Min().TotalSeconds:F1} s, max {times.Max().TotalSeconds:F1} s");
}
