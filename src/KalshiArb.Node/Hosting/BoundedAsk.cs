using Akka.Actor;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// The one way status and dashboard queries ask a component: with its own deadline, a silent component answering
/// null instead of holding the rest of the answer back.
/// </summary>
public static class BoundedAsk
{
    public static async Task<T?> AnswerOrNullAsync<T>(ICanTell actor, object question, TimeSpan timeout, CancellationToken ct) where T : class
    {
        try
        {
            return await actor.Ask<T>(question, timeout, ct);
        }
        // a selection whose actor is not there (a member still starting) is as silent as one that does not answer
        catch (Exception ex) when (ex is AskTimeoutException or ActorNotFoundException)
        {
            return null;
        }
    }
}
