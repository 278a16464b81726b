namespace KalshiArb.Recording.Synthetic;

/// <summary>
/// One generated market's book: nine YES bid levels up to the centre and nine NO bid levels up to 99 − centre (so YES
/// ask = centre + 1 cent, never crossed). Sizes are in hundredths of a contract and never fall below 1.00.
/// </summary>
internal sealed class SyntheticMarket(string ticker, int centreCents, Random random)
{
    public const int Levels = 9;

    public string Ticker => ticker;
    public int CentreCents => centreCents;
    public long[] YesSizes { get; } = Enumerable.Range(0, Levels).Select(_ => (long)(50 + random.Next(450)) * 100).ToArray();
    public long[] NoSizes { get; } = Enumerable.Range(0, Levels).Select(_ => (long)(50 + random.Next(450)) * 100).ToArray();
    public long VolumeHundredths { get; set; }
    public int LastTradeCents { get; set; } = -1;

    /// <summary>The last trade's YES price in cents (the centre before any trade).</summary>
    public int LastPriceCents => LastTradeCents < 0 ? centreCents : LastTradeCents;

    /// <summary>Price in cents of YES level i (0 = deepest).</summary>
    public int YesLevelCents(int i) => centreCents - (Levels - 1) + i;

    public int NoLevelCents(int i) => 99 - centreCents - (Levels - 1) + i;
}
