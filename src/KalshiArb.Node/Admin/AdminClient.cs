using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace KalshiArb.Node.Admin;

/// <summary>The CLI side of the admin endpoint: reads admin.json, sends the bearer token, maps failures to outcomes.</summary>
public sealed class AdminClient : INodeControl, IDisposable
{
    private readonly HttpClient _http;

    private AdminClient(AdminAccess access, TimeSpan timeout)
    {
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{access.Port}/"), Timeout = timeout };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access.Token);
    }

    /// <summary>Null with a reason when no node has left an admin.json in <paramref name="dataDirectory"/>.</summary>
    public static AdminClient? Connect(string dataDirectory, TimeSpan timeout, out string problem)
    {
        var access = AdminAccess.TryRead(dataDirectory, out problem);
        return access is null ? null : new AdminClient(access, timeout);
    }

    public Task<AdminReply<AdminStatusDocument>> GetStatusAsync(CancellationToken ct) =>
        SendAsync<AdminStatusDocument>(new HttpRequestMessage(HttpMethod.Get, "admin/status"), ct);

    public Task<AdminReply<AdminDashboardDocument>> GetDashboardAsync(CancellationToken ct) =>
        SendAsync<AdminDashboardDocument>(new HttpRequestMessage(HttpMethod.Get, "admin/dashboard"), ct);

    public Task<AdminReply<AdminKillSwitchAnswer>> KillAsync(bool reduceOnly, string reason, CancellationToken ct) =>
        SendAsync<AdminKillSwitchAnswer>(Post("admin/kill", new AdminKillRequest(reduceOnly ? "reduce-only" : "halt", reason)), ct);

    public Task<AdminReply<AdminKillSwitchAnswer>> ResumeAsync(string reason, CancellationToken ct) =>
        SendAsync<AdminKillSwitchAnswer>(Post("admin/resume", new AdminResumeRequest(reason)), ct);

    private static HttpRequestMessage Post<TBody>(string path, TBody body) => new(HttpMethod.Post, path)
    {
        Content = new StringContent(JsonSerializer.Serialize(body, AdminJson.Options), Encoding.UTF8, "application/json"),
    };

    private async Task<AdminReply<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken ct) where T : class
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, ct);
            }
            catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return AdminReply<T>.Fail(AdminCallOutcome.NoNode,
                    $"no node running: nothing listens on 127.0.0.1:{_http.BaseAddress!.Port} (admin.json is stale)");
            }
            catch (HttpRequestException ex)
            {
                return AdminReply<T>.Fail(AdminCallOutcome.Failed, $"cannot reach the node: {ex.Message}");
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                return AdminReply<T>.Fail(AdminCallOutcome.Unavailable, $"the node did not answer within {_http.Timeout.TotalSeconds:F0}s");
            }
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                return response.StatusCode switch
                {
                    HttpStatusCode.OK => Parse<T>(body),
                    HttpStatusCode.Unauthorized => AdminReply<T>.Fail(AdminCallOutcome.Unauthorized,
                        "the node rejected the admin token (admin.json belongs to another run?)"),
                    HttpStatusCode.ServiceUnavailable => AdminReply<T>.Fail(AdminCallOutcome.Unavailable, ErrorText(body, "the node is not answering")),
                    HttpStatusCode.BadRequest => AdminReply<T>.Fail(AdminCallOutcome.BadRequest, ErrorText(body, "bad request")),
                    _ => AdminReply<T>.Fail(AdminCallOutcome.Failed, $"unexpected answer {(int)response.StatusCode}: {ErrorText(body, body)}"),
                };
            }
        }
    }

    private static AdminReply<T> Parse<T>(string body) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, AdminJson.Options) is { } value
                ? new AdminReply<T>(AdminCallOutcome.Ok, value, body, "")
                : AdminReply<T>.Fail(AdminCallOutcome.Failed, "the node answered an empty body");
        }
        catch (JsonException ex)
        {
            return AdminReply<T>.Fail(AdminCallOutcome.Failed, $"the node's answer is not understood: {ex.Message}");
        }
    }

    private static string ErrorText(string body, string fallback)
    {
        try
        {
            return JsonSerializer.Deserialize<AdminError>(body, AdminJson.Options)?.Error ?? fallback;
        }
        catch (JsonException)
        {
            return fallback;
        }
    }

    public void Dispose() => _http.Dispose();
}
