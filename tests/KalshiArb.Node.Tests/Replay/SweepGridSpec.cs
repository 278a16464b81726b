using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiArb.Node.Replay;

namespace KalshiArb.Node.Tests.Replay;

/// <summary>`replay --sweep`: the grid's form, its expansion in grid order, its size cap and each combination's overlay.</summary>
public sealed class SweepGridSpec
{
    [Fact]
    public void Two_axes_expand_to_their_product_with_the_first_axis_changing_slowest()
    {
        var grid = SweepGrid.Parse(["kalshiarb.market.min-edge=0.01,0.02", "kalshiarb.market.kelly-fraction=0.1, 0.25 ,0.5"], out var problem);

        Assert.Null(problem);
        Assert.Equal(6, grid.Count);
        var combinations = grid.Combinations();
        Assert.Equal([1, 2, 3, 4, 5, 6], combinations.Select(c => c.Number));
        Assert.Equal(
            ["0.01/0.1", "0.01/0.25", "0.01/0.5", "0.02/0.1", "0.02/0.25", "0.02/0.5"],
            combinations.Select(c => string.Join('/', c.Settings.Select(s => s.Value))));
        Assert.All(combinations, c => Assert.Equal(["kalshiarb.market.min-edge", "kalshiarb.market.kelly-fraction"], c.Settings.Select(s => s.Key)));
    }

    [Theory]
    [InlineData("kalshiarb.market.min-edge", "write KEY=V1,V2")]
    [InlineData("=0.01", "write KEY=V1,V2")]
    [InlineData("kalshiarb.market.min-edge=0.01,,0.02", "an empty value")]
    [InlineData("kalshiarb.market.min-edge=", "an empty value")]
    [InlineData("kalshiarb.market.min-edge=0.01,0.01", "given twice")]
    [InlineData("market.min-edge=0.01", "not a kalshiarb setting path")]
    [InlineData("akka.loglevel=INFO", "not a kalshiarb setting path")]
    [InlineData("kalshiarb.market.min edge=0.01", "not a kalshiarb setting path")]
    [InlineData("kalshiarb.market.max-edge=0.1,\"x", "quote")]
    public void A_malformed_sweep_is_refused_naming_the_argument(string argument, string reason)
    {
        SweepGrid.Parse([argument], out var problem);

        Assert.NotNull(problem);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
        Assert.StartsWith("--sweep", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_swept_twice_and_no_sweep_at_all_are_refused()
    {
        SweepGrid.Parse(["kalshiarb.market.min-edge=0.01", "kalshiarb.market.min-edge=0.02"], out var twice);
        SweepGrid.Parse([], out var none);

        Assert.Contains("swept twice", twice, StringComparison.Ordinal);
        Assert.Contains("no setting to sweep", none, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grid_above_the_cap_is_refused_with_its_size_even_when_the_product_overflows_an_int()
    {
        SweepGrid.Parse(["kalshiarb.market.min-edge=0.01,0.02,0.03,0.04,0.05", "kalshiarb.market.kelly-fraction=0.1,0.2,0.3"], out var fifteen, maxCombinations: 15);
        SweepGrid.Parse(["kalshiarb.market.min-edge=0.01,0.02,0.03,0.04,0.05", "kalshiarb.market.kelly-fraction=0.1,0.2,0.3,0.4"], out var twenty, maxCombinations: 15);
        var ten = string.Join(',', Enumerable.Range(1, 10));
        SweepGrid.Parse(Enumerable.Range(0, 10).Select(i => $"kalshiarb.k{i}.v={ten}").ToArray(), out var huge);

        Assert.Null(fifteen);
        Assert.Contains("20 combinations (5 x 4); at most 15", twenty, StringComparison.Ordinal);
        Assert.Contains("10,000,000,000 combinations", huge, StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public Property Every_grid_holds_each_combination_of_values_once(PositiveInt a, PositiveInt b, PositiveInt c)
    {
        var sizes = new[] { a.Get % 4 + 1, b.Get % 4 + 1, c.Get % 4 + 1 };
        var arguments = sizes.Select((n, i) => $"kalshiarb.axis{i}.value=" + string.Join(',', Enumerable.Range(0, n).Select(v => $"v{v}"))).ToArray();
        var grid = SweepGrid.Parse(arguments, out var problem);
        var combinations = grid.Combinations();
        var keys = combinations.Select(x => string.Join('|', x.Settings.Select(s => s.Value))).ToArray();
        // grid order: the combinations sorted as the nested loops would visit them
        var expected = (from x in Enumerable.Range(0, sizes[0]) from y in Enumerable.Range(0, sizes[1]) from z in Enumerable.Range(0, sizes[2])
            select $"v{x}|v{y}|v{z}").ToArray();
        return (problem is null && combinations.Count == sizes[0] * sizes[1] * sizes[2] && keys.SequenceEqual(expected)
                && combinations.Select(x => x.Number).SequenceEqual(Enumerable.Range(1, combinations.Count)))
            .Label($"sizes {string.Join('x', sizes)}: {problem} {string.Join(' ', keys)}");
    }

    [Fact]
    public void A_combination_overlay_comes_after_the_operators_so_its_values_win()
    {
        var combination = SweepGrid.Parse(["kalshiarb.market.min-edge=0.03", "kalshiarb.orders.cancel-after=45s", "kalshiarb.shutdown.resting-orders=keep it"],
            out _).Combinations().Single();

        var overlay = combination.Overlay("kalshiarb.market.min-edge = 0.01\nkalshiarb.market.max-edge = 0.2\n");
        var config = Akka.Configuration.ConfigurationFactory.ParseString(overlay);

        Assert.Equal(0.03, config.GetDouble("kalshiarb.market.min-edge"));
        Assert.Equal("0.2", config.GetString("kalshiarb.market.max-edge"));
        Assert.Equal(TimeSpan.FromSeconds(45), config.GetTimeSpan("kalshiarb.orders.cancel-after"));
        Assert.Equal("keep it", config.GetString("kalshiarb.shutdown.resting-orders"));
        Assert.Equal("kalshiarb.market.min-edge=0.03, kalshiarb.orders.cancel-after=45s, kalshiarb.shutdown.resting-orders=keep it", combination.ToString());
    }
}
