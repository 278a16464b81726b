using System.Buffers.Text;

namespace KalshiArb.Recording.Synthetic;

/// <summary>Appends JSON text into a byte span: literals, ASCII strings, integers and fixed-point decimals (no floats).</summary>
internal ref struct Utf8Text(Span<byte> buffer)
{
    private readonly Span<byte> _buffer = buffer;

    public int Length { get; private set; }

    public void Raw(ReadOnlySpan<byte> utf8)
    {
        utf8.CopyTo(_buffer[Length..]);
        Length += utf8.Length;
    }

    public void Ascii(string text) => Length += Encoding.ASCII.GetBytes(text, _buffer[Length..]);

    public void Int(long value)
    {
        if (!Utf8Formatter.TryFormat(value, _buffer[Length..], out var n)) throw new InvalidOperationException("frame buffer too small");
        Length += n;
    }

    /// <summary>value / 10^decimals with exactly that many decimals: Fixed(4800, 4) = "0.4800", Fixed(-500, 2) = "-5.00".</summary>
    public void Fixed(long value, int decimals)
    {
        if (value < 0)
        {
            Raw("-"u8);
            value = -value;
        }
        long scale = 1;
        for (var i = 0; i < decimals; i++) scale *= 10;
        Int(value / scale);
        Raw("."u8);
        var fraction = value % scale;
        for (var div = scale / 10; div > 0; div /= 10)
        {
            _buffer[Length++] = (byte)('0' + fraction / div);
            fraction %= div;
        }
    }

    /// <summary>An ISO-8601 UTC time with seconds, as The Odds API writes them: 2026-12-08T00:10:00Z.</summary>
    public void IsoSeconds(long utcTicks)
    {
        var t = new DateTime(utcTicks - utcTicks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        if (!t.TryFormat(_buffer[Length..], out var n, "yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))
            throw new InvalidOperationException("frame buffer too small");
        Length += n;
    }
}
