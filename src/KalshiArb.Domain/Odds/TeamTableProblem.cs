namespace KalshiArb.Domain.Odds;

public enum TeamTableProblemKind
{
    Empty,
    BadCode,
    DuplicateCode,
    EmptyFullName,
    DuplicateFullName,
    EmptyShortName,
    /// <summary>Two teams' codes concatenated split more than one way.</summary>
    AmbiguousPair,
}

public sealed record TeamTableProblem(TeamTableProblemKind Kind, string Detail);
