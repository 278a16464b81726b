namespace KalshiArb.Node.Hosting;

/// <summary>
/// Checks that a HOCON text closes every object and array it opens. Akka's parser accepts a file cut short (a missing
/// closing brace at the end) without a word, and every setting after the cut silently keeps its default: for a trading
/// system's risk limits that is the worst kind of mistake. Quoted strings (also triple-quoted) and comments (# and //)
/// are skipped, as HOCON reads them.
/// </summary>
public static class HoconNesting
{
    /// <summary>null when every '{' and '[' is closed in order; otherwise what is wrong and on which line.</summary>
    public static string? FindUnbalanced(string text)
    {
        var open = new Stack<(char Bracket, int Line)>();
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n':
                    line++;
                    break;
                case '#':
                    i = EndOfLine(text, i);
                    break;
                case '/' when i + 1 < text.Length && text[i + 1] == '/':
                    i = EndOfLine(text, i);
                    break;
                case '"' when string.CompareOrdinal(text, i, "\"\"\"", 0, 3) == 0:
                {
                    var end = text.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
                    if (end < 0) return $"line {line}: a \"\"\" string is never closed";
                    line += Count(text, i, end, '\n');
                    i = end + 2;
                    break;
                }
                case '"':
                {
                    var start = line;
                    for (i++; i < text.Length && text[i] != '"'; i++)
                    {
                        if (text[i] == '\\') i++;
                        else if (text[i] == '\n') return $"line {start}: a quoted string is not closed on its line";
                    }
                    if (i >= text.Length) return $"line {start}: a quoted string is never closed";
                    break;
                }
                case '{' or '[':
                    open.Push((c, line));
                    break;
                case '}' or ']':
                {
                    var expected = c == '}' ? '{' : '[';
                    if (open.Count == 0) return $"line {line}: '{c}' closes nothing";
                    var (bracket, openedOn) = open.Pop();
                    if (bracket != expected) return $"line {line}: '{c}' closes the '{bracket}' opened on line {openedOn}";
                    break;
                }
            }
        }
        if (open.Count == 0) return null;
        var (unclosed, at) = open.Peek();
        return $"line {at}: '{unclosed}' is never closed (the file ends first)";
    }

    private static int EndOfLine(string text, int from)
    {
        var end = text.IndexOf('\n', from);
        return end < 0 ? text.Length : end - 1;
    }

    private static int Count(string text, int from, int to, char c)
    {
        var n = 0;
        for (var i = from; i < to; i++)
            if (text[i] == c) n++;
        return n;
    }
}
