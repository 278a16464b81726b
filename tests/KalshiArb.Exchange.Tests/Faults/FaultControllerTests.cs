using KalshiArb.Exchange.Faults;

namespace KalshiArb.Exchange.Tests.Faults;

public sealed class FaultControllerTests
{
    [Fact]
    public void Shares_are_honoured_and_clamped()
    {
        var f = new FaultController(new FaultSettings(), seed: 1);
        Assert.All(Enumerable.Range(0, 200), _ => Assert.Equal(RestFault.None, f.SampleRest()));
        f.TooManyRequestsShare = 0.25;
        var hits = Enumerable.Range(0, 4000).Count(_ => f.SampleRest() == RestFault.TooManyRequests);
        Assert.InRange(hits, 850, 1150);
        f.ServerErrorShare = 7;
        Assert.Equal(1.0, f.ServerErrorShare);
    }

    [Fact]
    public void Seq_skip_fires_once_per_arming()
    {
        var f = new FaultController(new FaultSettings(), seed: 1);
        f.SkipNextSeq("M");
        Assert.True(f.TakeSeqSkip("M"));
        Assert.False(f.TakeSeqSkip("M"));
        Assert.False(f.TakeSeqSkip("N"));
    }
}
