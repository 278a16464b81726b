namespace KalshiArb.Node.Tests.Hosting;

public sealed class HoconNestingTests
{
    [Theory]
    [InlineData("kalshiarb { risk { max-contracts-per-market = 5 } }")]
    [InlineData("a = [1, 2, { b = 3 }]\nc { d = \"}\" }\n")]
    [InlineData("# a comment with { and [\nx { y = 1 } // and } here\n")]
    [InlineData("url = \"http://example/{x}\"\nq = \"\"\"a { multi\nline ] string\"\"\"\nz { }")]
    [InlineData("s = \"escaped \\\" quote {\"\n")]
    [InlineData("")]
    public void Closed_texts_pass(string text) => Assert.Null(HoconNesting.FindUnbalanced(text));

    [Fact]
    public void A_file_cut_short_names_the_line_of_the_brace_left_open()
    {
        const string text = "kalshiarb {\n  risk {\n    max-contracts-per-market = 5\n";
        Assert.Equal("line 2: '{' is never closed (the file ends first)", HoconNesting.FindUnbalanced(text));
    }

    [Theory]
    [InlineData("a { b = 1 }\n}\n", "line 2: '}' closes nothing")]
    [InlineData("a = [1, 2}\n", "line 1: '}' closes the '[' opened on line 1")]
    [InlineData("a = \"open\n", "line 1: a quoted string is not closed on its line")]
    [InlineData("q = \"\"\"never\nclosed", "line 1: a \"\"\" string is never closed")]
    public void Other_breaks_name_their_line(string text, string expected) => Assert.Equal(expected, HoconNesting.FindUnbalanced(text));

    [Fact]
    public void Every_shipped_hocon_file_is_closed()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "hocon");
        var files = Directory.GetFiles(dir, "*.conf");
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Null(HoconNesting.FindUnbalanced(File.ReadAllText(f))));
    }
}
