using System.Text;

namespace KalshiArb.Node.Replay;

/// <summary>
/// A sweep's table (markdown, columns aligned): one row per combination in grid order with the swept values, signals,
/// orders, fills, contracts filled, fees, realized P&amp;L, P&amp;L at mid and max drawdown, and per detection strategy
/// its orders and realized P&amp;L when more than one strategy traded. Only what follows from the recording and the
/// settings: two sweeps of deterministic replays give the same bytes.
/// </summary>
public static class SweepTable
{
    public static string Render(SweepGrid grid, IReadOnlyList<SweepRow> rows)
    {
        var strategies = rows.Where(r => r.Summary is not null).SelectMany(r => r.Summary!.Strategies.Select(s => s.Id))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var split = strategies.Length > 1;
        var header = new List<string> { "#" };
        header.AddRange(grid.Axes.Select(a => a.Key.StartsWith("kalshiarb.", StringComparison.Ordinal) ? a.Key["kalshiarb.".Length..] : a.Key));
        header.AddRange(["signals", "orders", "fills", "contracts", "fees", "realized", "at mid", "max drawdown"]);
        if (split) header.AddRange(strategies.SelectMany(s => new[] { $"{s} orders", $"{s} realized" }));
        header.Add("result");

        var table = new List<string[]> { header.ToArray() };
        foreach (var row in rows)
        {
            var cells = new List<string> { row.Combination.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            cells.AddRange(row.Combination.Settings.Select(s => s.Value));
            if (row.Summary is { } s)
            {
                cells.AddRange([Count(s.Signals), Count(s.Orders), Count(s.Fills), s.ContractsFilled, s.Fees, s.Realized, s.AtMid ?? "n/a", s.MaxDrawdown]);
                if (split)
                {
                    foreach (var id in strategies)
                    {
                        var own = s.Strategies.FirstOrDefault(x => x.Id == id);
                        cells.Add(own is null ? "0" : Count(own.OrdersEnded));
                        cells.Add(own?.Realized ?? "0");
                    }
                }
                cells.Add("ok");
            }
            else
            {
                cells.AddRange(Enumerable.Repeat("-", 8 + (split ? 2 * strategies.Length : 0)));
                cells.Add("FAILED: " + row.Failure);
            }
            table.Add(cells.ToArray());
        }

        // Every column as wide as its widest cell, except the last (a failure's reason would widen every row).
        var widths = Enumerable.Range(0, header.Count - 1).Select(c => table.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        for (var r = 0; r < table.Count; r++)
        {
            text.Append(Line(table[r], widths));
            if (r == 0) text.Append(Line(widths.Select(w => new string('-', w)).Append("---").ToArray(), widths));
        }
        return text.ToString();
    }

    private static string Line(string[] cells, int[] widths)
    {
        var line = new StringBuilder("|");
        for (var c = 0; c < cells.Length; c++)
            line.Append(' ').Append(c < widths.Length ? cells[c].PadRight(widths[c]) : cells[c]).Append(" |");
        return line.Append('\n').ToString();
    }

    private static string Count(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
