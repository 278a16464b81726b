namespace KalshiArb.Domain.Tests.Risk;

public sealed class RecentIdsTests
{
    [Property(MaxTest = 300)]
    public Property The_last_generation_of_ids_is_always_remembered_and_never_more_than_two() =>
        Prop.ForAll(Gen.Choose(1, 8).ToArbitrary(), Gen.ListOf(Gen.Choose(0, 40)).ToArbitrary(), (size, draws) =>
        {
            var ids = new RecentIds(size);
            var distinct = new List<string>();
            foreach (var d in draws)
            {
                var id = "ex-" + d;
                if (!ids.Contains(id)) distinct.Add(id);
                ids = ids.Add(id);
                Assert.True(ids.Count <= 2 * size);
                // The newest `size` distinct ids added are all still there.
                Assert.All(distinct.TakeLast(size), x => Assert.True(ids.Contains(x), $"{x} forgotten"));
            }
        });

    [Fact]
    public void A_full_generation_becomes_the_older_one_and_the_oldest_is_forgotten()
    {
        var ids = new RecentIds(2).Add("a").Add("b").Add("c").Add("d");
        Assert.True(ids.Contains("a") && ids.Contains("b") && ids.Contains("c") && ids.Contains("d"));
        ids = ids.Add("e");
        Assert.False(ids.Contains("a") || ids.Contains("b"));
        Assert.True(ids.Contains("c") && ids.Contains("d") && ids.Contains("e"));
        Assert.Equal(3, ids.Count);
        Assert.Same(ids, ids.Add("e"));
    }

    [Fact]
    public void A_snapshot_restores_what_it_stored()
    {
        var ids = new RecentIds(3).Add("a").Add("b").Add("c").Add("d");
        var restored = RecentIds.Of(ids.Items, 3);
        Assert.Equal(ids.Items.Order(StringComparer.Ordinal), restored.Items.Order(StringComparer.Ordinal));
        Assert.All(["a", "b", "c", "d"], x => Assert.True(restored.Contains(x)));
    }
}
