using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace KalshiArb.Node.Cli;

/// <summary>
/// Durations the way operators write them: 90s, 10m, 1h30m, 500ms, 2d, or the clock form 00:01:30.
/// </summary>
public static partial class OperatorDuration
{
    public const string Examples = "90s, 10m, 1h30m, 500ms or 00:01:30";

    /// <summary>A command-line option's custom parser: the duration, or an error naming the option.</summary>
    public static TimeSpan? FromArgument(ArgumentResult result, string option)
    {
        var value = Parse(result.Tokens.Count > 0 ? result.Tokens[0].Value : null, out var error);
        if (error is not null) result.AddError($"{option} {error}");
        return value;
    }

    /// <summary>The duration, or null with the reason in <paramref name="error"/>.</summary>
    public static TimeSpan? Parse(string? text, out string? error)
    {
        error = null;
        var t = text?.Trim() ?? "";
        if (t.Length == 0)
        {
            error = $"no duration given (write it like {Examples})";
            return null;
        }
        TimeSpan value;
        if (t.Contains(':'))
        {
            if (!TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out value))
            {
                error = $"'{t}' is not a duration (write it like {Examples})";
                return null;
            }
        }
        else if (!TryParseUnits(t, out value))
        {
            error = $"'{t}' is not a duration (write it like {Examples})";
            return null;
        }
        if (value <= TimeSpan.Zero)
        {
            error = $"'{t}' must be longer than zero";
            return null;
        }
        return value;
    }

    private static bool TryParseUnits(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var parts = UnitPart().Matches(text);
        // Every character must belong to a number-unit pair: "10x" or "1h 30" are refused, not half read.
        if (parts.Count == 0 || parts.Sum(p => p.Length) != text.Length) return false;
        var ticks = 0L;
        foreach (Match p in parts)
        {
            if (!long.TryParse(p.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return false;
            var unit = p.Groups["u"].Value switch
            {
                "d" => TimeSpan.TicksPerDay,
                "h" => TimeSpan.TicksPerHour,
                "m" => TimeSpan.TicksPerMinute,
                "s" => TimeSpan.TicksPerSecond,
                _ => TimeSpan.TicksPerMillisecond,
            };
            try
            {
                ticks = checked(ticks + checked(n * unit));
            }
            catch (OverflowException)
            {
                return false;
            }
        }
        value = TimeSpan.FromTicks(ticks);
        return true;
    }

    [GeneratedRegex(@"(?<n>\d{1,12})(?<u>ms|d|h|m|s)", RegexOptions.CultureInvariant)]
    private static partial Regex UnitPart();
}
