using KalshiArb.Kalshi.Tests.Wire;
using KalshiArb.Kalshi.Wire;

namespace KalshiArb.Kalshi.Tests.Model;

/// <summary>A REST market (GET /markets/{ticker}) read for its settlement the way a lifecycle event is read.</summary>
public sealed class MarketSettlementReadingTests
{
    private static KalshiMarket Market(string status, string result, string? settlementValue = null)
    {
        var json = WireMapperTests.MarketJson.Replace("\"status\":\"active\",\"result\":\"\"",
            $"\"status\":\"{status}\",\"result\":\"{result}\"" + (settlementValue is null ? "" : $",\"settlement_value_dollars\":\"{settlementValue}\""),
            StringComparison.Ordinal);
        var dto = JsonSerializer.Deserialize($$"""{"market":{{json}}}""", KalshiJsonContext.Default.MarketEnvelopeDto)!.Market!;
        var market = WireMapper.ToMarket(dto);
        Assert.True(market.IsSuccess, market.ToString());
        return market.Value;
    }

    [Theory]
    [InlineData("determined", "yes", 10_000)]
    [InlineData("finalized", "no", 0)]
    [InlineData("settled", "YES", 10_000)]
    [InlineData("amended", "no", 0)]
    public void A_determined_or_later_market_with_a_yes_no_result_is_settled_at_one_or_zero(string status, string result, int ticks)
    {
        var reading = MarketSettlementReading.Of(Market(status, result));
        Assert.Equal(new MarketSettlementReading(MarketSettlementState.Settled, new Price(ticks)), reading);
    }

    [Fact]
    public void The_settlement_value_wins_over_the_result_a_cancelled_game_settles_at_a_scalar()
    {
        var market = Market("finalized", "scalar", "0.3700");
        Assert.Equal(Price.Parse("0.3700"), market.SettlementValue);
        Assert.Equal(new MarketSettlementReading(MarketSettlementState.Settled, Price.Parse("0.3700")), MarketSettlementReading.Of(market));
    }

    [Fact]
    public void A_scalar_without_its_value_is_settled_but_its_value_unknown() =>
        Assert.Equal(new MarketSettlementReading(MarketSettlementState.ValueUnknown, null), MarketSettlementReading.Of(Market("determined", "scalar")));

    [Theory]
    [InlineData("active", "")]
    [InlineData("closed", "")]
    [InlineData("disputed", "yes")]
    [InlineData("inactive", "")]
    [InlineData("some_new_status", "yes")]
    public void A_market_not_yet_determined_is_open(string status, string result) =>
        Assert.Equal(new MarketSettlementReading(MarketSettlementState.Open, null), MarketSettlementReading.Of(Market(status, result)));

    [Fact]
    public void A_bad_settlement_value_refuses_the_market_with_its_field()
    {
        var json = WireMapperTests.MarketJson.Replace("\"result\":\"\"", "\"result\":\"yes\",\"settlement_value_dollars\":\"abc\"", StringComparison.Ordinal);
        var dto = JsonSerializer.Deserialize($$"""{"market":{{json}}}""", KalshiJsonContext.Default.MarketEnvelopeDto)!.Market!;
        var market = WireMapper.ToMarket(dto);
        Assert.False(market.IsSuccess);
        Assert.Contains("settlement_value_dollars", market.Error.ToString(), StringComparison.Ordinal);
    }
}
