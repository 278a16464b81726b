using KalshiArb.Domain.Fees;
using KalshiArb.Node.Audit;

namespace KalshiArb.Node.Tests.Audit;

public sealed class FeeRuleSpec
{
    [Theory]
    [InlineData("KXNFLGAME-26SEP20PHITEN-PHI")]
    [InlineData("KXNBAGAME-26NOV23BOSLAL-BOS")]
    public void Game_series_are_checked_against_the_sports_game_rule(string ticker)
    {
        var rule = FeeRule.ForTicker(ticker);
        Assert.Equal(FeeSchedule.SportsGame, rule.Schedule);
        Assert.Contains("game series", rule.Source);
    }

    [Theory]
    [InlineData("KXNFLSPREAD-26SEP20PHITEN-PHI3")] // same league, not the game series
    [InlineData("KXHIGHNY-26SEP20-T70")]
    [InlineData(null)]
    public void Anything_else_is_assumed_standard_taker_and_says_so(string? ticker)
    {
        var rule = FeeRule.ForTicker(ticker);
        Assert.Equal(FeeSchedule.StandardTaker, rule.Schedule);
        Assert.Contains("assumed standard taker rule", rule.Source);
    }
}
