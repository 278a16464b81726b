using System.Collections.Immutable;

namespace KalshiArb.Actors;

/// <summary>Hot paths count reasons in a plain array indexed by the enum; views report only the non-zero ones.</summary>
public static class CountsByReason
{
    public static ImmutableDictionary<TReason, long> Of<TReason>(long[] counts) where TReason : struct, Enum
    {
        var result = ImmutableDictionary.CreateBuilder<TReason, long>();
        for (var i = 0; i < counts.Length; i++)
            if (counts[i] != 0) result[(TReason)(object)i] = counts[i];
        return result.ToImmutable();
    }
}
