using System.Text;
using System.Text.Json.Nodes;
using static KalshiArb.Actors.Tests.Market.MarketFixtures;

namespace KalshiArb.Actors.Tests.Market;

/// <summary>
/// fractional_trading_enabled travels with a market's metadata across nodes; a payload written before the field existed
/// (same manifest) still reads, as whole contracts only.
/// </summary>
public sealed class MarketMetadataVersionSpec() : TestKit(SerializationConfig.Create(), "market-metadata-version")
{
    private KalshiArbSerializer Serializer(object message) => (KalshiArbSerializer)Sys.Serialization.FindSerializerFor(message);

    [Fact]
    public void Fractional_flag_round_trips_alone_and_inside_a_discovery()
    {
        var m = Metadata() with { FractionalTradingEnabled = true };
        var s = Serializer(m);
        Assert.True(((MarketMetadata)s.FromBinary(s.ToBinary(m), "market-metadata.v1")).FractionalTradingEnabled);

        var discovered = new MarketsDiscovered([m, Metadata("KXNBAGAME-26FEB07HOUOKC-HOU")]);
        var back = (MarketsDiscovered)s.FromBinary(s.ToBinary(discovered), "markets-discovered.v1");
        Assert.Equal([true, false], back.Markets.Select(x => x.FractionalTradingEnabled));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Payload_without_the_field_reads_as_whole_contracts(bool fractionalWhenWritten)
    {
        var m = Metadata() with { FractionalTradingEnabled = fractionalWhenWritten };
        var s = Serializer(m);
        var json = JsonNode.Parse(s.ToBinary(m))!.AsObject();
        var name = json.Select(p => p.Key).Single(k => k.Contains("fractional", StringComparison.OrdinalIgnoreCase));
        json.Remove(name);

        var old = (MarketMetadata)s.FromBinary(Encoding.UTF8.GetBytes(json.ToJsonString()), "market-metadata.v1");
        Assert.False(old.FractionalTradingEnabled);
        Assert.Equal(m with { FractionalTradingEnabled = false, PriceRanges = old.PriceRanges }, old);
        Assert.Equal(m.PriceRanges, old.PriceRanges);
    }
}
