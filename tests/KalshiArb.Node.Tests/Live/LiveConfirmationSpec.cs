using KalshiArb.Node.Live;

namespace KalshiArb.Node.Tests.Live;

public sealed class LiveConfirmationSpec
{
    private const string Target = "Kalshi account key ****7d6c at https://external-api.kalshi.com/trade-api/v2";

    private static (LiveConfirmationResult Result, string Prompt) Check(string? flag, string typed, bool interactive)
    {
        var prompt = new StringWriter();
        var result = LiveConfirmation.Check(flag, new StringReader(typed), interactive, prompt, Target);
        return (result, prompt.ToString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_exact_flag_confirms_without_asking(bool interactive)
    {
        var (result, prompt) = Check("I-UNDERSTAND-THIS-TRADES-REAL-MONEY", "", interactive);

        Assert.True(result.Confirmed);
        Assert.Equal(LiveConfirmationMethod.Flag, result.Method);
        Assert.Equal(LiveConfirmationRefusal.None, result.Refusal);
        Assert.Equal("", prompt);
    }

    [Theory]
    [InlineData("i-understand-this-trades-real-money")]
    [InlineData("I-UNDERSTAND-THIS-TRADES-REAL-MONEY ")]
    [InlineData("yes")]
    [InlineData("")]
    public void A_wrong_flag_refuses_even_when_someone_would_type_LIVE(string flag)
    {
        var (result, prompt) = Check(flag, "LIVE\n", interactive: true);

        Assert.False(result.Confirmed);
        Assert.Equal(LiveConfirmationRefusal.WrongFlag, result.Refusal);
        Assert.Equal("", prompt);
    }

    [Theory]
    [InlineData("LIVE\n")]
    [InlineData("  LIVE  \n")]
    public void Typing_LIVE_at_the_prompt_confirms_and_the_prompt_names_the_target(string typed)
    {
        var (result, prompt) = Check(null, typed, interactive: true);

        Assert.True(result.Confirmed, result.ToString());
        Assert.Equal(LiveConfirmationMethod.Prompt, result.Method);
        Assert.Contains(Target, prompt);
        Assert.Contains("REAL MONEY", prompt);
    }

    [Theory]
    [InlineData("live\n")]
    [InlineData("yes\n")]
    [InlineData("\n")]
    [InlineData("LIVE NOW\n")]
    public void Typing_anything_else_refuses(string typed)
    {
        var (result, _) = Check(null, typed, interactive: true);

        Assert.False(result.Confirmed);
        Assert.Equal(LiveConfirmationRefusal.Declined, result.Refusal);
    }

    [Fact]
    public void Input_ending_before_an_answer_refuses()
    {
        var (result, prompt) = Check(null, "", interactive: true);

        Assert.False(result.Confirmed);
        Assert.Equal(LiveConfirmationRefusal.NoAnswer, result.Refusal);
        Assert.Contains(Target, prompt);
    }

    [Fact]
    public void Without_a_flag_and_without_a_terminal_it_refuses_and_reads_nothing()
    {
        var stdin = new StringReader("LIVE\n");
        var prompt = new StringWriter();

        var result = LiveConfirmation.Check(null, stdin, stdinIsInteractive: false, prompt, Target);

        Assert.False(result.Confirmed);
        Assert.Equal(LiveConfirmationRefusal.NotInteractive, result.Refusal);
        Assert.Equal("", prompt.ToString());
        Assert.Equal("LIVE", stdin.ReadLine());
    }
}
