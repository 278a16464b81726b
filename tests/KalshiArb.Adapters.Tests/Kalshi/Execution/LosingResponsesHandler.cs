namespace KalshiArb.Adapters.Tests.Kalshi.Execution;

/// <summary>Lets create requests reach the exchange, then loses their replies: the "did my order get in?" case.</summary>
public sealed class LosingResponsesHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public volatile bool LoseCreateResponses;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (LoseCreateResponses && request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/portfolio/events/orders", StringComparison.Ordinal))
        {
            response.Dispose();
            throw new HttpRequestException("connection reset after the request was sent (test)");
        }
        return response;
    }
}
