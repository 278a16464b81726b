using KalshiArb.Node.Replay;

namespace KalshiArb.Node.Tests.Replay;

/// <summary>The sweep's table: rows in grid order, aligned columns, a failed row with its reason, a split per strategy only when several traded.</summary>
public sealed class SweepTableSpec
{
    private static readonly SweepGrid Grid = SweepGrid.Parse(["kalshiarb.market.min-edge=0.01,0.02,0.03"], out _);

    private static ReplaySummary Summary(long signals, params ReplayStrategySummary[] strategies) =>
        new(signals, signals, 2, "50.00", "0.8400", "-0.8400", null, "0.8400", strategies);

    [Fact]
    public void One_row_per_combination_in_grid_order_with_a_failed_row_and_no_strategy_split_for_one_strategy()
    {
        var c = Grid.Combinations();
        var table = SweepTable.Render(Grid, [
            new SweepRow(c[0], Summary(12, new ReplayStrategySummary("consensus-edge", 12, 2, "-0.8400")), null),
            new SweepRow(c[1], null, "exit 2: replay failed: boom"),
            new SweepRow(c[2], Summary(3), null),
        ]);

        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.Equal("| # | market.min-edge | signals | orders | fills | contracts | fees   | realized | at mid | max drawdown | result |", lines[0]);
        Assert.Equal("| 1 | 0.01            | 12      | 12     | 2     | 50.00     | 0.8400 | -0.8400  | n/a    | 0.8400       | ok |", lines[2]);
        Assert.Equal("| 2 | 0.02            | -       | -      | -     | -         | -      | -        | -      | -            | FAILED: exit 2: replay failed: boom |", lines[3]);
        Assert.StartsWith("| 3 | 0.03 ", lines[4]);
        Assert.DoesNotContain("consensus-edge", table, StringComparison.Ordinal);
        // aligned: every row's last column starts where the header's does
        Assert.All(lines, l => Assert.Equal(lines[0].LastIndexOf('|', lines[0].Length - 2), l.LastIndexOf('|', l.Length - 2)));
    }

    [Fact]
    public void Two_strategies_get_their_orders_and_realized_columns_and_a_row_without_one_shows_zero()
    {
        var c = Grid.Combinations();
        var table = SweepTable.Render(Grid, [
            new SweepRow(c[0], Summary(5, new("consensus-edge", 4, 1, "-0.4200"), new("mean-reversion", 1, 1, "0.1300")), null),
            new SweepRow(c[1], Summary(4, new ReplayStrategySummary("consensus-edge", 4, 1, "-0.4200")), null),
            new SweepRow(c[2], null, "timed out"),
        ]);

        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("| consensus-edge orders | consensus-edge realized | mean-reversion orders | mean-reversion realized | result |", lines[0], StringComparison.Ordinal);
        Assert.Contains("| 4                     | -0.4200                 | 1                     | 0.1300                  | ok |", lines[2], StringComparison.Ordinal);
        Assert.Contains("| 4                     | -0.4200                 | 0                     | 0                       | ok |", lines[3], StringComparison.Ordinal);
        Assert.EndsWith("| -                     | -                       | FAILED: timed out |", lines[4], StringComparison.Ordinal);
    }
}
