namespace KalshiArb.Kalshi.Tests.Wire;

public sealed class KalshiErrorParserTests
{
    [Theory]
    [InlineData(401, """{"error":{"code":"authentication_error","message":"bad sig","details":"INCORRECT_API_KEY_SIGNATURE"}}""", KalshiErrorKind.Auth, "authentication_error")]
    [InlineData(401, """{"error":{"code":"header_timestamp_expired","message":"old"}}""", KalshiErrorKind.Auth, "header_timestamp_expired")]
    [InlineData(401, """{"error":{"code":"signature_is_missing_from_headers","message":"x"}}""", KalshiErrorKind.Auth, "signature_is_missing_from_headers")]
    [InlineData(400, """{"code":"insufficient_balance","message":"not enough","details":""}""", KalshiErrorKind.InsufficientBalance, "insufficient_balance")]
    [InlineData(400, """{"error":{"code":"invalid_order","message":"post only cross"}}""", KalshiErrorKind.InvalidOrder, "invalid_order")]
    [InlineData(400, """{"error":{"code":"invalid_price","message":"price off grid"}}""", KalshiErrorKind.InvalidPrice, "invalid_price")]
    [InlineData(409, """{"error":{"code":"order_already_exists","message":"dup"}}""", KalshiErrorKind.OrderAlreadyExists, "order_already_exists")]
    [InlineData(404, """{"error":{"code":"not_found","message":"no such order"}}""", KalshiErrorKind.NotFound, "not_found")]
    [InlineData(400, """{"error":{"code":"MARKET_INACTIVE","message":"market closed"}}""", KalshiErrorKind.MarketInactive, "MARKET_INACTIVE")]
    [InlineData(400, """{"error":{"code":"bad_request","message":"x","details":"MARKET_INACTIVE"}}""", KalshiErrorKind.MarketInactive, "bad_request")]
    [InlineData(429, """{"msg":"too many requests"}""", KalshiErrorKind.RateLimited, null)]
    [InlineData(503, """{"msg":"upstream"}""", KalshiErrorKind.ServerError, null)]
    [InlineData(500, "<html>oops</html>", KalshiErrorKind.ServerError, null)]
    [InlineData(418, "", KalshiErrorKind.Unknown, null)]
    public void All_three_shapes_become_typed_errors(int status, string body, KalshiErrorKind kind, string? code)
    {
        var e = KalshiErrorParser.Parse(status, body);
        Assert.Equal(kind, e.Kind);
        Assert.Equal(status, e.HttpStatus);
        Assert.Equal(code, e.Code);
    }

    [Fact]
    public void Message_and_details_are_kept_raw()
    {
        var nested = KalshiErrorParser.Parse(401, """{"error":{"code":"authentication_error","message":"bad sig","details":"INCORRECT_API_KEY_SIGNATURE"}}""");
        Assert.Equal("bad sig", nested.Message);
        Assert.Equal("INCORRECT_API_KEY_SIGNATURE", nested.Details);

        var flat = KalshiErrorParser.Parse(400, """{"code":"invalid_order","message":"post only cross","details":{"x":1}}""");
        Assert.Equal("post only cross", flat.Message);
        Assert.Equal("""{"x":1}""", flat.Details);

        var msg = KalshiErrorParser.Parse(429, """{"msg":"slow down"}""");
        Assert.Equal("slow down", msg.Message);

        var html = KalshiErrorParser.Parse(502, "<html>bad gateway</html>");
        Assert.Equal("<html>bad gateway</html>", html.Message);
    }
}
