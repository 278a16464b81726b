using System.Diagnostics.CodeAnalysis;
using KalshiArb.Kalshi.Errors;

namespace KalshiArb.Kalshi;

/// <summary>Either a value or a <see cref="KalshiError"/>: expected failures are values, not exceptions.</summary>
public readonly record struct KalshiResult<T>
{
    private readonly T? _value;

    private KalshiResult(T? value, KalshiError? error)
    {
        _value = value;
        Error = error;
    }

    public KalshiError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value => Error is null ? _value! : throw new InvalidOperationException($"no value: {Error}");

    public static KalshiResult<T> Ok(T value) => new(value, null);
    public static KalshiResult<T> Fail(KalshiError error) => new(default, error);

    public static implicit operator KalshiResult<T>(KalshiError error) => Fail(error);
    public static implicit operator KalshiResult<T>(T value) => Ok(value);

    public KalshiResult<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? KalshiResult<TOut>.Ok(map(_value!)) : KalshiResult<TOut>.Fail(Error);

    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value!;
        return IsSuccess;
    }

    public override string ToString() => IsSuccess ? $"Ok({_value})" : $"Fail({Error})";
}
