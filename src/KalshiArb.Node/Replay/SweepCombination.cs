namespace KalshiArb.Node.Replay;

/// <summary>One point of a sweep's grid: its place in grid order (from 1) and a value for every swept setting, axis by axis.</summary>
public sealed record SweepCombination(int Number, IReadOnlyList<KeyValuePair<string, string>> Settings)
{
    /// <summary>
    /// The HOCON that sets this combination's values, after the operator's own overlay (when there is one), so a
    /// swept value overrides the overlay's: HOCON keeps the last assignment of a path.
    /// </summary>
    public string Overlay(string? operatorOverlay)
    {
        var lines = new List<string>();
        if (operatorOverlay is not null)
        {
            lines.Add(operatorOverlay.TrimEnd());
            lines.Add("");
        }
        lines.Add($"# replay --sweep: combination {Number}");
        lines.AddRange(Settings.Select(s => $"{s.Key} = {SweepGrid.HoconValue(s.Value)}"));
        return string.Join('\n', lines) + "\n";
    }

    public override string ToString() => string.Join(", ", Settings.Select(s => $"{s.Key}={s.Value}"));
}
