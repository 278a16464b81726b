namespace KalshiArb.Domain.Tests.Risk;

public class GameKeyTests
{
    [Theory]
    [InlineData("KXNBAGAME-26NOV24LALBOS-LAL", "KXNBAGAME-26NOV24LALBOS")]
    [InlineData("KXNBAGAME-26NOV24LALBOS-BOS", "KXNBAGAME-26NOV24LALBOS")]
    [InlineData("KXNFLGAME-26SEP201300PHITEN-PHI", "KXNFLGAME-26SEP201300PHITEN")]
    [InlineData("KXNBAGAME-26NOV24LALBOS", "KXNBAGAME")]
    [InlineData("SOLO", "SOLO")]
    [InlineData("-X", "-X")]
    [InlineData("", "")]
    public void Game_is_the_ticker_without_its_last_segment(string ticker, string game)
    {
        Assert.Equal(game, GameKey.Of(ticker));
        Assert.True(GameKey.IsIn(ticker, game));
    }

    [Fact]
    public void Both_teams_share_a_game_and_other_games_do_not()
    {
        Assert.True(GameKey.IsIn("KXNBAGAME-26NOV24LALBOS-BOS", GameKey.Of("KXNBAGAME-26NOV24LALBOS-LAL")));
        Assert.False(GameKey.IsIn("KXNBAGAME-26NOV24NYKMIA-NYK", GameKey.Of("KXNBAGAME-26NOV24LALBOS-LAL")));
        Assert.False(GameKey.IsIn("KXNBAGAME-26NOV24LALBOS-LAL", "KXNBAGAME-26NOV24LALBO"));
        Assert.False(GameKey.IsIn("A", "B"));
    }

    [Fact]
    public void Null_ticker_is_a_programming_error()
    {
        Assert.Throws<ArgumentNullException>(() => GameKey.Of(null!));
    }

    private static readonly Arbitrary<string> Tickers =
        Arb.From(Gen.ArrayOf(Gen.Elements('A', 'B', '-')).Select(cs => new string(cs)));

    [Property(MaxTest = 300)]
    public Property IsIn_agrees_with_Of() =>
        Prop.ForAll(Tickers, Tickers, (ticker, game) =>
        {
            Assert.Equal(GameKey.Of(ticker) == game, GameKey.IsIn(ticker, game));
            Assert.True(GameKey.Of(ticker).Length <= ticker.Length);
            Assert.StartsWith(GameKey.Of(ticker), ticker, StringComparison.Ordinal);
        });
}
