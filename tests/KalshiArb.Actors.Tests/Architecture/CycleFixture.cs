// Two folders that use each other, one of them only inside a method body: FolderGraphSpec proves the graph sees both.
namespace KalshiArb.Actors.Tests.Architecture.CycleFixture.Quotes
{
    public sealed record Quote(int Cents);

    public static class QuoteDesk
    {
        public static int Count() => new Orders.Ticket("t").Id.Length;
    }
}

namespace KalshiArb.Actors.Tests.Architecture.CycleFixture.Orders
{
    public sealed record Ticket(string Id)
    {
        public Quotes.Quote? Last { get; init; }
    }
}

namespace KalshiArb.Actors.Tests.Architecture.CycleFixture.Fills
{
    public sealed record Fill(Orders.Ticket Ticket);
}
