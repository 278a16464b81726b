namespace KalshiArb.Actors.Tests.Architecture;

/// <summary>The folder graph sees a dependency that lives only in a method body, and reports the cycle it closes.</summary>
public sealed class FolderGraphSpec
{
    private const string Fixture = "KalshiArb.Actors.Tests.Architecture.CycleFixture";

    [Fact]
    public void A_use_inside_a_method_body_counts_and_closes_a_cycle()
    {
        var graph = new FolderGraph(typeof(FolderGraphSpec).Assembly, Fixture, _ => false);
        Assert.Contains("Orders", graph.Edges["Quotes"].Keys);
        Assert.Contains("Quotes", graph.Edges["Orders"].Keys);
        var cycle = Assert.Single(graph.Cycles());
        Assert.StartsWith("cycle between Orders, Quotes:", cycle, StringComparison.Ordinal);
        Assert.DoesNotContain("Fills", cycle, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignoring_the_body_user_breaks_the_cycle()
    {
        var graph = new FolderGraph(typeof(FolderGraphSpec).Assembly, Fixture, t => t.Name == "QuoteDesk");
        Assert.Empty(graph.Cycles());
        Assert.Equal(["Orders"], graph.Edges["Fills"].Keys);
    }
}
