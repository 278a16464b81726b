using KalshiArb.Domain.Detection;

namespace KalshiArb.Domain.Tests.Detection;

public sealed class DeferredTextTests
{
    [Fact]
    public void Formats_only_when_read_and_then_keeps_the_text()
    {
        var calls = 0;
        var text = new DeferredText(() => $"edge {++calls}");
        Assert.Equal(0, calls);
        Assert.Equal("edge 1", text.Value);
        Assert.Equal("edge 1", text.Value);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Equals_a_text_given_at_once_when_the_texts_are_equal()
    {
        var deferred = new DeferredText(() => "fair 0.55 - ask 0.52");
        var given = new DeferredText("fair 0.55 - ask 0.52");
        Assert.Equal(given, deferred);
        Assert.Equal(given.GetHashCode(), deferred.GetHashCode());
        Assert.NotEqual(new DeferredText("fair 0.55 - ask 0.53"), deferred);
    }

    [Fact]
    public void A_skip_found_by_the_detector_reads_its_detail_and_equals_the_same_skip_with_the_text_given()
    {
        var skip = Assert.IsType<SkipDecision>(EdgeDetector.Evaluate(DetectionCases.Input(DetectionCases.MarketBook("0.52", "100"), fairYes: 0.50)));
        Assert.NotEmpty(skip.Detail);
        Assert.Equal(new SkipDecision(skip.Ticker, skip.Reason, skip.Side, skip.Detail), skip);
        Assert.Contains(skip.Detail, skip.ToString());
    }
}
