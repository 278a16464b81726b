namespace KalshiArb.Node.Tests.Hosting.Startup;

public sealed class OperatorDurationSpec
{
    [Theory]
    [InlineData("90s", 90_000)]
    [InlineData("10m", 600_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("500ms", 500)]
    [InlineData("1m500ms", 60_500)]
    [InlineData("2d", 172_800_000)]
    [InlineData("00:01:30", 90_000)]
    [InlineData(" 45s ", 45_000)]
    public void Reads_what_operators_write(string text, long millis)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(millis), OperatorDuration.Parse(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("60")]
    [InlineData("10x")]
    [InlineData("1h 30m")]
    [InlineData("-5s")]
    [InlineData("0s")]
    [InlineData("00:00:00")]
    [InlineData("")]
    [InlineData("99999999999999d")]
    public void Refuses_the_rest_with_examples(string text)
    {
        Assert.Null(OperatorDuration.Parse(text, out var error));
        Assert.NotNull(error);
    }

    [FsCheck.Xunit.Property]
    public bool Every_whole_second_count_reads_back(FsCheck.PositiveInt seconds) =>
        OperatorDuration.Parse($"{seconds.Get}s", out _) == TimeSpan.FromSeconds(seconds.Get);
}
