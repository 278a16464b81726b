namespace KalshiArb.Domain.Detection;

/// <summary>
/// A decision's explanation, formatted on first read. A market evaluates on every change and nearly every outcome's text
/// (a skip's detail, a repeated signal's reason) is never read; formatting each was a large part of detection's cost and
/// garbage. Equal when the texts are equal, so the decisions holding one keep their value equality.
/// </summary>
public sealed class DeferredText : IEquatable<DeferredText>
{
    private readonly Func<string>? _format;
    private string? _text;

    public DeferredText(string text) => _text = text;

    /// <param name="format">Called on the first read (at most once per reader that sees no text yet: it must be pure).</param>
    public DeferredText(Func<string> format) => _format = format;

    public string Value => _text ??= _format?.Invoke() ?? "";

    public bool Equals(DeferredText? other) => other is not null && Value == other.Value;

    public override bool Equals(object? obj) => Equals(obj as DeferredText);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Value;
}
