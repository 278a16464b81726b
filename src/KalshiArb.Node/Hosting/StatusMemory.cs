namespace KalshiArb.Node.Hosting;

/// <summary>
/// The last answer of each status component and when it came, so a status taken while a component is silent (a
/// singleton moving to another node, a gate restarting) still shows that component's last known state, marked as such.
/// Shared by the periodic status line and the admin endpoint of one node; thread-safe.
/// </summary>
public sealed class StatusMemory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (object Answer, DateTimeOffset At)> _last = new(StringComparer.Ordinal);

    /// <summary>
    /// The answer, remembered; or, when there was none, the last remembered answer (null if never) with the silence
    /// added to <paramref name="silent"/>.
    /// </summary>
    public T? Resolve<T>(string component, T? answer, DateTimeOffset now, ICollection<ComponentSilence> silent) where T : class
    {
        lock (_gate)
        {
            if (answer is not null)
            {
                _last[component] = (answer, now);
                return answer;
            }
            if (_last.TryGetValue(component, out var last) && last.Answer is T known)
            {
                silent.Add(new ComponentSilence(component, last.At));
                return known;
            }
        }
        silent.Add(new ComponentSilence(component, null));
        return null;
    }
}

/// <summary>A status component that did not answer in time; <see cref="LastAnsweredAt"/> null: not since this node started.</summary>
public sealed record ComponentSilence(string Component, DateTimeOffset? LastAnsweredAt)
{
    public string Describe(DateTimeOffset now) => LastAnsweredAt is { } at
        ? $"{Component} NOT ANSWERING (last answer {at:HH:mm:ss}, {(int)(now - at).TotalSeconds} s ago; figures shown are from then)"
        : $"{Component} NOT ANSWERING (no answer since this node started)";
}
