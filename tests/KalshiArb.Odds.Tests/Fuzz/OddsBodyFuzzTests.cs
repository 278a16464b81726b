using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiArb.Odds.Tests.Api;
using KalshiArb.Tests.Shared;

namespace KalshiArb.Odds.Tests.Fuzz;

/// <summary>Hostile /odds bodies: the parser and the client answer with events or a coded refusal, never an exception.</summary>
public sealed class OddsBodyFuzzTests
{
    private static readonly string[] Fields =
    [
        "id", "sport_key", "sport_title", "commence_time", "home_team", "away_team", "bookmakers", "key", "title", "last_update",
        "markets", "outcomes", "name", "price", "message", "error_code", "h2h",
    ];

    private static readonly Gen<byte[]> Hostile = HostileJson.From(OddsSamples.TwoEventsDecimal, Fields);

    [Property(MaxTest = 2_000)]
    public Property The_parser_keeps_what_is_sound_and_names_the_rest() =>
        Prop.ForAll(Hostile.ToArbitrary(), Gen.Elements(OddsFormat.Decimal, OddsFormat.American).ToArbitrary(), (body, format) =>
        {
            var r = OddsApiParser.Parse(body, format);
            if (!r.IsOk) return Enum.IsDefined(r.BodyRejection!.Value).Label("body refusal has a reason");
            // every kept outcome carries a price the format accepts
            return r.Events.SelectMany(e => e.Bookmakers).SelectMany(b => b.Markets).SelectMany(m => m.Outcomes)
                .All(o => ImpliedProbability.TryFrom(o.Price, format, out _) == OddsRejection.None).Label("kept prices are sound");
        });

    private sealed class CannedHandler(int status, byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            Task.FromResult(new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent(body) });
    }

    private static readonly Gen<(int Status, byte[] Body)> HostileAnswers =
        from status in Gen.Elements(200, 200, 200, 401, 422, 429)
        from body in Gen.OneOf(Hostile, HostileJson.From("""{"message":"Usage quota has been reached","error_code":"OUT_OF_USAGE_CREDITS"}""", Fields))
        select (status, body);

    [Property(MaxTest = 500)]
    public Property The_client_answers_every_hostile_body_with_a_result() =>
        Prop.ForAll(HostileAnswers.ToArbitrary(), async answer =>
        {
            var client = new OddsApiClient(new HttpClient(new CannedHandler(answer.Status, answer.Body)) { Timeout = TimeSpan.FromSeconds(10) },
                new OddsApiOptions { BaseUrl = new Uri("http://odds.invalid"), ApiKey = "fuzz-key", MaxRetryAttempts = 0 },
                new CapturingLogger<OddsApiClient>());
            var r = await client.GetOddsAsync("basketball_nba").WaitAsync(TimeSpan.FromSeconds(20));
            return r.IsOk ? answer.Status == 200 : Enum.IsDefined(r.Error!.Kind) && !r.Error.Reason.Contains("fuzz-key");
        });

    // ---- what the fuzzing found, pinned ----

    [Fact]
    public void A_body_that_is_not_utf8_is_refused_whole_instead_of_throwing()
    {
        var body = System.Text.Encoding.UTF8.GetBytes(OddsSamples.TwoEventsDecimal.Replace("Tennessee Titans", "Tennessee Titan#"));
        body[Array.IndexOf(body, (byte)'#')] = 0xFF;
        var r = OddsApiParser.Parse(body, OddsFormat.Decimal);
        Assert.Equal(MalformedReason.NotUtf8, r.BodyRejection);
    }

    [Fact]
    public void An_escaped_lone_surrogate_skips_its_element_instead_of_throwing()
    {
        var r = OddsApiParser.Parse(OddsSamples.TwoEventsDecimal.Replace("\"home_team\":\"Tennessee Titans\"", "\"home_team\":\"\\ud800\""), OddsFormat.Decimal);
        Assert.True(r.IsOk);
        Assert.Equal(["ev2"], r.Events.Select(e => e.Id));
        Assert.Equal(1, r.Skipped[MalformedReason.EventMissingField]);
    }
}
