using KalshiArb.Kalshi.Wire;

namespace KalshiArb.Kalshi.Tests.Wire;

/// <summary>fractional_trading_enabled and price_level_structure on a market (Kalshi's fixed-point migration fields).</summary>
public sealed class MarketTradingRulesTests
{
    private static KalshiMarket Convert(string json)
    {
        var dto = JsonSerializer.Deserialize($$"""{"markets":[{{json}}],"cursor":""}""", KalshiJsonContext.Default.MarketsPageDto)!.Markets![0];
        var m = WireMapper.ToMarket(dto);
        Assert.True(m.IsSuccess, m.ToString());
        return m.Value;
    }

    private static string With(string fields) => WireMapperTests.MarketJson.TrimEnd().TrimEnd('}') + "," + fields + "}";

    [Fact]
    public void Both_fields_are_read()
    {
        var m = Convert(With("\"fractional_trading_enabled\":true,\"price_level_structure\":\"linear_cent\""));
        Assert.True(m.FractionalTradingEnabled);
        Assert.Equal(PriceLevelStructure.LinearCent, m.PriceLevelStructure);

        var whole = Convert(With("\"fractional_trading_enabled\":false,\"price_level_structure\":\"deci_cent\""));
        Assert.False(whole.FractionalTradingEnabled);
        Assert.Equal(PriceLevelStructure.DeciCent, whole.PriceLevelStructure);
        Assert.False(whole.PriceGrid.Contains(new Price(5_010)), "price_ranges, when sent, decide the grid");
    }

    [Fact]
    public void Absent_fields_mean_whole_contracts_and_unknown_structure()
    {
        var m = Convert(WireMapperTests.MarketJson);
        Assert.False(m.FractionalTradingEnabled);
        Assert.Equal(PriceLevelStructure.Unknown, m.PriceLevelStructure);
        Assert.Equal(PriceLevelStructure.Unknown, Convert(With("\"price_level_structure\":\"quarter_cent\"")).PriceLevelStructure);
    }

    [Theory]
    [InlineData("linear_cent", 5_000, true)]
    [InlineData("linear_cent", 5_010, false)]
    [InlineData("deci_cent", 5_010, true)]
    [InlineData("tapered_deci_cent", 50, true)]
    [InlineData("tapered_deci_cent", 9_950, true)]
    [InlineData("tapered_deci_cent", 5_010, false)]
    [InlineData("tapered_deci_cent", 5_100, true)]
    public void Without_price_ranges_the_structure_gives_the_grid(string structure, int ticks, bool valid)
    {
        var json = WireMapperTests.MarketJson.Replace(",\n \"price_ranges\":[{\"start\":\"0.0100\",\"end\":\"0.9900\",\"step\":\"0.0100\"}]", "")
            .Replace("\"price_ranges\":[{\"start\":\"0.0100\",\"end\":\"0.9900\",\"step\":\"0.0100\"}]", "\"price_ranges\":[]");
        var m = Convert(json.TrimEnd().TrimEnd('}') + $",\"price_level_structure\":\"{structure}\"}}");
        Assert.Equal(valid, m.PriceGrid.Contains(new Price(ticks)));
    }
}
