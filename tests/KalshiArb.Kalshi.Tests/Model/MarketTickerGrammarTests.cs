using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace KalshiArb.Kalshi.Tests.Model;

public sealed class MarketTickerGrammarTests
{
    [Theory]
    [InlineData("KXNBAGAME-26FEB07HOUOKC-OKC")]
    [InlineData("KXNFLGAME-26SEP20PHITEN-PHI")]
    [InlineData("KXNFLGAME-26SEP201300PHITEN-TEN")]
    [InlineData("KXNCAAMBGAME-26MAR14DUKEUNC-DUKE")]
    [InlineData("KXNFLSPREAD-26SEP27DALNYG-DAL3")]
    [InlineData("KXHIGHNY-26SEP20-T70")]
    [InlineData("KXBTCD-25MAR1417-T83999.99")]
    [InlineData("KXNFLGAME-A-B")]
    public void Real_market_tickers_pass(string ticker)
    {
        Assert.Equal(TickerFault.None, MarketTickerGrammar.Check(ticker.AsSpan()));
        Assert.Equal(TickerFault.None, MarketTickerGrammar.Check(Encoding.UTF8.GetBytes(ticker)));
        Assert.True(MarketTickerGrammar.IsValid(ticker));
    }

    [Theory]
    [InlineData("", TickerFault.Empty)]
    [InlineData("KXNBAGAME", TickerFault.WrongShape)]
    [InlineData("KXNBAGAME-26FEB07HOUOKC", TickerFault.WrongShape)]
    [InlineData("KXNBAGAME--OKC", TickerFault.WrongShape)]
    [InlineData("KXNBAGAME-26FEB07HOUOKC-", TickerFault.WrongShape)]
    [InlineData("-26FEB07HOUOKC-OKC", TickerFault.WrongShape)]
    [InlineData("9XNBAGAME-26FEB07HOUOKC-OKC", TickerFault.WrongShape)]
    [InlineData("KX.NBA-26FEB07HOUOKC-OKC", TickerFault.WrongShape)]
    [InlineData("KXBTCD-25MAR1417-.5", TickerFault.WrongShape)]
    [InlineData("KXBTCD-25MAR1417-T5.", TickerFault.WrongShape)]
    [InlineData("A-B-C-D-E-F-G", TickerFault.WrongShape)]
    [InlineData("KXNBAGAME-26FEB07HOUOKC-okc", TickerFault.BadCharacter)]
    [InlineData("KXNBAGAME-26FEB07HOUOKC-OK C", TickerFault.BadCharacter)]
    [InlineData("KXNBAGAME-26FEB07HOUOKC-OK\u00ff", TickerFault.BadCharacter)]
    [InlineData("KXNBAGAME-26FEB07HOUOKC-OK\u0000", TickerFault.BadCharacter)]
    [InlineData("KXNBAGAME-26FEB07HOUOKC-OK\"", TickerFault.BadCharacter)]
    public void Malformed_tickers_are_named(string ticker, TickerFault fault) =>
        Assert.Equal(fault, MarketTickerGrammar.Check(ticker.AsSpan()));

    [Fact]
    public void The_phantom_ticker_from_the_issue_is_invalid_utf8()
    {
        var bytes = Encoding.ASCII.GetBytes("KXNBAGAME-26FEB07HOUOKC-OK#");
        bytes[^1] = 0xFF;
        Assert.Equal(TickerFault.InvalidUtf8, MarketTickerGrammar.Check(bytes));
        // valid UTF-8 but not ASCII
        Assert.Equal(TickerFault.BadCharacter, MarketTickerGrammar.Check(Encoding.UTF8.GetBytes("KXNBAGAME-26FEB07HOUOKC-OKÇ")));
        Assert.Equal(TickerFault.TooLong, MarketTickerGrammar.Check(Encoding.UTF8.GetBytes("KXNBAGAME-26FEB07HOUOKC-" + new string('A', 200))));
    }

    [Fact]
    public void Printable_escapes_what_a_log_line_should_not_carry()
    {
        Assert.Equal("KX-A-B\\u00FF\\u000A", MarketTickerGrammar.Printable("KX-A-B\u00ff\n"));
        Assert.Equal("(none)", MarketTickerGrammar.Printable(null));
        Assert.EndsWith("…", MarketTickerGrammar.Printable(new string('A', 1_000)));
    }

    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Alnum = Letters + "0123456789";

    private static Gen<string> Run(string alphabet, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.Elements(alphabet.ToCharArray()).ArrayOf(n)).Select(c => new string(c));

    /// <summary>SERIES (a letter, then letters or digits), then 2–5 parts of letters and digits, some with an inner '.'.</summary>
    private static readonly Gen<string> WellFormed =
        from head in Gen.Elements(Letters.ToCharArray())
        from series in Run(Alnum, 0, 12)
        from parts in (from a in Run(Alnum, 1, 10)
                       from dot in Gen.Elements(true, false, false)
                       from b in Run(Alnum, 1, 4)
                       select dot ? a + "." + b : a).ListOf().Select(l => l.Take(5).ToList()).Where(l => l.Count >= 2)
        select head + series + "-" + string.Join("-", parts);

    [Property(MaxTest = 500)]
    public Property Every_well_formed_ticker_passes_as_text_and_as_bytes() =>
        Prop.ForAll(WellFormed.ToArbitrary(), t =>
            MarketTickerGrammar.Check(t.AsSpan()) == TickerFault.None && MarketTickerGrammar.Check(Encoding.UTF8.GetBytes(t)) == TickerFault.None);

    [Property(MaxTest = 500)]
    public Property A_character_outside_the_alphabet_anywhere_is_refused() =>
        Prop.ForAll(WellFormed.ToArbitrary(), Gen.Choose(0, 1_000).ToArbitrary(), ArbMap.Default.ArbFor<char>(), (t, at, c) =>
        {
            if (char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '.' or '-') return true.Label("in the alphabet");
            var bad = t.Insert(at % (t.Length + 1), c.ToString());
            return (MarketTickerGrammar.Check(bad.AsSpan()) != TickerFault.None).Label(bad);
        });

    [Property(MaxTest = 1_000)]
    public Property Any_bytes_get_an_answer_and_only_valid_ascii_tickers_pass(byte[] bytes)
    {
        var fault = MarketTickerGrammar.Check(bytes);
        if (fault != TickerFault.None) return true.Label(fault.ToString());
        // passing bytes are printable ASCII whose text passes too
        return (bytes.All(b => b is >= (byte)'-' and <= (byte)'Z') && MarketTickerGrammar.Check(Encoding.ASCII.GetString(bytes).AsSpan()) == TickerFault.None)
            .Label("consistent");
    }

    [Property(MaxTest = 500)]
    public Property A_high_byte_anywhere_makes_the_bytes_fail() =>
        Prop.ForAll(WellFormed.ToArbitrary(), Gen.Choose(0, 1_000).ToArbitrary(), Gen.Choose(0x80, 0xFF).ToArbitrary(), (t, at, b) =>
        {
            var bytes = Encoding.ASCII.GetBytes(t);
            bytes[at % bytes.Length] = (byte)b;
            var fault = MarketTickerGrammar.Check(bytes);
            return (fault is TickerFault.InvalidUtf8 or TickerFault.BadCharacter).Label(fault.ToString());
        });
}
