using KalshiArb.Domain.Odds;
using KalshiArb.Kalshi.Feed;
using KalshiArb.Odds.Api;
using KalshiArb.Recording.Synthetic;

namespace KalshiArb.Recording.Tests;

/// <summary>The generated recording is input the node accepts: the feed's frame parser and the Odds API parser refuse nothing.</summary>
public sealed class SyntheticParsesSpec
{
    [Fact]
    public void Every_generated_frame_and_odds_body_parses_with_the_nodes_parsers()
    {
        var data = new SyntheticMarketData(new SyntheticRecordingOptions { Markets = 6, Minutes = 2, Seed = 3 });
        var batch = new SyntheticBatch();
        var parser = new FeedFrameParser();
        var events = new Dictionary<string, int>();
        var oddsEvents = 0;
        while (data.Fill(batch))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch.Kind(i) == RecordKind.OddsSnapshot)
                {
                    var odds = OddsApiParser.Parse(batch.Payload(i), OddsFormat.American);
                    Assert.True(odds.IsOk, odds.BodyRejection?.ToString());
                    Assert.Empty(odds.Skipped);
                    Assert.Equal(3, odds.Events.Count);
                    oddsEvents += odds.Events.Count;
                    continue;
                }
                var parsed = parser.ParseFrame(batch.Payload(i));
                Assert.True(parsed.IsEvent, $"{parsed.Reason}: {System.Text.Encoding.UTF8.GetString(batch.Payload(i))}");
                var name = parsed.Event!.GetType().Name;
                events[name] = events.GetValueOrDefault(name) + 1;
            }
        }
        Assert.Equal(4 * 3, oddsEvents);
        Assert.True(events.Count >= 4, string.Join(", ", events)); // snapshot, delta, trade, ticker (and subscribed)
    }
}
