namespace KalshiArb.Exchange.Rest;

/// <summary>Kalshi's primary error shape: {"error":{"code","message","details"}}.</summary>
internal static class ApiErrors
{
    public static IResult Error(int status, string code, string message, string? details = null) =>
        Results.Json(new ErrorEnvelopeDto(new ErrorBodyDto(code, message, details)), WireJson.Options, statusCode: status);

    public static IResult From(ExchangeRejection r) => Error(r.HttpStatus, r.WireCode, r.Message, r.Details);

    public static ErrorBodyDto Body(ExchangeRejection r) => new(r.WireCode, r.Message, r.Details);

    public static IResult BadRequest(string message) => Error(400, "invalid_parameters", message);

    public static IResult NotFound(string message) => Error(404, "not_found", message);

    public static Task Write(HttpContext context, int status, string code, string message, string? details)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ErrorEnvelopeDto(new ErrorBodyDto(code, message, details)), WireJson.Options);
    }
}
