using System.Text;
using FsCheck.Xunit;

namespace KalshiArb.Recording.Tests;

public sealed class Crc32Spec
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xE8B7BE43u)]
    [InlineData("123456789", 0xCBF43926u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
    public void Matches_the_IEEE_check_values(string text, uint expected) =>
        Assert.Equal(expected, Crc32.Compute(Encoding.ASCII.GetBytes(text)));

    /// <summary>The slicing-by-8 path equals the plain bytewise definition for any length.</summary>
    [Property(MaxTest = 200)]
    public bool Equals_the_bitwise_definition(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data ?? [])
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return Crc32.Compute(data ?? []) == ~crc;
    }
}
